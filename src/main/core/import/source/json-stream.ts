/**
 * A streaming JSON tokenizer: text goes in by chunks, tokens come out to a handler, and nothing of the
 * document is kept but the open containers and the token being read. A Telegram export of hundreds of
 * megabytes is read in bounded memory this way (JSON.parse holds the text and its whole object tree).
 * Strict like JSON.parse (RFC 8259: no comments, no trailing commas, no raw control characters in strings).
 * A string longer than `maxStringChars` is not built: the handler gets `TOO_LONG` in its place.
 */
export interface JsonHandler {
  startObject(): void
  endObject(): void
  startArray(): void
  endArray(): void
  key(k: string | typeof TOO_LONG): void
  value(v: string | number | boolean | null | typeof TOO_LONG): void
}

/** Stands for a string past the length limit (never built in memory). */
export const TOO_LONG: unique symbol = Symbol('json string too long')

/** A syntax error, with where it was found (1-based line and column, 0-based character offset). */
export class JsonSyntaxError extends Error {
  constructor(
    readonly why: string,
    readonly line: number,
    readonly column: number,
    readonly offset: number
  ) {
    super(`${why} at line ${line}, column ${column}`)
  }
}

// What the tokenizer expects next.
const enum Expect {
  Value, // a value (document start, after ':' or after ',' in an array)
  ValueOrEnd, // after '[': a value or ']'
  KeyOrEnd, // after '{': a key or '}'
  Key, // after ',' in an object
  Colon,
  CommaOrEnd, // after a value inside a container
  Done // the top-level value is complete; only whitespace may follow
}

const enum Token {
  None,
  String,
  Number,
  Literal
}

const OBJ = 1
const ARR = 2

export class JsonTokenizer {
  private expect = Expect.Value
  private readonly stack: number[] = []
  private token = Token.None
  private isKey = false
  private parts: string[] = []
  private partsLength = 0
  private tooLong = false
  private escape = '' // a backslash sequence cut by a chunk boundary
  private scalar = '' // a number or literal being read (short)
  // Position: characters before the current chunk, and the line/column at its start.
  private offset = 0
  private line = 1
  private lineStart = 0 // offset of the current line's first character

  constructor(
    private readonly h: JsonHandler,
    private readonly maxStringChars: number,
    private readonly maxDepth = 256
  ) {}

