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
  return elementToText(parse(html, HTML_OPTIONS))
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
