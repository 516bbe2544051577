import type { ReactNode } from 'react'
import type { Dashboard } from '../../../../shared/views'
import { call } from '../../api'
import { PlatformIcon, SentimentBadge } from '../../components/cells'
import { Icon } from '../../components/Icon'
import { useI18n } from '../../i18n'

export function Card({
  title,
  children,
  aside,
  className,
  testId
}: {
  title: string
  children: ReactNode
  aside?: ReactNode
  className?: string
  testId?: string
}) {
  return (
    <section className={`card ${className ?? ''}`} data-testid={testId}>
      <header className="card-head">
        <h2>{title}</h2>
        {aside}
      </header>
      {children}
    </section>
  )
}

/** A change against the previous period, in words and colour (up is bad for negative figures). */
export function Delta({
  now,
  prev,
  kind,
  badWhenUp
}: {
  now: number | null
  prev: number | null
  kind: 'relative' | 'points'
  badWhenUp?: boolean
}) {
  const { t, pct, num } = useI18n()
  if (now === null || prev === null) return <span className="delta muted">{t('dash.noPrev')}</span>
  const diff = now - prev
  if (kind === 'relative' && prev === 0) return <span className="delta muted">{t('dash.noPrev')}</span>
  const value = kind === 'relative' ? diff / prev : diff * 100
  const up = value > 0.0005
  const down = value < -0.0005
  const cls = !up && !down ? 'flat' : (up ? badWhenUp : !badWhenUp) ? 'bad' : 'good'
  const text =
    kind === 'relative'
      ? `${up ? '+' : ''}${pct(value)}`
      : `${up ? '+' : down ? '−' : ''}${num(Math.round(Math.abs(value) * 10) / 10)} ${t('dash.pp')}`
  return (
    <span className={`delta ${cls}`}>
      {up ? '▲' : down ? '▼' : '•'} {text}
    </span>
  )
}

export function Kpi({
  label,
  value,
  sub,
  onClick,
  testId
}: {
  label: string
  value: string
  sub?: ReactNode
  onClick?: () => void
  testId?: string
}) {
  const inner = (
    <>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {sub && <div className="kpi-sub">{sub}</div>}
    </>
  )
  return onClick ? (
    <button className="card kpi clickable" onClick={onClick} data-testid={testId}>
      {inner}
    </button>
  ) : (
    <div className="card kpi" data-testid={testId}>
      {inner}
    </div>
  )
}

export function TopSources({ d, onPick }: { d: Dashboard; onPick: (id: number, name: string) => void }) {
  const { t, num, pct } = useI18n()
  if (!d.topSources.length) return <p className="muted">{t('dash.none')}</p>
  const max = Math.max(...d.topSources.map((s) => s.count))
  return (
    <ol className="rank-list">
      {d.topSources.slice(0, 8).map((s) => (
        <li key={s.outletId}>
          <button
            className="rank-row"
            onClick={() => onPick(s.outletId, s.name)}
            title={t('dash.showMentions')}
          >
            <PlatformIcon platform={s.platform} />
            <span className="rank-name">{s.name}</span>
            <span className="rank-bar" aria-hidden="true">
              <span style={{ width: `${(s.count / max) * 100}%` }} />
            </span>
            <span className="rank-num">{num(s.count)}</span>
            <span className="rank-neg">{s.count ? pct(s.negative / s.count) : '—'}</span>
          </button>
        </li>
      ))}
    </ol>
  )
}

export function Spikes({
  d,
  onDay,
  onTerm,
  names
}: {
  d: Dashboard
  onDay: (day: string, topicId: number | null) => void
  onTerm: (term: string) => void
  names: (id: number, fallback: string) => string
}) {
  const { t, num, day } = useI18n()
  return (
    <div className="spikes">
      {d.spikes.length ? (
        <ul className="spike-list" data-testid="spike-list">
          {d.spikes.slice(0, 6).map((s, i) => (
            <li key={i}>
              <button className="spike-row" onClick={() => onDay(s.day, s.topicId)}>
                <Icon name="alert" />
                <span className="spike-day">{day(s.day)}</span>
                <span className="spike-topic">
                  {s.topicId !== null && s.topic !== null ? names(s.topicId, s.topic) : t('dash.allTopics')}
                </span>
                <span className="spike-count">
                  {num(s.negative)} <span className="muted">/ {num(s.usual)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('dash.noSpikes')}</p>
      )}
      <p className="rule muted small">
        {t('dash.spikeRule')} {d.spikeRule}
      </p>
      <h3 className="sub-h">{t('dash.emerging')}</h3>
      {d.emerging.length ? (
        <div className="term-cloud">
          {d.emerging.slice(0, 12).map((e) => (
            <button
              key={e.term}
              className="term"
              onClick={() => onTerm(e.term)}
              title={t('dash.termTip', { recent: e.recent, before: e.before })}
            >
              {e.term} <span className="muted">{num(e.recent)}</span>
            </button>
          ))}
        </div>
      ) : (
        <p className="muted">{t('dash.noEmerging')}</p>
      )}
    </div>
  )
}

export function TopPublications({ d }: { d: Dashboard }) {
  const { t, num, dateTime, tx } = useI18n()
  if (!d.topPublications.length) return <p className="muted">{t('dash.none')}</p>
  return (
    <ol className="pub-list">
      {d.topPublications.slice(0, 8).map((m) => (
        <li key={m.id} className="pub">
          <PlatformIcon platform={m.platform} />
          <div className="pub-body">
            <div className="pub-title">{m.title || m.snippet}</div>
            <div className="muted small">
              {m.outlet ?? m.author ?? tx(`platform.${m.platform}`)} · {dateTime(m.publishedAt)} ·{' '}
              {t('col.reach')}: {num(m.reach)}
            </div>
          </div>
          <SentimentBadge value={m.sentiment} origin={m.sentimentOrigin} />
          {m.url && (
            <button
              className="icon-btn"
              onClick={() => void call('app:openExternal', { url: m.url! }).catch(() => undefined)}
              aria-label={t('detail.openLink')}
              title={t('detail.openLink')}
            >
              <Icon name="external" />
            </button>
          )}
        </li>
      ))}
    </ol>
  )
}
