import { useMemo } from 'react'
import type { Dashboard } from '../../../../shared/views'
import { call } from '../../api'
import { EChart, type ChartClick } from '../../components/EChart'
import { ErrorNote, Spinner } from '../../components/ErrorNote'
import { SearchBar } from '../../components/filters/SearchBar'
import { useCatalog } from '../../hooks/useCatalog'
import { useDataVersion } from '../../hooks/useDataVersion'
import { useFilter, type SentimentKey } from '../../hooks/useFilter'
import { useNav } from '../../hooks/useNav'
import { useQuery } from '../../hooks/useQuery'
import { useSettings } from '../../hooks/useSettings'
import { useI18n } from '../../i18n'
import { AGE_GROUPS } from '../../../../shared/types'
import { WorkspaceEmpty } from '../Mentions/WorkspaceEmpty'
import { audienceOption, sentimentOption, topicsOption, volumeOption, VOLUME_SERIES } from './charts'
import { Card, Delta, Kpi, Spikes, TopPublications, TopSources } from './widgets'

/** Dashboard: volume, negative share, problem topics, sources, spikes, audience, responses. */
export function DashboardPage() {
  const i18n = useI18n()
  const { t, num, pct, day, lang } = i18n
  const { info, settings } = useSettings()
  const { filter, patch } = useFilter()
  const { version } = useDataVersion()
  const cat = useCatalog()
  const nav = useNav()
  const q = useQuery(() => call('dashboard:get', { filter }), [filter, version])
  const d = q.data
  const names = useMemo(
    () => (id: number, fallback: string) => cat.topicName(id, lang) ?? fallback,
    [cat, lang]
  )
  // Charts read colours from CSS, so they are rebuilt when the theme changes.
  const theme = settings.theme
  const volume = useMemo(() => (d ? volumeOption(d, i18n) : null), [d, i18n, theme])
  const topics = useMemo(() => (d ? topicsOption(d, i18n, names) : null), [d, i18n, names, theme])
  const sentiment = useMemo(() => (d ? sentimentOption(d, i18n) : null), [d, i18n, theme])
  const ages = useMemo(
    () =>
      d && d.audience.covered > 0
        ? audienceOption(
            [...d.audience.byAge]
              .sort((a, b) => ageOrder(a.age) - ageOrder(b.age))
              .map((a) => ({ label: a.age, ...a })),
            i18n
          )
        : null,
    [d, i18n, theme]
  )
  const toMentions = (p: Parameters<typeof patch>[0]): void => {
    patch(p)
    nav.go('mentions')
  }
  const onVolume = (p: ChartClick): void => {
    const dayKey = d?.volume[p.dataIndex]?.day
    const s = VOLUME_SERIES.filter((x) => x !== 'unlabelled' || d?.volume.some((v) => v.unlabelled > 0))[
      p.seriesIndex ?? -1
    ]
    if (!dayKey) return
    toMentions({
      period: 'custom',
      from: dayKey,
      to: dayKey,
      ...(s ? { sentiments: [s as SentimentKey] } : {})
    })
  }
  const onTopic = (p: ChartClick): void => {
    const id = (p.data as { topicId?: number } | null)?.topicId
    const top = d
      ? [...d.topics]
          .sort((a, b) => b.negative - a.negative)
          .slice(0, 8)
          .reverse()
      : []
    const topicId = id ?? top[p.dataIndex]?.id
    if (topicId) toMentions({ topicIds: [topicId], sentiments: ['negative'] })
  }
  const onSentiment = (p: ChartClick): void => {
    const s = (p.data as { sentiment?: SentimentKey } | null)?.sentiment
    if (s) toMentions({ sentiments: [s] })
  }

  if (info.empty) return <WorkspaceEmpty />
  return (
    <section className="page page-dashboard" aria-labelledby="dash-h" aria-busy={q.loading}>
      <header className="page-head">
        <h1 id="dash-h">{t('nav.dashboard')}</h1>
        <SearchBar />
      </header>
      {q.error ? <ErrorNote error={q.error} onRetry={q.reload} /> : null}
      {!d && q.loading && <Spinner label={t('common.loading')} />}
      {d && (
        <div className="dash" data-testid="dashboard">
          <div className="dash-period muted">
            {t('dash.period', { from: day(d.from), to: day(d.to) })}
            {d.prevFrom && <> · {t('dash.vsPrev', { from: day(d.prevFrom), to: day(d.prevTo) })}</>}
          </div>
          <div className="kpis">
            <Kpi
              label={t('dash.total')}
              value={num(d.total)}
              sub={<Delta now={d.total} prev={d.prevTotal} kind="relative" />}
              testId="kpi-total"
            />
            <Kpi
              label={t('dash.negShare')}
              value={pct(d.negShare, 1)}
              sub={<Delta now={d.negShare} prev={d.prevNegShare} kind="points" badWhenUp />}
              onClick={() => toMentions({ sentiments: ['negative'] })}
              testId="kpi-neg"
            />
            <Kpi label={t('dash.reach')} value={num(d.reach)} />
            <Kpi
              label={t('dash.responses')}
              value={t('dash.answeredOf', { n: d.responses.answered, m: d.responses.critical })}
              sub={
                <span className="muted">
                  {t('dash.responsesSub', { needed: d.responses.needed, assigned: d.responses.assigned })}
                </span>
              }
              onClick={() => toMentions({ response: ['needed', 'assigned'] })}
              testId="kpi-responses"
            />
          </div>
          {d.total === 0 ? (
            <div className="card">
              <p className="muted">{t('dash.emptyPeriod')}</p>
            </div>
          ) : (
            <>
              <Card
                title={t('dash.volume')}
                aside={<span className="muted small">{t('dash.clickHint')}</span>}
                testId="volume-card"
              >
                {volume && (
                  <EChart
                    option={volume}
                    onClick={onVolume}
                    height={250}
                    label={t('dash.volume')}
                    testId="volume-chart"
                  />
                )}
              </Card>
              <div className="dash-row">
                <Card title={t('dash.topics')} className="grow2" testId="topics-card">
                  {topics && d.topics.length ? (
                    <EChart
                      option={topics}
                      onClick={onTopic}
                      height={260}
                      label={t('dash.topics')}
                      testId="topics-chart"
                    />
                  ) : (
                    <p className="muted">{t('dash.none')}</p>
                  )}
                  <TopicTrends
                    d={d}
                    names={names}
                    onPick={(id) => toMentions({ topicIds: [id], sentiments: ['negative'] })}
                  />
                </Card>
                <Card title={t('dash.sentiment')} className="grow1">
                  {sentiment && (
                    <EChart
                      option={sentiment}
                      onClick={onSentiment}
                      height={180}
                      label={t('dash.sentiment')}
                      testId="sentiment-chart"
                    />
                  )}
                  <SentimentLegend d={d} onPick={(s) => toMentions({ sentiments: [s] })} />
                </Card>
              </div>
              <div className="dash-row">
                <Card title={t('dash.sources')} className="grow1">
                  <TopSources
                    d={d}
                    onPick={(id, name) =>
                      toMentions({ outletIds: [id], names: { [`outletIds:${id}`]: name } })
                    }
                  />
                </Card>
                <Card title={t('dash.spikes')} className="grow1" testId="spikes-card">
                  <Spikes
                    d={d}
                    names={names}
                    onDay={(x, topicId) =>
                      toMentions({
                        period: 'custom',
                        from: x,
                        to: x,
                        // The spike's own mentions: its count is the grid's total.
                        sentiments: ['negative'],
                        ...(topicId !== null ? { topicIds: [topicId] } : {})
                      })
                    }
                    onTerm={(term) => toMentions({ search: term })}
                  />
                </Card>
              </div>
              <div className="dash-row">
                <Card title={t('dash.publications')} className="grow2">
                  <TopPublications d={d} />
                </Card>
                <Card title={t('dash.audience')} className="grow1" testId="audience-card">
                  {ages ? (
                    <>
                      <p className="muted small">{t('dash.audienceCovered', { n: d.audience.covered })}</p>
                      <EChart option={ages} height={200} label={t('dash.audience')} />
                      <ul className="gender-list">
                        {d.audience.byGender.map((g) => (
                          <li key={g.gender}>
                            <span>{i18n.tx(`gender.${g.gender}`, g.gender)}</span>
                            <span className="muted">{num(g.total)}</span>
                            <strong className="s-neg">{g.total ? pct(g.negative / g.total) : '—'}</strong>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p className="muted">{t('dash.noAudience')}</p>
                  )}
                </Card>
              </div>
            </>
          )}
        </div>
      )}
    </section>
  )
}

/** Position of an age group in the natural order (<18 first); unknown groups last. */
function ageOrder(age: string): number {
  const i = (AGE_GROUPS as readonly string[]).indexOf(age)
  return i < 0 ? AGE_GROUPS.length : i
}

function TopicTrends({
  d,
  names,
  onPick
}: {
  d: Dashboard
  names: (id: number, f: string) => string
  onPick: (id: number) => void
}) {
  const { t } = useI18n()
  const top = [...d.topics].sort((a, b) => b.negative - a.negative).slice(0, 5)
  if (!top.length) return null
  return (
    <ul className="trend-list" aria-label={t('dash.topics')}>
      {top.map((x) => (
        <li key={x.id}>
          <button className="trend-row" onClick={() => onPick(x.id)}>
            <span className="trend-name">{names(x.id, x.name)}</span>
            <Delta now={x.negative} prev={x.prevNegative} kind="relative" badWhenUp />
          </button>
        </li>
      ))}
    </ul>
  )
}

function SentimentLegend({ d, onPick }: { d: Dashboard; onPick: (s: SentimentKey) => void }) {
  const { tx, num } = useI18n()
  const sum = (k: 'negative' | 'neutral' | 'positive'): number => d.volume.reduce((a, v) => a + v[k], 0)
  return (
    <ul className="sent-legend">
      {(['negative', 'neutral', 'positive'] as const).map((s) => (
        <li key={s}>
          <button className={`sent-legend-row`} onClick={() => onPick(s)}>
            <span className={`dot dot-${s}`} aria-hidden="true" />
            <span>{tx(`sentiment.${s}`)}</span>
            <strong>{num(sum(s))}</strong>
          </button>
        </li>
      ))}
    </ul>
  )
}
