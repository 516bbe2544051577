import type { ReactNode } from 'react'
import type { MentionDetail as Detail } from '../../../../shared/rows'
import type { QueryNode } from '../../../../shared/query'
import { SENTIMENTS, type Sentiment } from '../../../../shared/types'
import { call } from '../../api'
import { PlatformIcon, ResponseBadge, SentimentBadge, Tags } from '../../components/cells'
import { ErrorNote, Spinner } from '../../components/ErrorNote'
import { Highlighted } from '../../components/Highlighted'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'
import { useCatalog } from '../../hooks/useCatalog'
import { useI18n } from '../../i18n'
import { IRRELEVANT_REASONS, type IrrelevantReason } from './useMentionActions'

export interface DetailActions {
  setSentiment(ids: number[], s: Sentiment | null): void
  setIrrelevant(ids: number[], irrelevant: boolean, reason?: IrrelevantReason): void
  openResponse(ids: number[]): void
  showStory(storyId: number): void
  showAuthor(id: number, name: string): void
  openMention(id: number): void
}

/** The detail pane: full text with highlights, metadata, link, story, why this sentiment, response. */
export function MentionDetail({
  detail,
  loading,
  error,
  query,
  actions,
  onClose,
  onRetry
}: {
  detail: Detail | null
  loading: boolean
  error: unknown
  query: QueryNode | null
  actions: DetailActions
  onClose: () => void
  onRetry: () => void
}) {
  const { t, tx, num, dateTime, lang } = useI18n()
  const cat = useCatalog()
  if (error)
    return (
      <aside className="detail" aria-label={t('detail.title')}>
        <DetailHead onClose={onClose} />
        <ErrorNote error={error} onRetry={onRetry} />
      </aside>
    )
  if (!detail)
    return (
      <aside className="detail" aria-label={t('detail.title')}>
        <DetailHead onClose={onClose} />
        {loading ? <Spinner label={t('common.loading')} /> : <p className="muted pad">{t('detail.gone')}</p>}
      </aside>
    )
  const d = detail
  const open = (url: string): void => void call('app:openExternal', { url }).catch(() => undefined)
  const others = d.story.filter((s) => s.id !== d.id)
  return (
    <aside className="detail" aria-label={t('detail.title')} data-testid="mention-detail" aria-busy={loading}>
      <DetailHead onClose={onClose}>
        <PlatformIcon platform={d.platform} />
        <div className="detail-source">
          <div className="detail-outlet">{d.outlet ?? d.author ?? tx(`platform.${d.platform}`)}</div>
          <div className="muted small">{dateTime(d.publishedAt)}</div>
        </div>
      </DetailHead>
      <div className="detail-actions" role="group" aria-label={t('col.sentiment')}>
        {SENTIMENTS.map((s, i) => (
          <button
            key={s}
            className={`sent-btn sent-${s} ${d.sentiment === s ? 'on' : ''}`}
            aria-pressed={d.sentiment === s}
            onClick={() => actions.setSentiment([d.id], s)}
            title={`${tx(`sentiment.${s}`)} (${i + 1})`}
            data-testid={`detail-sentiment-${s}`}
          >
            <span className="dot" aria-hidden="true" />
            {tx(`sentiment.${s}`)}
            <kbd>{i + 1}</kbd>
          </button>
        ))}
      </div>
      <div className="detail-actions">
        {d.irrelevant ? (
          <button className="btn small" onClick={() => actions.setIrrelevant([d.id], false)}>
            {t('actions.restore')}
          </button>
        ) : (
          <Popover label={<>{t('actions.irrelevant')} ▾</>} className="btn small" testId="detail-irrelevant">
            {(close) => (
              <div className="menu">
                {IRRELEVANT_REASONS.map((r) => (
                  <button
                    key={r}
                    className="menu-item"
                    onClick={() => {
                      actions.setIrrelevant([d.id], true, r)
                      close()
                    }}
                  >
                    {tx(`irrelevant.reason.${r}`)}
                  </button>
                ))}
              </div>
            )}
          </Popover>
        )}
        <button
          className="btn small"
          onClick={() => actions.openResponse([d.id])}
          data-testid="detail-response"
        >
          <Icon name="reply" /> {t('actions.response')}
        </button>
        {d.url && (
          <button className="btn small" onClick={() => open(d.url!)} data-testid="detail-open-link">
            <Icon name="external" /> {t('detail.openLink')}
          </button>
        )}
      </div>
      <div className="detail-scroll">
        {d.irrelevant && <div className="note note-muted">{t('detail.isIrrelevant')}</div>}
        {d.title && (
          <h3 className="detail-title">
            <Highlighted text={d.title} query={query} />
          </h3>
        )}
        <div className="detail-text" data-testid="detail-text">
          <Highlighted text={d.text} query={query} />
        </div>

        <section className="detail-section">
          <h4>{t('detail.why')}</h4>
          <div className="why">
            <SentimentBadge value={d.sentiment} origin={d.sentimentOrigin} />
            {d.sentimentOrigin && (
              <span className="muted small">{tx(`sentiment.origin.${d.sentimentOrigin}`)}</span>
            )}
          </div>
          {d.explanation.length > 0 ? (
            <p className="small">
              {t('detail.explanation')}{' '}
              {d.explanation.map((w) => (
                <span key={w} className="tag tag-word">
                  {w}
                </span>
              ))}
            </p>
          ) : (
            <p className="muted small">{t('detail.noExplanation')}</p>
          )}
          {d.explanationClause && (
            <p className="small" data-testid="explanation-clause">
              {t('detail.explanationClause')} <q>{d.explanationClause}</q>
            </p>
          )}
          <dl className="meta compact">
            <Meta
              label={t('detail.label.import')}
              value={
                d.importSentiment
                  ? `${tx(`sentiment.${d.importSentiment}`)}${d.importSentimentRaw ? ` («${d.importSentimentRaw}»)` : ''}`
                  : null
              }
            />
            <Meta
              label={t('detail.label.model')}
              value={d.modelSentiment ? tx(`sentiment.${d.modelSentiment}`) : null}
            />
            <Meta
              label={t('detail.label.manual')}
              value={d.manualSentiment ? tx(`sentiment.${d.manualSentiment}`) : null}
            />
          </dl>
        </section>

        <section className="detail-section">
          <h4>{t('detail.meta')}</h4>
          <dl className="meta">
            <Meta label={t('col.outlet')} value={d.outlet} />
            <div>
              <dt>{t('col.author')}</dt>
              <dd>
                {d.author ? (
                  d.authorId ? (
                    <button className="btn link" onClick={() => actions.showAuthor(d.authorId!, d.author!)}>
                      {d.author}
                    </button>
                  ) : (
                    d.author
                  )
                ) : (
                  '—'
                )}
                {d.authorType && <span className="muted small"> · {tx(`authorType.${d.authorType}`)}</span>}
              </dd>
            </div>
            <Meta label={t('col.platform')} value={tx(`platform.${d.platform}`)} />
            <Meta label={t('col.kind')} value={d.kind ? tx(`kind.${d.kind}`, d.kind) : null} />
            <Meta label={t('filter.lang')} value={d.lang ? tx(`langName.${d.lang}`, d.lang) : null} />
            <Meta label={t('col.reach')} value={d.reach !== null ? num(d.reach) : null} />
            <Meta label={t('col.views')} value={d.views !== null ? num(d.views) : null} />
            <Meta
              label={t('col.engagement')}
              value={`${num(d.engagement)}${d.likes !== null || d.reposts !== null || d.comments !== null ? ` (♥ ${num(d.likes)} · ↻ ${num(d.reposts)} · ✎ ${num(d.comments)})` : ''}`}
            />
            <div>
              <dt>{t('col.topics')}</dt>
              <dd>{d.topics.length ? <Tags items={d.topics.map((x) => cat.topicLabel(x, lang))} /> : '—'}</dd>
            </div>
            {d.subjects.length > 0 && (
              <div>
                <dt>{t('col.subjects')}</dt>
                <dd>
                  <Tags items={d.subjects} />
                </dd>
              </div>
            )}
            {d.tags.length > 0 && (
              <div>
                <dt>{t('detail.tags')}</dt>
                <dd>
                  <Tags items={d.tags} />
                </dd>
              </div>
            )}
            {d.url && (
              <div>
                <dt>{t('detail.link')}</dt>
                <dd>
                  <button className="btn link url" onClick={() => open(d.url!)} title={d.url}>
                    {d.url}
                  </button>
                </dd>
              </div>
            )}
          </dl>
        </section>

        {(d.responseStatus || d.responseAssignee || d.responseNote) && (
          <section className="detail-section">
            <h4>{t('detail.response')}</h4>
            <dl className="meta">
              <div>
                <dt>{t('response.status')}</dt>
                <dd>
                  <ResponseBadge status={d.responseStatus} />
                </dd>
              </div>
              <Meta label={t('response.assignee')} value={d.responseAssignee} />
              <Meta label={t('response.note')} value={d.responseNote} />
              {d.responseUrl && (
                <div>
                  <dt>{t('response.url')}</dt>
                  <dd>
                    <button className="btn link url" onClick={() => open(d.responseUrl!)}>
                      {d.responseUrl}
                    </button>
                  </dd>
                </div>
              )}
            </dl>
          </section>
        )}

        {others.length > 0 && d.storyId && (
          <section className="detail-section" data-testid="detail-story">
            <h4>
              {t('detail.story', { n: d.story.length })}
              <button className="btn link small" onClick={() => actions.showStory(d.storyId!)}>
                {t('detail.storyInGrid')}
              </button>
            </h4>
            <ul className="story-list">
              {others.slice(0, 20).map((s) => (
                <li key={s.id}>
                  <button className="story-item" onClick={() => actions.openMention(s.id)}>
                    <span className="muted small">{dateTime(s.publishedAt)}</span>
                    <span className="story-outlet">{s.outlet ?? '—'}</span>
                    <span className="story-title">{s.title ?? ''}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}

        {d.history.length > 0 && (
          <details className="detail-section">
            <summary>{t('detail.history', { n: d.history.length })}</summary>
            <ul className="history">
              {d.history.map((h, i) => (
                <li key={i}>
                  <span className="muted small">{dateTime(h.at)}</span>{' '}
                  {tx(`history.field.${h.field}`, h.field)}: {h.oldValue ?? '—'} →{' '}
                  <strong>{h.newValue ?? '—'}</strong>
                  {h.user ? <span className="muted small"> · {h.user}</span> : null}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
    </aside>
  )
}

function DetailHead({ onClose, children }: { onClose: () => void; children?: ReactNode }) {
  const { t } = useI18n()
  return (
    <header className="detail-head">
      {children}
      <button
        className="icon-btn detail-close"
        onClick={onClose}
        aria-label={t('common.close')}
        title={`${t('common.close')} (Esc)`}
      >
        <Icon name="close" />
      </button>
    </header>
  )
}

function Meta({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
    </div>
  )
}
