/** One CSV record with the 1-based physical line it starts on. */
export interface CsvRecord {
  line: number
  cells: string[]
  /** A cell went past the cell limit: its text was dropped (index of the column, characters seen). */
  oversized?: { column: number; chars: number }
  /** The cells together went past the row limit (characters); their text was dropped. */
  tooLong?: number
  /** More cells than the row limit allows (the rest were dropped). */
  tooWide?: number
  /** The input ended inside a quoted field (a truncated file or an unbalanced quote). */
  unterminated?: boolean
}

const QUOTE = 34
const LF = 10
const CR = 13

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: the closing one, or the first of a doubled pair. */
  QuoteInQuoted,
  /** After a closing quote, until the delimiter (text there is kept, as spreadsheet programs do). */
  AfterQuoted
}

/**
 * A streaming RFC 4180 tokenizer that resumes across chunks: quoted fields with embedded newlines and
 * doubled quotes, CRLF / LF / CR line ends, blank lines skipped. It tracks the physical line each record
 * starts on and stops collecting a cell past `maxCell` characters (so a 50 MB cell costs no memory).
 */
export class CsvTokenizer {
  /** Physical line (1-based) the tokenizer is on. */
  line = 1
  private readonly delim: number
  private readonly maxCell: number
  private readonly maxCells: number
  private readonly maxRecord: number
  private recordLen = 0
  private cellCount = 0
  private readonly emit: (r: CsvRecord) => void
  private state = State.FieldStart
  private cells: string[] = []
  private field = ''
  private fieldLen = 0
  private recordLine = 1
  private skipLf = false
  /** A CR ended the previous chunk inside quotes: one line end, or the first half of CRLF. */
  private crAtEnd = false
  private oversized: CsvRecord['oversized'] = undefined
  private readonly lfSeen = { from: Infinity, at: -1 }
  private readonly crSeen = { from: Infinity, at: -1 }

  constructor(
    delimiter: string,
    emit: (r: CsvRecord) => void,
    opts: { maxCell?: number; maxCells?: number; maxRecord?: number } = {}
  ) {
    if (delimiter.length !== 1) throw new Error(`The delimiter must be one character, not "${delimiter}".`)
    this.delim = delimiter.charCodeAt(0)
    this.emit = emit
    this.maxCell = opts.maxCell ?? Number.MAX_SAFE_INTEGER
    this.maxCells = opts.maxCells ?? 100_000
    this.maxRecord = opts.maxRecord ?? Number.MAX_SAFE_INTEGER
  }

  push(s: string): void {
    this.lfSeen.from = this.crSeen.from = Infinity // a new chunk: nothing remembered applies
    const n = s.length
    const D = this.delim
    let i = 0
    if (this.crAtEnd && n > 0) {
      this.crAtEnd = false
      if (!(this.state === State.Quoted && s.charCodeAt(0) === LF)) this.line++
    }
    if (this.skipLf && n > 0) {
      this.skipLf = false
      if (s.charCodeAt(0) === LF) i = 1
    }
    while (i < n) {
      switch (this.state) {
        case State.FieldStart:
          if (s.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted
            i++
            break
          }
          this.state = State.Unquoted
          break
        case State.Unquoted: {
          let j = i
          let c = 0
          while (j < n) {
            c = s.charCodeAt(j)
            if (c === D || c === LF || c === CR) break
            j++
          }
          if (j > i) this.append(s, i, j)
          if (j === n) return
          i = this.terminator(s, j, c)
          break
        }
        case State.Quoted: {
          const j = s.indexOf('"', i)
          const end = j < 0 ? n : j
          this.countLines(s, i, end)
          if (end > i) this.append(s, i, end)
          if (j < 0) return
          i = j + 1
          this.state = State.QuoteInQuoted
          break
        }
        case State.QuoteInQuoted: {
          const c = s.charCodeAt(i)
          if (c === QUOTE) {
            this.appendText('"')
            this.state = State.Quoted
            i++
          } else this.state = State.AfterQuoted
          break
        }
        case State.AfterQuoted: {
          const c = s.charCodeAt(i)
          if (c === D || c === LF || c === CR) i = this.terminator(s, i, c)
          else {
            this.appendText(s[i]!)
            i++
          }
          break
        }
      }
    }
  }

