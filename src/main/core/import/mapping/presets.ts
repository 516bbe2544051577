import type { Platform } from '../../../../shared/types'
import type { BuiltinPreset, TargetField } from '../types'
import {
  BA,
  FEED,
  MEDIA_CLOUD,
  TIKTOK_SCRAPER,
  INSTAGRAM_SCRAPER,
  YOUTUBE_SCRAPER,
  CROWDTANGLE,
  TGSTAT,
  POPSTERS,
  BRANDWATCH,
  MEDIALOGIA_CSV,
  MEDIALOGIA_EXCEL,
  MELTWATER,
  TALKWALKER,
  TELEGRAM,
  YOUSCAN_EN,
  YOUSCAN_RU
} from './preset-defs'
import type { SentimentScale } from '../values/labels'

/**
 * A built-in export format: the headers that identify it and where each field comes from.
 * Field candidates are header names; the first one the file has is used, the rest are fallbacks
 * read row by row (first non-empty cell wins).
 */
export interface PresetDef {
  id: BuiltinPreset
  variant: string | null
  /** Headers typical of this export; detection scores the share present. */
  signature: string[]
  /** At least this many signature headers must be present. */
  minMatch: number
  /** At least one of these must be present (what tells it from look-alikes). */
  anyOf?: string[]
  fields: Partial<Record<TargetField, string[]>>
  sentimentScale?: SentimentScale
  /** Brand Analytics: user tags are the columns after this one. */
  tagsAfter?: string
  platform?: Platform
}

/** Header comparison key: lower case, ё→е, whitespace collapsed, BOM/quotes/colons trimmed. */
export function headerKey(h: unknown): string {
  return trimQuotes(
    String(h ?? '')
      .replace(/[\ufeff\u00a0]/g, ' ')
      .trim()
  )
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s+/g, ' ')
}

/**
 * Leading quotes and trailing quotes/colons off, in one pass. (The regex /^["']+|["':]+$/ took
 * quadratic time on a long run of quotes inside a cell: minutes for a 150 KB header line.)
 */
function trimQuotes(s: string): string {
  let a = 0
  let b = s.length
  while (a < b && (s[a] === '"' || s[a] === "'")) a++
  while (b > a && (s[b - 1] === '"' || s[b - 1] === "'" || s[b - 1] === ':')) b--
  return s.slice(a, b)
}

export { TELEGRAM }

/** Every header-detected preset, most specific first. */
export const PRESETS: PresetDef[] = [
  BA,
  FEED,
  YOUSCAN_RU,
  YOUSCAN_EN,
  MEDIALOGIA_CSV,
  MEDIALOGIA_EXCEL,
  MELTWATER,
  BRANDWATCH,
  TALKWALKER,
  MEDIA_CLOUD,
  TIKTOK_SCRAPER,
  INSTAGRAM_SCRAPER,
  YOUTUBE_SCRAPER,
  CROWDTANGLE,
  TGSTAT,
  POPSTERS
]

export function presetById(id: string, variant?: string | null): PresetDef | null {
  if (id === 'telegram-json') return TELEGRAM
  if (id === 'feed') return FEED
  const all = PRESETS.filter((p) => p.id === id)
  return all.find((p) => p.variant === variant) ?? all[0] ?? null
}

export interface PresetMatch {
  preset: PresetDef
  matched: number
  score: number
}

/** How well a header row fits a preset (null when it does not). */
export function matchPreset(p: PresetDef, keys: Set<string>): PresetMatch | null {
  let matched = 0
  for (const h of p.signature) if (keys.has(headerKey(h))) matched++
  if (matched < p.minMatch) return null
  if (p.anyOf && !p.anyOf.some((h) => keys.has(headerKey(h)))) return null
  return { preset: p, matched, score: matched / p.signature.length + matched / 1000 }
}

/** The best preset for a header row, or null. */
export function detectPreset(cells: unknown[], only?: PresetDef[]): PresetMatch | null {
  const keys = new Set(cells.map(headerKey).filter(Boolean))
  if (keys.size < 2) return null
  let best: PresetMatch | null = null
  for (const p of only ?? PRESETS) {
    const m = matchPreset(p, keys)
    if (m && (!best || m.score > best.score)) best = m
  }
  return best
}
