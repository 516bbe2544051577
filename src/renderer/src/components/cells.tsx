import type { MentionRow } from '../../../shared/rows'
import type { Sentiment } from '../../../shared/types'
import type { QueryNode } from '../../../shared/query'
import { useI18n } from '../i18n'
import { Highlighted } from './Highlighted'

const PLATFORM_GLYPH: Record<string, string> = {
  news: 'N',
  telegram: 'TG',
  vk: 'VK',
  instagram: 'IG',
  facebook: 'FB',
  youtube: 'YT',
  tiktok: 'TT',
  x: 'X',
  ok: 'OK',
  threads: 'TH',
  forum: 'F',
  blog: 'B',
  other: '·'
}

/** Sentiment as colour and word: never colour alone. */
export function SentimentBadge({ value, origin }: { value: Sentiment | null; origin?: string | null }) {
  const { t, tx } = useI18n()
  const key = value ?? 'unlabelled'
  return (
    <span
      className={`sentiment sentiment-${key}`}
      title={origin ? `${tx(`sentiment.${key}`)} · ${tx(`sentiment.origin.${origin}`)}` : undefined}
    >
      <span className="dot" aria-hidden="true" />
      {tx(`sentiment.${key}`)}
      {origin === 'manual' && (
        <span
          className="origin-mark"
          aria-label={t('sentiment.origin.manual')}
          title={t('sentiment.origin.manual')}
        >
          ✓
        </span>
      )}
    </span>
  )
}

/** A platform's small coloured mark, with the name for screen readers and as a tooltip. */
export function PlatformIcon({ platform, decorative }: { platform: string; decorative?: boolean }) {
  const { tx } = useI18n()
  const name = tx(`platform.${platform}`, platform)
  if (decorative)
    return (
      <span className={`platform-icon p-${platform}`} aria-hidden="true">
        {PLATFORM_GLYPH[platform] ?? '·'}
      </span>
    )
  return (
    <span className={`platform-icon p-${platform}`} title={name} aria-label={name} role="img">
      {PLATFORM_GLYPH[platform] ?? '·'}
    </span>
  )
}

export function PlatformBadge({ platform }: { platform: string }) {
  const { tx } = useI18n()
  return (
    <span className="platform">
      <PlatformIcon platform={platform} decorative />
      <span className="platform-name">{tx(`platform.${platform}`, platform)}</span>
    </span>
  )
}

/** Title in bold, then the start of the text, with the search terms marked; plain text only. */
export function TextCell({ row, query }: { row: MentionRow; query: QueryNode | null }) {
  return (
    <span className="text-cell">
      {row.title && (
        <strong>
          <Highlighted text={row.title} query={query} />
        </strong>
      )}
      {row.title ? ' — ' : ''}
      <Highlighted text={row.snippet} query={query} />
    </span>
  )
}

export function ResponseBadge({ status }: { status: MentionRow['responseStatus'] }) {
  const { tx } = useI18n()
  if (!status) return null
  return <span className={`tag response-${status}`}>{tx(`response.${status}`)}</span>
}

export function Tags({ items }: { items: string[] }) {
  if (!items.length) return null
  return (
    <span className="tags">
      {items.map((x) => (
        <span key={x} className="tag">
          {x}
        </span>
      ))}
    </span>
  )
}
