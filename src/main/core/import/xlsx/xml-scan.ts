import { ZipLimitError } from './zip'

/**
 * Finds the elements of one name in XML text, streamed or whole, in linear time. A lazy regex
 * (`<row…>[\s\S]*?</row>`) retried every start of an element that never closes, and re-scanned the
 * whole buffer on every chunk: a row or string left open made a 1 MB workbook run for hours. Here each
 * character is looked at a bounded number of times, and an element longer than `maxChars` is refused.
 *
 * new ElementScanner('row', 1e6, (attrs, body) => …).push('<row r="1"><c/></row><row/>')
 * calls back with (' r="1"', '<c/>') and ('', undefined) (self-closing: no body).
 */
export class ElementScanner {
  private readonly open: RegExp
  /** Text before an element start (only a short tail is kept while no element is open). */
  private buf = ''
  /** Inside an element: its text so far, in pieces (joined once, when it closes). */
  private parts: string[] | null = null
  private len = 0
  /** Offset of the open tag's name end, and of its '>' once seen (-1: not yet). */
  private nameEnd = 0
  private gt = -1
  private selfClosing = false
  private close = ''
  /** The last characters of the element so far, for a close tag split across pieces. */
  private tail = ''

  constructor(
    private readonly name: string,
    private readonly maxChars: number,
    private readonly each: (attrs: string, body: string | undefined) => void,
    /** Names the element in the error ("a row of the sheet"). */
    private readonly what = `an <${name}> element`
  ) {
    this.open = new RegExp(`<(\\w+:)?${name}\\b`, 'g')
  }

  push(text: string): void {
    while (text) {
      if (this.parts) {
        text = this.continueElement(text)
        continue
      }
      const s = this.buf + text
      this.open.lastIndex = 0
      const m = this.open.exec(s)
      if (!m) {
        // An element's start may be split across pieces: keep a short tail.
        const lt = s.lastIndexOf('<')
        this.buf = lt >= 0 && s.length - lt < 64 ? s.slice(lt) : ''
        return
      }
      // '<row' at the very end may yet become '<rowBreaks': wait for the next piece.
      if (m.index + m[0].length === s.length) {
        this.buf = s.slice(m.index)
        return
      }
      this.buf = ''
      this.parts = []
      this.len = 0
      this.nameEnd = m[0].length
      this.gt = -1
      this.selfClosing = false
      this.close = m[1] ? `</${m[1]}${this.name}>` : closeTag(this.name)
      this.tail = ''
      text = this.continueElement(s.slice(m.index))
    }
  }

  /** Feeds text to the open element; returns what follows its end ('' if it is still open). */
  private continueElement(text: string): string {
    const base = this.len // the element offset of text[0]
    if (this.gt < 0) {
      const i = text.indexOf('>', base === 0 ? this.nameEnd : 0)
      if (i < 0) return this.grow(text)
      this.gt = base + i
      if ((i > 0 ? text[i - 1] : this.tail.slice(-1)) === '/') {
        this.selfClosing = true
        return this.finish(text, i + 1)
      }
    }
    // The close tag may start in an earlier piece: search the joint of the tail and this piece.
    const joint = this.tail ? this.tail + text : text
    const offset = base - this.tail.length // the element offset of joint[0]
    const j = joint.indexOf(this.close, Math.max(0, this.gt + 1 - offset))
    if (j >= 0) return this.finish(text, j + this.close.length - this.tail.length)
    return this.grow(text)
  }

  private grow(text: string): string {
    this.parts!.push(text)
    this.len += text.length
    if (this.len > this.maxChars) throw this.tooLong()
    const k = this.close.length - 1
    this.tail = text.length >= k ? text.slice(-k) : (this.tail + text).slice(-k)
    return ''
  }

  private tooLong(): ZipLimitError {
    return new ZipLimitError(
      `${this.what} is longer than ${this.maxChars.toLocaleString('en-US')} characters (the limit)`,
      this.maxChars
    )
  }

  private finish(text: string, end: number): string {
    const whole = this.parts!.join('') + text.slice(0, end)
    this.parts = null
    if (whole.length > this.maxChars) throw this.tooLong()
    if (this.selfClosing) this.each(whole.slice(this.nameEnd, this.gt - 1), undefined)
    else
      this.each(
        whole.slice(this.nameEnd, this.gt),
        whole.slice(this.gt + 1, whole.length - this.close.length)
      )
    return text.slice(end)
  }
}

const CLOSE = new Map<string, string>()
function closeTag(name: string): string {
  let c = CLOSE.get(name)
  if (!c) CLOSE.set(name, (c = `</${name}>`))
  return c
}

const OPEN = new Map<string, RegExp>()
/** The start of an element `name` with any namespace prefix; one compiled regex per name. */
function openTag(name: string): RegExp {
  let re = OPEN.get(name)
  if (!re) OPEN.set(name, (re = new RegExp(`<(\\w+:)?${name}\\b`, 'g')))
  return re
}

/**
 * Every element of `name` in a complete text, in order (an unclosed one ends the walk); `each` returns
 * false to stop. Linear: each start is followed by one search for '>' and one for its close tag, and
 * a failed search ends the walk (a later start could only fail the same way).
 */
export function eachElement(
  xml: string,
  name: string,
  each: (attrs: string, body: string | undefined) => void | false
): void {
  const re = openTag(name)
  let at = 0
  for (;;) {
    re.lastIndex = at
    const m = re.exec(xml)
    if (!m) return
    const nameEnd = m.index + m[0].length
    const gt = xml.indexOf('>', nameEnd)
    if (gt < 0) return
    if (xml.charCodeAt(gt - 1) === 47 /* / */ && gt - 1 >= nameEnd) {
      if (each(xml.slice(nameEnd, gt - 1), undefined) === false) return
      at = gt + 1
      continue
    }
    const close = m[1] ? `</${m[1]}${name}>` : closeTag(name)
    const end = xml.indexOf(close, gt + 1)
    if (end < 0) return
    if (each(xml.slice(nameEnd, gt), xml.slice(gt + 1, end)) === false) return
    at = end + close.length
  }
}

/** The first element of `name` in a complete text, or null. */
export function firstElement(xml: string, name: string): { attrs: string; body: string | undefined } | null {
  let found: { attrs: string; body: string | undefined } | null = null
  eachElement(xml, name, (attrs, body) => {
    found = { attrs, body }
    return false
  })
  return found
}
