import type { Prng } from '../prng'

/** Byte sequences that parsers of text exports, XML and HTML treat specially. */
const SPECIALS = [
  '"',
  '""',
  '"""',
  "'",
  ';',
  ',',
  '\t',
  '|',
  '\n',
  '\r',
  '\r\n',
  '\0',
  '\uFEFF',
  '\\',
  '\u2028',
  '\uD800',
  '\uFFFD',
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  '&#xFFFFFF;',
  '&bogus;',
  ']]>',
  '<![CDATA[',
  '<!--',
  '-->',
  '<?xml version="1.0"?>',
  '</',
  '/>',
  '{',
  '}',
  '[',
  ']',
  ':',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  '0x',
  '=cmd|',
  '+',
  '@',
  '😀',
  '\u202E',
  'ё',
  'Ә',
  'ğ',
  '%s',
  '%n',
  '${x}',
  'undefined',
  '__proto__',
  'constructor'
].map((s) => Buffer.from(s, 'utf8'))
const RAW_BYTES = [
  Buffer.from([0xff]),
  Buffer.from([0xc3, 0x28]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0xff, 0xfe])
]

export interface MutateOptions {
  /** Largest field a mutation may insert (bytes). */
  hugeMax: number
  /** Extra sequences for this format (tags, delimiters…). */
  tokens?: Buffer[]
}

/** Applies 1–4 random mutations: bit flips, truncation, insertion of special sequences, huge fields, splices, repeats. */
export function mutateBytes(rng: Prng, input: Buffer, opts: MutateOptions, donors: Buffer[] = []): Buffer {
  let b: Buffer = Buffer.from(input)
  const n = 1 + rng.int(4)
  for (let i = 0; i < n; i++) b = mutateOnce(rng, b, opts, donors)
  return b
}

function mutateOnce(rng: Prng, b: Buffer, opts: MutateOptions, donors: Buffer[]): Buffer {
  const at = b.length ? rng.int(b.length + 1) : 0
  switch (rng.int(10)) {
    case 0: {
      // flip bits
      const c = Buffer.from(b)
      for (let k = 0, m = 1 + rng.int(8); k < m && c.length; k++) c[rng.int(c.length)]! ^= 1 << rng.int(8)
      return c
    }
    case 1:
      return b.subarray(0, at) // truncate
    case 2:
    case 3: {
      const pool = [...SPECIALS, ...RAW_BYTES, ...(opts.tokens ?? [])]
      const ins = Buffer.concat(Array.from({ length: 1 + rng.int(3) }, () => rng.pick(pool)))
      return Buffer.concat([b.subarray(0, at), ins, b.subarray(at)])
    }
    case 4: {
      // a huge field
      const len = rng.chance(0.5) ? rng.int(4096) : rng.int(opts.hugeMax)
      // Long runs of one character are what backtracking regexes choke on.
      const fill = Buffer.from(
        rng.pick([
          'a',
          '"',
          'я',
          ' ',
          '<a>',
          '\0',
          '.',
          '(',
          ')',
          ':',
          ',',
          ';',
          '-',
          '\\',
          '&',
          '\t',
          '\r\n',
          '[',
          '{',
          '/',
          '@',
          '#',
          '*',
          "'"
        ])
      )
      return Buffer.concat([b.subarray(0, at), Buffer.alloc(Math.max(1, len), fill), b.subarray(at)])
    }
    case 5: {
      // delete a slice
      const end = Math.min(b.length, at + rng.int(64))
      return Buffer.concat([b.subarray(0, at), b.subarray(end)])
    }
    case 6: {
      // repeat a slice
      const len = rng.int(Math.min(256, b.length - at) + 1)
      const slice = b.subarray(at, at + len)
      const times = 1 + rng.int(rng.chance(0.1) ? 2000 : 8)
      return Buffer.concat([b.subarray(0, at), ...Array<Buffer>(times).fill(slice), b.subarray(at)])
    }
    case 7: {
      // splice in part of another sample
      const d = donors.length ? rng.pick(donors) : b
      const from = rng.int(d.length + 1)
      return Buffer.concat([b.subarray(0, at), d.subarray(from, from + rng.int(512)), b.subarray(at)])
    }
    case 8: {
      // overwrite with random bytes
      const c = Buffer.from(b)
      for (let k = 0, m = 1 + rng.int(16); k < m && c.length; k++)
        c[Math.min(c.length - 1, at + k)] = rng.int(256)
      return c
    }
    default: {
      // swap two slices
      if (b.length < 4) return b
      const x = rng.int(b.length - 1)
      const y = rng.int(b.length - 1)
      const [lo, hi] = x < y ? [x, y] : [y, x]
      const len = Math.min(rng.int(64) + 1, hi - lo, b.length - hi)
      if (len <= 0) return b
      return Buffer.concat([
        b.subarray(0, lo),
        b.subarray(hi, hi + len),
        b.subarray(lo + len, hi),
        b.subarray(lo, lo + len),
        b.subarray(hi + len)
      ])
    }
  }
}

/** Random text mixing Cyrillic, Kazakh, Latin, digits, punctuation and the odd control character. */
export function randomText(rng: Prng, max: number): string {
  const alphabets = [
    'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
    'әғқңөұүһі',
    'abcdefghijklmnopqrstuvwxyz',
    '0123456789',
    ' .,;:!?-"\'()[]{}<>/\\*&%$#@+=_|~`',
    '\t\n\r\0\u00a0\u200b'
  ]
  const len = rng.int(max + 1)
  let s = ''
  for (let i = 0; i < len; i++) {
    const a = alphabets[rng.chance(0.7) ? rng.int(3) : rng.int(alphabets.length)]!
    s += a[rng.int(a.length)]!
  }
  return s
}

/** A JSON value of random shape (wrong types for schema fuzzing, nesting, big numbers). */
export function randomJson(rng: Prng, depth = 0): unknown {
  const k = rng.int(depth > 4 ? 6 : 9)
  switch (k) {
    case 0:
      return null
    case 1:
      return rng.chance(0.5)
    case 2:
      return rng.pick([
        0,
        -1,
        1,
        2 ** 31,
        -(2 ** 53),
        2 ** 53 + 2,
        1e308,
        -1e-308,
        0.5,
        1e9 + 1,
        Number.MAX_SAFE_INTEGER
      ])
    case 3:
      return rng.int(20)
    case 4:
      return randomText(rng, rng.chance(0.05) ? 5000 : 30)
    case 5:
      return rng.pick([
        '',
        'negative',
        'news',
        '2026-11-16',
        '2026-W47',
        'акимат',
        '../../etc/passwd',
        'C:\\x',
        'http://127.0.0.1/',
        '__proto__'
      ])
    case 6:
      return Array.from({ length: rng.int(5) }, () => randomJson(rng, depth + 1))
    case 7: {
      const o: Record<string, unknown> = {}
      for (let i = rng.int(5); i > 0; i--)
        o[
          rng.pick([
            'id',
            'ids',
            'filter',
            'name',
            'query',
            'x',
            'from',
            'to',
            'path',
            'constructor',
            randomText(rng, 8)
          ])
        ] = randomJson(rng, depth + 1)
      return o
    }
    default: {
      // deep nesting
      let v: unknown = 1
      for (let i = rng.int(200); i > 0; i--) v = rng.chance(0.5) ? [v] : { a: v }
      return v
    }
  }
}
