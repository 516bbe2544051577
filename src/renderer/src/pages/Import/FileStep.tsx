import { useRef, useState, type DragEvent } from 'react'
import { ApiCallError, call } from '../../api'
import { fileToBase64 } from '../../components/download'
import { ErrorNote } from '../../components/ErrorNote'
import { Icon } from '../../components/Icon'
import { useSettings } from '../../hooks/useSettings'
import { useI18n } from '../../i18n'
import type { PickedFile } from './types'

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls,.json,.xml,.rss,.atom,.rdf'

/**
 * Step 1: choose files. The desktop app opens the system dialog (imports:pickFiles); in a browser
 * that answers UNSUPPORTED, so files are picked or dropped here and uploaded (imports:upload).
 */
export function FileStep({ onPicked }: { onPicked: (files: PickedFile[]) => void }) {
  const { t } = useI18n()
  const { info } = useSettings()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)

  const upload = async (files: File[]): Promise<void> => {
    if (!files.length) return
    setError(null)
    const out: PickedFile[] = []
    try {
      for (const f of files) {
        setBusy(f.name)
        const { path } = await call('imports:upload', { name: f.name, base64: await fileToBase64(f) })
        out.push({ path, name: f.name, size: f.size })
      }
      onPicked(out)
    } catch (e) {
      setError(e)
    } finally {
      setBusy(null)
    }
  }
  const pick = async (): Promise<void> => {
    setError(null)
    // No system dialog in a browser: its own picker, opened while the click still counts as the user's.
    if (info.host === 'browser') return input.current?.click()
    try {
      const { paths } = await call('imports:pickFiles', {})
      if (paths.length)
        onPicked(paths.map((p) => ({ path: p, name: p.split(/[\\/]/).pop() ?? p, size: null })))
    } catch (e) {
      // The browser host cannot open a system dialog: fall back to the browser's own picker.
      if (e instanceof ApiCallError && (e.error.code as string) === 'UNSUPPORTED') input.current?.click()
      else if (e instanceof ApiCallError && e.error.code === 'NOT_FOUND') input.current?.click()
      else setError(e)
    }
  }
  const onDrop = (e: DragEvent): void => {
    e.preventDefault()
    setOver(false)
    void upload([...e.dataTransfer.files])
  }
  return (
    <div className="step-body">
      <div
        className={`dropzone ${over ? 'over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="dropzone"
      >
        <Icon name="import" size={36} />
        <h2>{t('import.drop.title')}</h2>
        <p className="muted">{t('import.drop.body')}</p>
        <button
          className="btn primary"
          onClick={() => void pick()}
          disabled={busy !== null}
          data-testid="import-pick"
        >
          {busy ? t('import.uploading', { name: busy }) : t('import.pick')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="import-file-input"
          onChange={(e) => {
            void upload([...(e.target.files ?? [])])
            e.target.value = ''
          }}
        />
        <p className="muted small">{t('import.formats')}</p>
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </div>
  )
}
