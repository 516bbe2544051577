import { describe, expect, it } from 'vitest'
import { TOKEN_RE, tokenEnd, tokenizeWithOffsets } from '../../src/main/core/analysis/sentiment/tokens'
import { mulberry32 } from '../../src/main/core/analysis/sentiment/linear'

/** Tokens as the regular expression finds them: [start, end) pairs. */
const byRegex = (s: string): Array<[number, number]> =>
  [...s.matchAll(TOKEN_RE)].map((m) => [m.index, m.index + m[0].length])
const byScanner = (s: string): Array<[number, number]> => {
  const out: Array<[number, number]> = []
  for (let i = 0; i < s.length;) {
    const e = tokenEnd(s, i)
    if (e < 0) i++
    else {
      out.push([i, e])
      i = e
    }
  }
  return out
}

// Pieces that stress the edges: Kazakh and Russian letters, Latin, digits, combining marks (й as и +
// breve, a stress mark), astral letters (𝐀, 𠀀) and astral non-letters (emoji), lone surrogates,
// every punctuation class, runs of ! and ?, ellipses of two, three and four dots, hashtags, caps.
const PIECES = [
  'Әкімдік',
  'жолдарды',
  'ҚАЛА',
  'акимат',
  'ёлка',
  'Нур-Султан',
  'COVID19',
  'x',
  '2026',
  '5,5',
  'и\u0306',
  'о\u0301',
  '𝐀𝐁',
  '𠀀',
  '😡',
  '👍🏻',
  '\ud800',
  '\udc00',
  '«',
  '»',
  '“',
  '”',
  '„',
  '"',
  ',',
  ';',
  '—',
  '–',
  '..',
  '...',
  '....',
  '.',
  '…',
  '!',
  '!!!',
  '?',
  '??',
  '?!',
  ':',
  ':)',
  '))',
  '#белтау',
  '@aким',
  ' ',
  '  ',
  '\n',
  '\t',
  '҂',
  '\u0483',
  '-',
  '(',
  '%',
  '№'
]

describe('the sentiment tokeniser', () => {
  it('finds exactly the tokens TOKEN_RE finds, on thousands of random texts', () => {
    const r = mulberry32(11)
    for (let t = 0; t < 3000; t++) {
      let s = ''
      const n = 1 + Math.floor(r() * 12)
      for (let k = 0; k < n; k++) s += PIECES[Math.floor(r() * PIECES.length)]
      expect(byScanner(s), JSON.stringify(s)).toEqual(byRegex(s))
    }
  })

  it('classifies tokens and tracks quotes', () => {
    const toks = tokenizeWithOffsets('Аким сказал: «всё отлично»... Правда?! 👍')
    expect(toks.map((t) => t.kind).join(' ')).toBe('w w : q w w q . w ? !')
    expect(toks.filter((t) => t.quoted).map((t) => t.norm)).toEqual(['все', 'отлично'])
    expect(toks.find((t) => t.norm === 'аким')?.cap).toBe(true)
  })
})
