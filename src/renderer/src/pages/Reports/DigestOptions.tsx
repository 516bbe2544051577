import { useCallback, useState } from 'react'
import { call, type Input } from '../../api'
import { PlatformIcon, SentimentBadge } from '../../components/cells'
import { PeriodInputs } from '../../components/DateInput'
import { ErrorNote, Spinner } from '../../components/ErrorNote'
import { LANGS, useI18n } from '../../i18n'
import { useSettings } from '../../hooks/useSettings'
import type { DigestModel, QuoteItem } from '../../../../shared/digest'

type Options = Input<'reports:export'>
/** reports:preview answers with the digest model (src/shared/digest.ts); this page reads its quotes. */
type Quote = QuoteItem

/** Digest options: period, language, masking, a summary, and which quotes to pin or leave out. */
export function DigestOptions({ onExport, busy }: { onExport: (o: Options) => void; busy: boolean }) {
  const { t, lang, day, num } = useI18n()
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [rlang, setRlang] = useState(lang)
  // Starts from the Settings value, as the one-click digest does (masking is on unless turned off there).
  const { settings } = useSettings()
  const [mask, setMask] = useState(settings.maskPrivateAuthors !== false)
  const [summary, setSummary] = useState('')
  const [formats, setFormats] = useState<('docx' | 'pdf')[]>(['docx', 'pdf'])
  const [pinned, setPinned] = useState<number[]>([])
  const [excluded, setExcluded] = useState<number[]>([])
  const [preview, setPreview] = useState<DigestModel | null>(null)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const options = (): Options => ({
    ...(from && to ? { from, to } : {}),
    lang: rlang,
    maskAuthors: mask,
    summary: summary.trim() || null,
    pinnedQuoteIds: pinned,
    excludedQuoteIds: excluded,
    formats
  })
  const loadPreview = async (): Promise<void> => {
    setLoading(true)
    setError(null)
    try {
      const { formats: _f, ...o } = options()
      setPreview(await call('reports:preview', o))
    } catch (e) {
      setError(e)
    } finally {
      setLoading(false)
    }
  }
  const toggle = (list: number[], set: (v: number[]) => void, id: number): void =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id])
  const quotes = preview
    ? dedupe([...preview.critical, ...preview.problems.flatMap((p) => p.quotes), ...preview.positive])
    : []
  const [datesOk, setDatesOk] = useState(true)
  const onValid = useCallback((ok: boolean) => setDatesOk(ok), [])
  const datesBad = !datesOk
  return (
    <section className="panel" aria-labelledby="digest-opts-h">
      <h2 id="digest-opts-h">{t('reports.options')}</h2>
      <div className="form grid-2">
        <div className="field">
          <span>{t('reports.period')}</span>
          <PeriodInputs
            from={from || null}
            to={to || null}
            onFrom={(v) => setFrom(v ?? '')}
            onTo={(v) => setTo(v ?? '')}
            bothOrNone
            hint={t('reports.periodHint')}
            onValid={onValid}
            testId="report-period"
          />
        </div>
        <label className="field">
          <span>{t('reports.lang')}</span>
          <select value={rlang} onChange={(e) => setRlang(e.target.value as typeof rlang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`langName.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check-row">
          <input
            type="checkbox"
            checked={mask}
            onChange={(e) => setMask(e.target.checked)}
            data-testid="report-mask"
          />
          {t('reports.mask')}
        </label>
        <fieldset className="row-gap plain">
          <legend className="sr-only">{t('reports.formats')}</legend>
          {(['docx', 'pdf'] as const).map((f) => (
            <label key={f} className="check-row">
              <input
                type="checkbox"
                checked={formats.includes(f)}
                onChange={() => setFormats((x) => (x.includes(f) ? x.filter((y) => y !== f) : [...x, f]))}
              />
              {f.toUpperCase()}
            </label>
          ))}
        </fieldset>
      </div>
      <label className="field">
        <span>{t('reports.summary')}</span>
        <textarea
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          rows={3}
          maxLength={5000}
          placeholder={t('reports.summaryHint')}
        />
      </label>
      <div className="row-gap">
        <button
          className="btn"
          onClick={() => void loadPreview()}
          disabled={loading || !!datesBad}
          data-testid="report-preview"
        >
          {t('reports.pickQuotes')}
        </button>
        <button
          className="btn primary"
          onClick={() => onExport(options())}
          disabled={busy || !formats.length || !!datesBad}
          data-testid="report-export-options"
        >
          {busy ? t('reports.busy') : t('reports.exportWith')}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
      {loading && <Spinner label={t('common.loading')} />}
      {preview && (
        <div className="quotes">
          <p className="muted small">
            {t('reports.quotesFor', {
              from: day(preview.period.from),
              to: day(preview.period.to),
              n: num(quotes.length)
            })}
          </p>
          <ul className="quote-list" data-testid="quote-list">
            {quotes.map((q) => (
              <li key={q.id} className={`quote ${excluded.includes(q.id) ? 'excluded' : ''}`}>
                <PlatformIcon platform={q.platform} />
                <div className="quote-body">
                  <div className="quote-text">
                    {q.title ? `${q.title} — ` : ''}
                    {q.text}
                  </div>
                  <div className="muted small">
                    {q.source}
                    {q.author ? ` · ${q.author}` : ''} · {q.date}
                  </div>
                </div>
                <SentimentBadge value={q.sentiment} />
                <label className="check-row small">
                  <input
                    type="checkbox"
                    checked={pinned.includes(q.id) || q.pinned}
                    onChange={() => toggle(pinned, setPinned, q.id)}
                  />
                  {t('reports.pin')}
                </label>
                <label className="check-row small">
                  <input
                    type="checkbox"
                    checked={excluded.includes(q.id)}
                    onChange={() => toggle(excluded, setExcluded, q.id)}
                  />
                  {t('reports.exclude')}
                </label>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

function dedupe(qs: Quote[]): Quote[] {
  const seen = new Set<number>()
  return qs.filter((q) => (seen.has(q.id) ? false : (seen.add(q.id), true)))
}
