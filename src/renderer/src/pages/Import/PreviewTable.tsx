import { importMessageText } from './messages'
import { PlatformIcon, SentimentBadge } from '../../components/cells'
import { useI18n } from '../../i18n'
import type { ImportPreview } from './types'

/** The first rows as they would be imported: status, mapped values, and why a row is rejected. */
export function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { t, tx, dateTime, num } = useI18n()
  const counts = { new: 0, duplicate: 0, rejected: 0, media: 0 }
  for (const r of preview.rows) if (r.status) counts[r.status]++
  return (
    <div className="preview">
      <div className="preview-sum muted small" data-testid="preview-summary">
        {t('import.preview.summary', {
          n: preview.rows.length,
          fresh: counts.new,
          dup: counts.duplicate,
          rej: counts.rejected
        })}
      </div>
      <div className="table-scroll">
        <table className="table compact" data-testid="preview-table">
          <thead>
            <tr>
              <th>{t('import.preview.line')}</th>
              <th>{t('import.preview.status')}</th>
              <th>{t('col.publishedAt')}</th>
              <th>{t('col.platform')}</th>
              <th>{t('col.author')}</th>
              <th>{t('col.text')}</th>
              <th>{t('col.sentiment')}</th>
              <th>{t('col.reach')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => {
              const m = r.mention
              return (
                <tr key={r.line} className={r.status === 'rejected' ? 'row-rejected' : ''}>
                  <td className="num">{r.line}</td>
                  <td>
                    <span className={`status status-${r.status ?? 'none'}`}>
                      {tx(`import.status.${r.status ?? 'none'}`)}
                    </span>
                  </td>
                  <td className="nowrap">{m ? dateTime(m.publishedAt) : '—'}</td>
                  <td>{m ? <PlatformIcon platform={m.platform} /> : '—'}</td>
                  <td className="ellipsis">{m?.author?.name ?? m?.outlet?.name ?? '—'}</td>
                  <td className="preview-text">
                    {m ? (
                      <span className="ellipsis-2">
                        {m.title && <strong>{m.title} — </strong>}
                        {m.text}
                      </span>
                    ) : null}
                    {r.duplicateOf && (
                      <div className="muted small" data-testid="preview-duplicate-of">
                        {r.duplicateOf.matchedLine !== null
                          ? t('import.preview.dupLine', {
                              line: r.duplicateOf.matchedLine,
                              reason: t(`import.dupReason.${r.duplicateOf.reason}`)
                            })
                          : t('import.preview.dupStored', {
                              reason: t(`import.dupReason.${r.duplicateOf.reason}`)
                            })}
                      </div>
                    )}
                    {r.errors.map((e, i) => (
                      <div key={`e${i}`} className="error-line small">
                        {importMessageText(e, tx)}
                      </div>
                    ))}
                    {r.warnings.map((w, i) => (
                      <div key={`w${i}`} className="warn-line small">
                        {importMessageText(w, tx)}
                      </div>
                    ))}
                  </td>
                  <td>{m ? <SentimentBadge value={m.sentiment ?? null} /> : null}</td>
                  <td className="num">{m ? num(m.reach ?? null) : ''}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}
