import { useEffect, useState } from 'react'
import type { MentionFilter } from '../../../../shared/filter'
import type { Lean } from '../../../../shared/lean'
import { call } from '../../api'
import { saveDownload } from '../../components/download'
import { errorText } from '../../components/ErrorNote'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'

/** Export of the filtered table (XLSX or CSV) made by main, saved through a download. Ctrl+E = XLSX. */
export function ExportMenu({
  filter,
  channel = 'mentions:exportTable',
  lean = null,
  shortcut = true
}: {
  filter: MentionFilter
  channel?: 'mentions:exportTable' | 'authors:exportTable'
  /** Authors only: export just the critics or supporters shown. */
  lean?: Lean | null
  shortcut?: boolean
}) {
  const { t, tx } = useI18n()
  const { notify } = useToast()
  const [busy, setBusy] = useState(false)
  const run = async (format: 'xlsx' | 'csv'): Promise<void> => {
    setBusy(true)
    try {
      const file =
        channel === 'authors:exportTable'
          ? await call(channel, { filter, format, ...(lean ? { lean } : {}) })
          : await call(channel, { filter, format })
      saveDownload(file)
      notify(t('export.done', { name: file.fileName }))
    } catch (e) {
      notify(errorText(e, tx).title, { kind: 'error' })
    } finally {
      setBusy(false)
    }
  }
  useEffect(() => {
    if (!shortcut) return
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.code === 'KeyE') {
        e.preventDefault()
        void run('xlsx')
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })
  return (
    <Popover
      label={
        <>
          <Icon name="download" /> {busy ? t('export.busy') : t('export.button')}
        </>
      }
      align="right"
      testId="export-button"
    >
      {(close) => (
        <div className="menu">
          {(['xlsx', 'csv'] as const).map((f) => (
            <button
              key={f}
              className="menu-item"
              disabled={busy}
              data-testid={`export-${f}`}
              onClick={() => {
                close()
                void run(f)
              }}
            >
              {t(f === 'xlsx' ? 'export.xlsx' : 'export.csv')}
            </button>
          ))}
        </div>
      )}
    </Popover>
  )
}
