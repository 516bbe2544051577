import { useEffect, useState } from 'react'
import type { AuthorRow } from '../../../../shared/views'
import { PlatformIcon } from '../../components/cells'
import { Dialog } from '../../components/Dialog'
import { useI18n } from '../../i18n'

/** Merging one person's accounts across platforms: pick the account the others join. */
export function MergeDialog({
  rows,
  onMerge,
  onClose
}: {
  rows: AuthorRow[] | null
  onMerge: (ids: number[], into: number) => void
  onClose: () => void
}) {
  const { t, tx, num } = useI18n()
  const [into, setInto] = useState<number | null>(null)
  useEffect(() => {
    // Suggest the account with the most mentions as the main one.
    if (rows?.length) setInto([...rows].sort((a, b) => b.mentions - a.mentions)[0]!.id)
  }, [rows])
  return (
    <Dialog
      open={rows !== null}
      title={t('authors.merge.title')}
      onClose={onClose}
      testId="merge-dialog"
      footer={
        <>
          <button className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            className="btn primary"
            disabled={into === null}
            onClick={() =>
              rows &&
              into !== null &&
              onMerge(
                rows.map((r) => r.id).filter((id) => id !== into),
                into
              )
            }
            data-testid="merge-ok"
          >
            {t('authors.merge.ok')}
          </button>
        </>
      }
    >
      <p className="muted">{t('authors.merge.body')}</p>
      <fieldset className="merge-list">
        <legend>{t('authors.merge.main')}</legend>
        {rows?.map((r) => (
          <label key={r.id} className={`merge-item ${into === r.id ? 'on' : ''}`}>
            <input type="radio" name="into" checked={into === r.id} onChange={() => setInto(r.id)} />
            <PlatformIcon platform={r.platform} />
            <span className="grow">{r.name}</span>
            <span className="muted small">
              {tx(`authorType.${r.type}`)} · {t('authors.col.mentions')}: {num(r.mentions)}
            </span>
          </label>
        ))}
      </fieldset>
    </Dialog>
  )
}
