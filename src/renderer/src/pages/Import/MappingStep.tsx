import { importMessageText } from './messages'
import { useState } from 'react'
import { call } from '../../api'
import { ErrorNote, errorText, Spinner } from '../../components/ErrorNote'
import { useQuery } from '../../hooks/useQuery'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'
import { PreviewTable } from './PreviewTable'
import {
  REQUIRED,
  TARGET_FIELDS,
  type ImportPreview,
  type MappingChoice,
  type PickedFile,
  type TargetField
} from './types'

/** The mapping the preview implies, as one column (or none) per target field. */
export function currentFields(
  preview: ImportPreview | null,
  choice: MappingChoice
): Partial<Record<TargetField, string | null>> {
  const out: Partial<Record<TargetField, string | null>> = {}
  for (const f of TARGET_FIELDS) {
    if (f in choice.fields) out[f] = choice.fields[f] ?? null
    else out[f] = preview?.mapping[f]?.[0] ?? null
  }
  return out
}

/** Step 2: the format found, one select per target field, and a live preview of the first rows. */
export function MappingStep({
  file,
  choice,
  onChoice,
  preview,
  loading,
  error,
  onRetry
}: {
  file: PickedFile
  choice: MappingChoice
  onChoice: (c: MappingChoice) => void
  preview: ImportPreview | null
  loading: boolean
  error: unknown
  onRetry: () => void
}) {
  const { t, tx } = useI18n()
  const { notify } = useToast()
  const presets = useQuery(() => call('imports:presets', {}), [])
  const [presetName, setPresetName] = useState('')
  const fields = currentFields(preview, choice)
  const columns = preview?.columns ?? []
  const setField = (f: TargetField, col: string | null): void =>
    onChoice({ ...choice, fields: { ...choice.fields, [f]: col } })
  const order = [...REQUIRED, ...TARGET_FIELDS.filter((f) => !REQUIRED.includes(f))]
  const savePreset = async (): Promise<void> => {
    if (!presetName.trim()) return
    try {
      const base = preview?.preset && preview.preset !== 'generic' ? preview.preset : undefined
      await call('imports:savePreset', {
        name: presetName.trim(),
        mapping: {
          ...(base ? { preset: base } : {}),
          ...(choice.sheet ? { sheet: choice.sheet } : {}),
          fields
        }
      })
      notify(t('import.presetSaved', { name: presetName.trim() }))
      setPresetName('')
      presets.reload()
    } catch (e) {
      notify(errorText(e, tx).title, { kind: 'error' })
    }
  }
  return (
    <div className="step-body mapping">
      <div className="mapping-side">
        <div className="file-facts">
          <div className="strong ellipsis" title={file.name}>
            {file.name}
          </div>
          {preview && (
            <dl className="meta compact">
              <div>
                <dt>{t('import.detected')}</dt>
                <dd data-testid="detected-preset">{tx(`import.preset.${preview.preset}`, preview.preset)}</dd>
              </div>
              <div>
                <dt>{t('import.encoding')}</dt>
                <dd>{preview.encoding ?? '—'}</dd>
              </div>
              {preview.delimiter && (
                <div>
                  <dt>{t('import.delimiter')}</dt>
                  <dd>
                    <code>{preview.delimiter === '\t' ? 'Tab' : preview.delimiter}</code>
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('import.headerRow')}</dt>
                <dd>{preview.headerRow ?? '—'}</dd>
              </div>
            </dl>
          )}
        </div>
        <label className="field">
          <span>{t('import.presetLabel')}</span>
          <select
            value={choice.preset}
            onChange={(e) => onChoice({ preset: e.target.value, fields: {} })}
            data-testid="preset-select"
          >
            <option value="auto">{t('import.preset.auto')}</option>
            {(presets.data ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {tx(`import.preset.${p.name}`, p.name)}
              </option>
            ))}
          </select>
        </label>
        {preview && preview.sheets.length > 1 && (
          <label className="field">
            <span>{t('import.sheet')}</span>
            <select
              value={choice.sheet ?? preview.sheet ?? ''}
              onChange={(e) => onChoice({ ...choice, sheet: e.target.value, fields: {} })}
            >
              {preview.sheets.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </label>
        )}
        <div className="mapping-fields" role="group" aria-label={t('import.mapping')}>
          <div className="panel-title">{t('import.mapping')}</div>
          {order.map((f) => {
            // Why the preview chose this column (header words, values), and the runner-up one click away.
            const why = !(f in choice.fields) ? preview?.fields?.find((x) => x.field === f) : undefined
            return (
              <div key={f} className="map-item">
                <label className={`map-row ${fields[f] ? 'set' : ''}`} title={why?.why.join('; ')}>
                  <span className="map-target">
                    {tx(`import.field.${f}`, f)}
                    {REQUIRED.includes(f) && (
                      <span className="req" aria-label={t('import.required')}>
                        {' '}
                        *
                      </span>
                    )}
                  </span>
                  <select
                    value={fields[f] ?? ''}
                    onChange={(e) => setField(f, e.target.value || null)}
                    data-testid={`map-${f}`}
                  >
                    <option value="">{t('import.notMapped')}</option>
                    {columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </label>
                {why?.runnerUp && (
                  <button
                    type="button"
                    className="btn link small map-runner-up"
                    title={why.runnerUp.why.join('; ')}
                    onClick={() => setField(f, why.runnerUp!.column)}
                    data-testid={`runner-up-${f}`}
                  >
                    {t('import.field.runnerUp', { column: why.runnerUp.column })}
                  </button>
                )}
              </div>
            )
          })}
        </div>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            void savePreset()
          }}
        >
          <input
            value={presetName}
            onChange={(e) => setPresetName(e.target.value)}
            placeholder={t('import.presetName')}
            aria-label={t('import.presetName')}
            maxLength={100}
          />
          <button className="btn small" type="submit" disabled={!presetName.trim()}>
            {t('import.savePreset')}
          </button>
        </form>
      </div>
      <div className="mapping-main">
        {error ? <ErrorNote error={error} onRetry={onRetry} /> : null}
        {preview?.warnings.length ? (
          <div className="note note-warn">
            {preview.warnings.slice(0, 5).map((w, i) => (
              <div key={i}>
                {w.line
                  ? `${t('import.preview.line')} ${w.line}: ${importMessageText(w.message, tx)}`
                  : importMessageText(w.message, tx)}
              </div>
            ))}
          </div>
        ) : null}
        {loading && !preview && <Spinner label={t('import.reading')} />}
        {preview && <PreviewTable preview={preview} />}
      </div>
    </div>
  )
}
