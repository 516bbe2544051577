import { parse, HTMLElement, TextNode, type Node } from 'node-html-parser'

/** Elements that start a new line in rendered text. */
const BLOCK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'tr',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'hr',
  'address',
  'nav',
  'main',
  'form'
])
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object'])

/** Parse options: drop the content of script/style instead of keeping it as text. */
export const HTML_OPTIONS = {
  blockTextElements: { script: false, noscript: false, style: false, pre: true },
  comment: false
}

/**
 * Plain text of an HTML fragment: entities decoded, <br> and block ends → newlines, scripts dropped,
 * spaces collapsed. htmlToText('<p>A&nbsp;&laquo;b&raquo;<br>c</p>') → 'A «b»\nc'
 */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return ''
  if (!/[<&]/.test(html)) return tidy(html)
  // Hostile markup (thousands of levels, or of unclosed elements) would take the tree parser minutes
  // and overflow the stack of the walk: such a fragment is read as flat text instead.
  // Any "<" left is text: escaped, so the parser (used here only to decode entities) sees no markup.
  const flat = (): string => tidy(parse(stripTags(html).replace(/</g, '&lt;'), HTML_OPTIONS).text)
  if (!tagNestingWithin(html)) return flat()
  try {
    return elementToText(parse(html, HTML_OPTIONS))
  } catch {
    // node-html-parser throws on some attributes (one named "constructor" or "toString" reads
    // Object.prototype): the text is still there, read flat.
    return flat()
  }
}

/** Deeper than any real page or feed item (t.me previews nest about 20 levels). */
export const MAX_TAG_DEPTH = 400
/** node-html-parser repairs unclosed elements at the end in time quadratic in their number. */
export const MAX_UNCLOSED_TAGS = 500
const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr'
])
// What HTML_OPTIONS.blockTextElements makes node-html-parser read as raw text.
const RAW_TEXT_TAGS = new Set(Object.keys(HTML_OPTIONS.blockTextElements))

/**
 * One linear pass over the tags: false when they nest deeper than `maxDepth`, leave more than
 * `maxUnclosed` elements open at the end, or open a comment or CDATA section that never ends (all of
 * which make node-html-parser slow down quadratically). Void and self-closed elements and the content
 * of script/style are skipped.
 */
export function tagNestingWithin(
  html: string,
  maxDepth = MAX_TAG_DEPTH,
  maxUnclosed = MAX_UNCLOSED_TAGS
): boolean {
  let depth = 0
  let i = html.indexOf('<')
  while (i >= 0) {
    const c = html.charCodeAt(i + 1)
    let next = i + 1
    if (c === 33 /* ! */ || c === 63 /* ? */) {
      // The parser looks for the end of every unterminated <!-- or <![CDATA[ anew: quadratic in their number.
      const closer = html.startsWith('<!--', i) ? '-->' : html.startsWith('<![CDATA[', i) ? ']]>' : '>'
      const end = html.indexOf(closer, i + 2)
      if (end < 0) {
        if (closer !== '>') return false
        break
      }
      next = end + closer.length
    } else if (c === 47 /* / */) {
      if (depth > 0) depth--
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      let j = i + 1
      while (j < html.length && j - i <= 12 && /[A-Za-z0-9-]/.test(html[j]!)) j++
      const name = html.slice(i + 1, j).toLowerCase()
      const gt = html.indexOf('>', j)
      if (gt < 0) break
      next = gt + 1
      if (!VOID_TAGS.has(name) && html[gt - 1] !== '/') {
        if (RAW_TEXT_TAGS.has(name)) {
          const close = indexOfCi(html, `</${name}`, next)
          if (close < 0) break
          next = close
        } else if (++depth > maxDepth) return false
      }
    }
    i = html.indexOf('<', next)
  }
  return depth <= maxUnclosed
}

function indexOfCi(s: string, needle: string, from: number): number {
  for (let i = s.indexOf('</', from); i >= 0; i = s.indexOf('</', i + 2))
    if (s.substr(i, needle.length).toLowerCase() === needle) return i
  return -1
}

/** Markup out, one space per tag (entities are left for the caller to decode). Linear. */
function stripTags(html: string): string {
  const out: string[] = []
  let i = 0
  for (;;) {
    const lt = html.indexOf('<', i)
    if (lt < 0) break
    out.push(html.slice(i, lt), ' ')
    const gt = html.indexOf('>', lt + 1)
    if (gt < 0) {
      out.push(html.slice(lt)) // a lone "<" is text
      return out.join('')
    }
    i = gt + 1
  }
  out.push(html.slice(i))
  return out.join('')
}

/** Plain text of a parsed element (see htmlToText). */
export function elementToText(el: Node): string {
  const out: string[] = []
  walk(el, out)
  return tidy(out.join(''))
}

function walk(node: Node, out: string[]): void {
  if (node instanceof TextNode) {
    out.push(node.text)
    return
  }
  if (!(node instanceof HTMLElement)) return
  const tag = node.rawTagName ? node.rawTagName.toLowerCase() : ''
  if (SKIP.has(tag)) return
  if (tag === 'br') {
    out.push('\n')
    return
  }
  if (tag === 'img') {
    // An emoji picture carries its character in alt (Telegram's custom emoji, many news sites).
    const alt = node.getAttribute('alt')
    if (alt && alt.length <= 4) out.push(alt)
    return
  }
  const block = BLOCK.has(tag)
  if (block) out.push('\n')
  for (const c of node.childNodes) walk(c, out)
  if (block) out.push('\n')
}

/** Collapses spaces within lines, trims lines, keeps at most one empty line between paragraphs. */
export function tidy(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\f\v \u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
