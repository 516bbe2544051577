import type { MentionRow } from '../../../shared/rows'
import type { Sentiment } from '../../../shared/types'
import { useI18n } from '../i18n'

const PLATFORM_GLYPH: Record<string, string> = {
  news: 'СМИ',
  telegram: 'TG',
  vk: 'VK',
  instagram: 'IG',
  facebook: 'FB',
  youtube: 'YT',
  tiktok: 'TT',
  x: 'X',
  ok: 'OK',
  threads: 'TH',
  forum: 'ФР',
  blog: 'БЛ',
  other: '··'
}

/** Sentiment as colour and word: never colour alone. */
export function SentimentBadge({ value, origin }: { value: Sentiment | null; origin?: string | null }) {
  const { t } = useI18n()
  const key = value ?? 'unlabelled'
  return (
    <span
      className={`sentiment sentiment-${key}`}
      title={origin ? t(`sentiment.origin.${origin}` as 'sentiment.origin.manual') : undefined}
    >
      <span className="dot" aria-hidden="true" />
      {t(`sentiment.${key}`)}
      {origin === 'manual' && (
        <span className="origin-mark" aria-label={t('sentiment.origin.manual')}>
          ✓
        </span>
      )}
    </span>
  )
}

export function PlatformBadge({ platform }: { platform: string }) {
  const { t } = useI18n()
  return (
    <span className="platform">
      <span className={`platform-icon p-${platform}`} aria-hidden="true">
        {PLATFORM_GLYPH[platform] ?? '··'}
      </span>
      {t(`platform.${platform}` as 'platform.news')}
    </span>
  )
}

/** Title in bold, then the start of the text; plain text only (imported HTML is never rendered). */
export function TextCell({ row }: { row: MentionRow }) {
  return (
    <span className="text-cell">
      {row.title && <strong>{row.title}</strong>}
      {row.title ? ' — ' : ''}
      {row.snippet}
    </span>
  )
}
