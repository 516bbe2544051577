import { useEffect, useMemo, useRef, useState } from 'react'
import type { BatchReport } from '../../../../shared/import'
import { call, onEvent, type Input } from '../../api'
import { saveDownload } from '../../components/download'
import { errorText } from '../../components/ErrorNote'
import { EMPTY_FILTER, useFilter } from '../../hooks/useFilter'
import { useNav } from '../../hooks/useNav'
import { useQuery } from '../../hooks/useQuery'
import { useSettings } from '../../hooks/useSettings'
import { useToast } from '../../hooks/useToast'
import { useI18n, type MessageKey } from '../../i18n'
import { FileStep } from './FileStep'
import { ImportHistory } from './ImportHistory'
import { MappingStep } from './MappingStep'
import { ProgressView, ResultView, type Progress } from './RunStep'
import type { ImportPreview, MappingChoice, PickedFile } from './types'

type Step = 'file' | 'mapping' | 'run' | 'result'
const STEPS: { step: Step; label: MessageKey }[] = [
  { step: 'file', label: 'import.step.file' },
  { step: 'mapping', label: 'import.step.mapping' },
  { step: 'result', label: 'import.step.result' }
]

/** What the user changed from the detected mapping, in the shape main takes (undefined: nothing). */
function mappingFor(c: MappingChoice): Input<'imports:preview'>['mapping'] {
  const fields = Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [k, v ?? null]))
  if (!Object.keys(fields).length && !c.sheet) return undefined
  return { ...(c.sheet ? { sheet: c.sheet } : {}), ...(Object.keys(fields).length ? { fields } : {}) }
}

/** Import: choose files → map columns with a live preview → import with progress → result; history. */
export function ImportPage() {
  const { t, tx } = useI18n()
  const { notify } = useToast()
  const { info, setInfo } = useSettings()
  const { replace } = useFilter()
  const nav = useNav()
  const [files, setFiles] = useState<PickedFile[]>([])
  const [index, setIndex] = useState(0)
  const [step, setStep] = useState<Step>('file')
  const [choice, setChoice] = useState<MappingChoice>({ preset: 'auto', fields: {} })
  const [progress, setProgress] = useState<Progress | null>(null)
  const [result, setResult] = useState<{ value: BatchReport | null; error: unknown } | null>(null)
  const job = useRef<string | null>(null)
  const file = files[index] ?? null
  const mapping = useMemo(() => mappingFor(choice), [choice])
  const preview = useQuery<ImportPreview | null>(
    () =>
      file && step === 'mapping'
        ? call('imports:preview', {
            path: file.path,
            ...(choice.preset !== 'auto' ? { preset: choice.preset } : {}),
            ...(mapping ? { mapping } : {})
          })
        : Promise.resolve(null),
    [file?.path, step === 'mapping', choice.preset, JSON.stringify(mapping)]
  )
  useEffect(
    () =>
      onEvent('import:progress', (p) => {
        if (p.jobId !== job.current) return
        const now = performance.now()
        setProgress((cur) =>
          cur ? { ...cur, last: p, committedAt: cur.committedAt ?? (p.committed ? now : undefined) } : cur
        )
      }),
    []
  )

  const start = (picked: PickedFile[]): void => {
    setFiles(picked)
    setIndex(0)
    setChoice({ preset: 'auto', fields: {} })
    setStep('mapping')
  }
  const commit = async (): Promise<void> => {
    if (!file) return
    const jobId = crypto.randomUUID()
    job.current = jobId
    setProgress({ startedAt: performance.now(), last: null })
    setStep('run')
    try {
      const value = await call('imports:commit', {
        jobId,
        path: file.path,
        ...(choice.preset !== 'auto' ? { preset: choice.preset } : {}),
        ...(mapping ? { mapping } : {})
      })
      setResult({ value, error: null })
      if (value.inserted > 0 && info.empty) setInfo({ ...info, empty: false })
    } catch (e) {
      setResult({ value: null, error: e })
    } finally {
      job.current = null
      setStep('result')
    }
  }
  const cancel = async (): Promise<void> => {
    if (!job.current) return
    try {
      await call('imports:cancel', { jobId: job.current })
    } catch (e) {
      notify(errorText(e, tx).title, { kind: 'error' })
    }
  }
  const showBatch = (batchId: number): void => {
    replace({ ...EMPTY_FILTER, period: 'all', batchIds: [batchId], names: {} })
    nav.go('mentions')
  }
  const next = (): void => {
    setResult(null)
    if (index + 1 < files.length) {
      setIndex(index + 1)
      setChoice({ preset: 'auto', fields: {} })
      setStep('mapping')
    } else {
      setFiles([])
      setStep('file')
    }
  }
  const current = step === 'run' ? 'result' : step
  return (
    <section className="page page-scroll" aria-labelledby="import-h">
      <header className="page-head">
        <h1 id="import-h">{t('nav.import')}</h1>
        {files.length > 1 && (
          <span className="muted">{t('import.fileOf', { i: index + 1, n: files.length })}</span>
        )}
      </header>
      <ol className="stepper" aria-label={t('import.steps')}>
        {STEPS.map((s, i) => (
          <li
            key={s.step}
            className={
              s.step === current ? 'on' : STEPS.findIndex((x) => x.step === current) > i ? 'done' : ''
            }
            aria-current={s.step === current ? 'step' : undefined}
          >
            <span className="step-no">{i + 1}</span>
            {t(s.label)}
          </li>
        ))}
      </ol>
      <div className="panel step-panel">
        {step === 'file' && <FileStep onPicked={start} />}
        {step === 'mapping' && file && (
          <>
            <MappingStep
              file={file}
              choice={choice}
              onChoice={setChoice}
              preview={preview.data}
              loading={preview.loading}
              error={preview.error}
              onRetry={preview.reload}
            />
            <footer className="step-foot">
              <button className="btn" onClick={() => setStep('file')}>
                {t('common.back')}
              </button>
              <span className="grow" />
              {preview.loading && preview.data && <span className="muted small">{t('import.updating')}</span>}
              <button
                className="btn primary"
                onClick={() => void commit()}
                disabled={!preview.data || preview.loading}
                data-testid="import-commit"
              >
                {t('import.commit')}
              </button>
            </footer>
          </>
        )}
        {step === 'run' && progress && <ProgressView progress={progress} onCancel={() => void cancel()} />}
        {step === 'result' && result && (
          <ResultView
            result={result.value}
            error={result.error}
            onShow={() => result.value?.batchId && showBatch(result.value.batchId)}
            onRejected={() => {
              const id = result.value?.batchId
              if (id)
                void call('imports:rejected', { id }).then(saveDownload, (e: unknown) =>
                  notify(errorText(e, tx).title, { kind: 'error' })
                )
            }}
            onNext={next}
            nextLabel={index + 1 < files.length ? t('import.nextFile') : t('import.another')}
          />
        )}
      </div>
      <ImportHistory onShow={showBatch} />
    </section>
  )
}
