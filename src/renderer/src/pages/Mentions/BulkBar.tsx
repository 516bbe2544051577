import { SENTIMENTS, type Sentiment } from '../../../../shared/types'
import { Icon } from '../../components/Icon'
import { Popover } from '../../components/Popover'
import { useI18n } from '../../i18n'
import { IRRELEVANT_REASONS, type IrrelevantReason } from './useMentionActions'

/** Actions on the selected rows: sentiment, irrelevant, response. */
export function BulkBar({
  count,
  onSentiment,
  onIrrelevant,
  onResponse,
  onClear
}: {
  count: number
  onSentiment: (s: Sentiment) => void
  onIrrelevant: (irrelevant: boolean, reason?: IrrelevantReason) => void
  onResponse: () => void
  onClear: () => void
}) {
  const { t, tx } = useI18n()
  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('bulk.label')} data-testid="bulk-bar">
      <strong>{t('bulk.selected', { n: count })}</strong>
      <span className="bulk-sep" />
      {SENTIMENTS.map((s) => (
        <button
          key={s}
          className={`btn small sent-${s}`}
          onClick={() => onSentiment(s)}
          data-testid={`bulk-${s}`}
        >
          <span className="dot" aria-hidden="true" /> {tx(`sentiment.${s}`)}
        </button>
      ))}
      <span className="bulk-sep" />
      <Popover label={<>{t('actions.irrelevant')} ▾</>} className="btn small" testId="bulk-irrelevant">
        {(close) => (
          <div className="menu">
            {IRRELEVANT_REASONS.map((r) => (
              <button
                key={r}
                className="menu-item"
                onClick={() => {
                  onIrrelevant(true, r)
                  close()
                }}
              >
                {tx(`irrelevant.reason.${r}`)}
              </button>
            ))}
            <div className="menu-sep" />
            <button
              className="menu-item"
              onClick={() => {
                onIrrelevant(false)
                close()
              }}
            >
              {t('actions.restore')}
            </button>
          </div>
        )}
      </Popover>
      <button className="btn small" onClick={onResponse}>
        <Icon name="reply" /> {t('actions.response')}
      </button>
      <span className="grow" />
      <button className="btn link small" onClick={onClear}>
        {t('bulk.clear')}
      </button>
    </div>
  )
}