  /** Flushes the last record; a file that ends inside quotes yields it marked `unterminated`. */
  end(): void {
    if (this.crAtEnd) {
      this.crAtEnd = false
      this.line++
    }
    const unterminated = this.state === State.Quoted
    if (this.state !== State.FieldStart || this.cells.length > 0) {
      this.endField()
      this.endRecord(unterminated)
    }
    this.state = State.FieldStart
  }

  /** Handles a delimiter or line end at s[j]; returns the next index. */
  private terminator(s: string, j: number, c: number): number {
    this.endField()
    this.state = State.FieldStart
    if (c === this.delim) return j + 1
    this.endRecord(false)
    this.line++
    this.recordLine = this.line
    if (c === CR) {
      if (j + 1 < s.length) return s.charCodeAt(j + 1) === LF ? j + 2 : j + 1
      this.skipLf = true
    }
    return j + 1
  }

  private countLines(s: string, from: number, to: number): void {
    for (
      let k = this.nextOf(s, this.lfSeen, '\n', from);
      k >= 0 && k < to;
      k = this.nextOf(s, this.lfSeen, '\n', k + 1)
    )
      this.line++
    // Old Mac line ends inside quotes: a CR not followed by LF.
    for (
      let k = this.nextOf(s, this.crSeen, '\r', from);
      k >= 0 && k < to;
      k = this.nextOf(s, this.crSeen, '\r', k + 1)
    ) {
      if (k + 1 === s.length) this.crAtEnd = true
      else if (s.charCodeAt(k + 1) !== LF) this.line++
    }
  }

  /**
   * First index of `ch` at or after `from` in the current chunk, remembered: a long run of short quoted
   * pieces (""""…) must not search ahead to the same distant line end again and again (that was
   * quadratic: minutes for a 400 KB field of doubled quotes). `seen.at` is the first `ch` at or after `seen.from`.
   */
  private nextOf(s: string, seen: { from: number; at: number }, ch: string, from: number): number {
    if (from >= seen.from && (seen.at < 0 || from <= seen.at)) return seen.at
    seen.from = from
    seen.at = s.indexOf(ch, from)
    return seen.at
  }

  private append(s: string, from: number, to: number): void {
    this.fieldLen += to - from
    if (this.fieldLen > this.maxCell) return this.overflow()
    this.field = this.field.length === 0 ? s.slice(from, to) : this.field + s.slice(from, to)
  }

  private appendText(t: string): void {
    this.fieldLen += t.length
    if (this.fieldLen > this.maxCell) return this.overflow()
    this.field += t
  }

  private overflow(): void {
    this.oversized = { column: this.cells.length, chars: this.fieldLen }
    this.field = ''
  }

  private endField(): void {
    if (this.oversized && this.oversized.column === this.cells.length) this.oversized.chars = this.fieldLen
    this.cellCount++
    this.recordLen += this.field.length
    // Past the row limits the text is dropped (and the record flagged): memory stays bounded.
    if (this.cells.length < this.maxCells) this.cells.push(this.recordLen > this.maxRecord ? '' : this.field)
    this.field = ''
    this.fieldLen = 0
  }

  private endRecord(unterminated: boolean): void {
    const cells = this.cells
    this.cells = []
    const oversized = this.oversized
    this.oversized = undefined
    const [len, count] = [this.recordLen, this.cellCount]
    this.recordLen = 0
    this.cellCount = 0
    // A blank line is one empty cell: not a record.
    if (cells.length === 1 && cells[0] === '' && !oversized && !unterminated) return
    const rec: CsvRecord = { line: this.recordLine, cells }
    if (oversized) rec.oversized = oversized
    if (len > this.maxRecord) rec.tooLong = len
    if (count > this.maxCells) rec.tooWide = count
    if (unterminated) rec.unterminated = true
    this.emit(rec)
  }
}

/** Tokenizes a whole string (tests, head samples). */
export function parseCsvText(
  text: string,
  delimiter: string,
  opts: { maxRecords?: number; complete?: boolean } = {}
): CsvRecord[] {
  const out: CsvRecord[] = []
  const t = new CsvTokenizer(delimiter, (r) => out.push(r))
  t.push(text)
  if (opts.complete !== false) t.end()
  return opts.maxRecords ? out.slice(0, opts.maxRecords) : out
}