  write(chunk: string): void {
    const n = chunk.length
    let i = 0
    while (i < n) {
      if (this.token === Token.String) {
        i = this.readString(chunk, i)
        continue
      }
      if (this.token !== Token.None) {
        i = this.readScalar(chunk, i)
        continue
      }
      const c = chunk.charCodeAt(i)
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        i++
        continue
      }
      if (c === 0x0a) {
        this.line++
        this.lineStart = this.offset + i + 1
        i++
        continue
      }
      this.punctuation(c, chunk, i)
      i++
    }
    this.offset += n
  }

  /** The document must be complete. */
  end(): void {
    if (this.token === Token.Number || this.token === Token.Literal) this.finishScalar(this.offset)
    if (this.token === Token.String) this.fail('unterminated string', this.offset)
    if (this.expect !== Expect.Done)
      this.fail(this.stack.length ? 'unexpected end of the file' : 'empty document', this.offset)
  }

  private punctuation(c: number, chunk: string, i: number): void {
    const at = this.offset + i
    const e = this.expect
    if (e === Expect.Done) this.fail(`unexpected ${describe(c)} after the end of the document`, at)
    if (c === 0x22 /* " */) {
      if (e === Expect.KeyOrEnd || e === Expect.Key) this.isKey = true
      else if (e === Expect.Value || e === Expect.ValueOrEnd) this.isKey = false
      else this.fail(`unexpected string`, at)
      this.token = Token.String
      this.parts = []
      this.partsLength = 0
      this.tooLong = false
      return
    }
    if (c === 0x3a /* : */) {
      if (e !== Expect.Colon) this.fail(`unexpected ':'`, at)
      this.expect = Expect.Value
      return
    }
    if (c === 0x2c /* , */) {
      if (e !== Expect.CommaOrEnd) this.fail(`unexpected ','`, at)
      this.expect = this.stack[this.stack.length - 1] === OBJ ? Expect.Key : Expect.Value
      return
    }
    if (c === 0x7d /* } */) {
      if (!(e === Expect.KeyOrEnd || (e === Expect.CommaOrEnd && this.top() === OBJ)))
        this.fail(`unexpected '}'`, at)
      this.stack.pop()
      this.h.endObject()
      this.afterValue()
      return
    }
    if (c === 0x5d /* ] */) {
      if (!(e === Expect.ValueOrEnd || (e === Expect.CommaOrEnd && this.top() === ARR)))
        this.fail(`unexpected ']'`, at)
      this.stack.pop()
      this.h.endArray()
      this.afterValue()
      return
    }
    if (e !== Expect.Value && e !== Expect.ValueOrEnd) this.fail(`unexpected ${describe(c)}`, at)
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (this.stack.length >= this.maxDepth) this.fail(`nesting deeper than ${this.maxDepth} levels`, at)
      if (c === 0x7b) {
        this.stack.push(OBJ)
        this.expect = Expect.KeyOrEnd
        this.h.startObject()
      } else {
        this.stack.push(ARR)
        this.expect = Expect.ValueOrEnd
        this.h.startArray()
      }
      return
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) this.token = Token.Number
    else if (c === 0x74 || c === 0x66 || c === 0x6e) this.token = Token.Literal
    else this.fail(`unexpected ${describe(c)}`, at)
    this.scalar = chunk[i]!
  }

  private top(): number | undefined {
    return this.stack[this.stack.length - 1]
  }

  private afterValue(): void {
    this.expect = this.stack.length === 0 ? Expect.Done : Expect.CommaOrEnd
  }

  private readScalar(chunk: string, i: number): number {
    const n = chunk.length
    let j = i
    while (j < n && isScalarChar(chunk.charCodeAt(j))) j++
    this.scalar += chunk.slice(i, j)
    if (this.scalar.length > 400) this.fail('a number or literal too long', this.offset + j)
    if (j < n) this.finishScalar(this.offset + j)
    return j
  }

  private finishScalar(at: number): void {
    const s = this.scalar
    const wasNumber = this.token === Token.Number
    this.token = Token.None
    this.scalar = ''
    if (wasNumber) {
      if (!NUMBER.test(s)) this.fail(`invalid number ${JSON.stringify(s.slice(0, 40))}`, at - s.length)
      this.h.value(Number(s))
    } else if (s === 'true') this.h.value(true)
    else if (s === 'false') this.h.value(false)
    else if (s === 'null') this.h.value(null)
    else this.fail(`unexpected ${JSON.stringify(s.slice(0, 40))}`, at - s.length)
    this.afterValue()
  }

  /** Reads string characters from `i`; returns where it stopped (after the closing quote, or the chunk's end). */
  private readString(chunk: string, i: number): number {
    const n = chunk.length
    if (this.escape) {
      // Complete a backslash sequence cut by the previous chunk boundary.
      if (this.escape.length === 1) this.escape += chunk[i++]!
      if (this.escape[1] === 'u' && this.escape.length < 6) {
        const take = Math.min(n - i, 6 - this.escape.length)
        this.escape += chunk.slice(i, i + take)
        i += take
        if (this.escape.length < 6) return i
      }
      this.append(this.unescape(this.escape, this.offset + i - this.escape.length))
      this.escape = ''
    }
    let j = i
    while (j < n) {
      const c = chunk.charCodeAt(j)
      if (c === 0x22) {
        this.append(chunk.slice(i, j))
        this.finishString()
        return j + 1
      }
      if (c === 0x5c) {
        this.append(chunk.slice(i, j))
        const rest = n - j
        const len = rest >= 2 && chunk[j + 1] === 'u' ? 6 : 2
        if (rest < len) {
          this.escape = chunk.slice(j)
          return n
        }
        this.append(this.unescape(chunk.slice(j, j + len), this.offset + j))
        j += len
        i = j
        continue
      }
      if (c < 0x20) {
        if (c === 0x0a) this.fail('unterminated string (a line break inside it)', this.offset + j)
        this.fail(`a raw control character U+${c.toString(16).padStart(4, '0')} in a string`, this.offset + j)
      }
      j++
    }
    this.append(chunk.slice(i, n))
    return n
  }

  private unescape(seq: string, at: number): string {
    const c = seq[1]
    switch (c) {
      case '"':
      case '\\':
      case '/':
        return c
      case 'b':
        return '\b'
      case 'f':
        return '\f'
      case 'n':
        return '\n'
      case 'r':
        return '\r'
      case 't':
        return '\t'
      case 'u':
        if (/^[0-9a-fA-F]{4}$/.test(seq.slice(2))) return String.fromCharCode(parseInt(seq.slice(2), 16))
    }
    return this.fail(`invalid escape ${JSON.stringify(seq)}`, at)
  }

  private append(s: string): void {
    if (!s || this.tooLong) return
    this.partsLength += s.length
    if (this.partsLength > this.maxStringChars) {
      this.tooLong = true
      this.parts = []
      return
    }
    this.parts.push(s)
  }

  private finishString(): void {
    this.token = Token.None
    const v = this.tooLong ? TOO_LONG : this.parts.length === 1 ? this.parts[0]! : this.parts.join('')
    this.parts = []
    if (this.isKey) {
      this.h.key(v)
      this.expect = Expect.Colon
    } else {
      this.h.value(v)
      this.afterValue()
    }
  }

  private fail(why: string, at: number): never {
    // Lines are counted outside strings only (a JSON string holds no raw line break), so this is exact.
    const column = at - this.lineStart + 1
    throw new JsonSyntaxError(why, this.line, Math.max(1, column), at)
  }
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/

function isScalarChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x2d ||
    c === 0x2b ||
    c === 0x2e
  )
}

function describe(c: number): string {
  return c >= 0x20 && c < 0x7f
    ? `'${String.fromCharCode(c)}'`
    : `character U+${c.toString(16).padStart(4, '0')}`
}
