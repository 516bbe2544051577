import { PeriodInputs } from '../DateInput'
import { useFilter } from '../../hooks/useFilter'
import { PERIOD_PRESETS, periodRange, type PeriodPreset } from '../../hooks/period'
import { useSettings } from '../../hooks/useSettings'
import { useI18n } from '../../i18n'

/** Period presets computed in the workspace time zone and week, or a custom from–to. */
export function PeriodPicker() {
  const { state, patch, today } = useFilter()
  const { settings } = useSettings()
  const { t, tx, day } = useI18n()
  const range = periodRange(state.period, today, settings.weekStart, state)
  return (
    <div className="period-picker">
      <select
        value={state.period}
        onChange={(e) => {
          const p = e.target.value as PeriodPreset
          // Switching to custom starts from the dates the old preset covered.
          if (p === 'custom') patch({ period: p, from: range?.from ?? null, to: range?.to ?? null })
          else patch({ period: p })
        }}
        aria-label={t('filter.period')}
        data-testid="period-select"
      >
        {PERIOD_PRESETS.map((p) => (
          <option key={p} value={p}>
            {tx(`period.${p}`)}
          </option>
        ))}
      </select>
      {state.period === 'custom' ? (
        <PeriodInputs
          from={state.from}
          to={state.to}
          onFrom={(v) => patch({ from: v })}
          onTo={(v) => patch({ to: v })}
          testId="period"
        />
      ) : (
        range && (
          <div className="period-range muted small">
            {day(range.from)}
            {range.to !== range.from ? ` – ${day(range.to)}` : ''}
          </div>
        )
      )}
    </div>
  )
}
