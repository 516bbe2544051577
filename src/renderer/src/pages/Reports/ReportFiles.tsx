import { call } from '../../api'
import { errorText } from '../../components/ErrorNote'
import { Icon } from '../../components/Icon'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'

function download(url: string, name: string): void {
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** Produced report files: open each, or show it in its folder. */
export function ReportFiles({ files, compact }: { files: string[]; compact?: boolean }) {
  const { t, tx } = useI18n()
  const { notify } = useToast()
  const open = (path: string, folder?: boolean): void =>
    void call('reports:open', folder ? { path, folder } : { path }).then(
      (r) => {
        if (r.opened) return
        // The browser test host cannot open files on the desktop: it hands the file over instead.
        if (r.downloadUrl) download(r.downloadUrl, path.split(/[\\/]/).pop() ?? '')
        else notify(t('reports.notOpened'), { kind: 'error' })
      },
      (e: unknown) => notify(errorText(e, tx).title, { kind: 'error' })
    )
  return (
    <ul className="file-list" data-testid="report-files">
      {files.map((f) => (
        <li key={f}>
          <Icon name="file" />
          <span className="file-path" title={f}>
            {f.split(/[\\/]/).pop()}
          </span>
          <span className="muted small ellipsis grow" title={f}>
            {compact ? '' : f}
          </span>
          <button className="btn small" onClick={() => open(f)}>
            {t('reports.open')}
          </button>
          <button className="btn small" onClick={() => open(f, true)}>
            <Icon name="folder" /> {t('reports.folder')}
          </button>
        </li>
      ))}
    </ul>
  )
}
