import { useEffect } from 'react'
import { onEvent } from '../../api'
import { useSettings } from '../../hooks/useSettings'
import { useToast } from '../../hooks/useToast'
import { useI18n } from '../../i18n'
import { nextDigestRun, scheduleOf, type DigestSchedule } from '../../../../shared/digest-schedule'
import { now } from '../../../../shared/clock'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]

/**
 * The scheduled digest: on/off, weekday and time (stored in Settings; the main process runs it,
 * catching up a run missed while the workstation was off), and when it runs next.
 */
export function DigestSchedulePanel({ onMade }: { onMade: () => void }) {
  const { t, tx, dateTime, day } = useI18n()
  const { settings, update } = useSettings()
  const { notify } = useToast()
  const s = scheduleOf(settings.digestSchedule)
  const save = (patch: Partial<DigestSchedule>): void =>
    void update({ digestSchedule: { ...s, ...patch } }).catch(() => undefined)
  useEffect(
    () =>
      onEvent('reports:scheduled', (e) => {
        notify(t('reports.schedule.made', { from: day(e.period.from), to: day(e.period.to) }))
        onMade()
      }),
    [notify, onMade, t, day]
  )
  const next = nextDigestRun(s, now(), settings.timeZone)
  const weekdayName = (d: number): string => tx(`weekday.${d % 7}`, String(d))
  return (
    <section className="panel" aria-labelledby="digest-schedule-h" data-testid="digest-schedule">
      <h2 id="digest-schedule-h">{t('reports.schedule.title')}</h2>
      <div className="row-gap">
        <label className="check-row">
          <input
            type="checkbox"
            checked={s.enabled}
            onChange={(e) => save({ enabled: e.target.checked })}
            data-testid="schedule-enabled"
          />
          {t('reports.schedule.enable')}
        </label>
        <span>{t('reports.schedule.every')}</span>
        <select
          value={s.weekday}
          onChange={(e) => save({ weekday: Number(e.target.value) })}
          aria-label={t('reports.schedule.weekday')}
        >
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {weekdayName(d)}
            </option>
          ))}
        </select>
        <span>{t('reports.schedule.at')}</span>
        <input
          type="time"
          value={s.time}
          onChange={(e) => e.target.value && save({ time: e.target.value })}
          aria-label={t('reports.schedule.time')}
        />
      </div>
      <p className="muted small" data-testid="schedule-next">
        {next !== null
          ? t('reports.schedule.next', { when: `${weekdayName(s.weekday)}, ${dateTime(next)}` })
          : t('reports.schedule.off')}
      </p>
    </section>
  )
}
