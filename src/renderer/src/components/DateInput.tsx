import { useEffect, useState } from 'react'
import {
  checkDay,
  checkPeriod,
  formatDay,
  type DayProblem,
  type PeriodProblem
} from '../../../shared/day-input'
import { useI18n, type I18n } from '../i18n'

export { formatDay, parseDay } from '../../../shared/day-input'

/** A typed date's problem in words: «Такой даты нет: в 02.2026 всего 28 дней». */
export function dayProblemText(p: DayProblem, t: I18n['t']): string {
  switch (p.kind) {
    case 'format':
      return t('date.error.format')
    case 'month':
      return t('date.error.month', { month: p.month })
    case 'dayRange':
      return t('date.error.dayRange')
    case 'noSuchDay':
      return t('date.error.noSuchDay', { month: p.month, days: String(p.days) })
  }
}

/** A period's problem in words: «Начало периода (20.11.2026) позже его конца (10.11.2026)». */
export function periodProblemText(p: PeriodProblem, t: I18n['t'], day: I18n['day']): string {
  return p.kind === 'reversed'
    ? t('period.error.reversed', { from: day(p.from), to: day(p.to) })
    : t('period.error.oneEnd')
}

/**
 * A date typed as dd.mm.yyyy whatever the system locale (a native date input follows the OS and
 * may show mm/dd/yyyy). The value changes only when the text is a real date, or empty (null); what
 * is wrong with the text goes to `onProblem` (PeriodInputs shows it in words) or under the field.
 */
export function DateInput({
  value,
  onChange,
  label,
  testId,
  onProblem
}: {
  value: string | null
  onChange: (v: string | null) => void
  label: string
  testId?: string
  onProblem?: (message: string | null) => void
}) {
  const { t } = useI18n()
  const [text, setText] = useState(formatDay(value))
  useEffect(() => setText(formatDay(value)), [value])
  const checked = text.trim() === '' ? null : checkDay(text)
  const problem = checked && 'problem' in checked ? dayProblemText(checked.problem, t) : null
  useEffect(() => onProblem?.(problem), [problem, onProblem])
  const input = (
    <input
      className="date-input"
      value={text}
      inputMode="numeric"
      placeholder={t('date.placeholder')}
      aria-label={label}
      aria-invalid={!!problem}
      title={problem ?? label}
      maxLength={10}
      data-testid={testId}
      onChange={(e) => {
        const v = e.target.value.replace(/[^\d.]/g, '')
        setText(v)
        if (v.trim() === '') onChange(null)
        else {
          const r = checkDay(v)
          if ('iso' in r) onChange(r.iso)
        }
      }}
      onBlur={() => !problem && setText(formatDay(value))}
    />
  )
  if (onProblem) return input
  return (
    <span className="date-field">
      {input}
      {problem && (
        <span className="field-error" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {problem}
        </span>
      )}
    </span>
  )
}

/**
 * A period's two date fields and one line saying, in words, what is wrong with either date or with
 * the period (reversed; with `bothOrNone`, one end missing).
 */
export function PeriodInputs({
  from,
  to,
  onFrom,
  onTo,
  bothOrNone,
  testId,
  hint,
  onValid
}: {
  from: string | null
  to: string | null
  onFrom: (v: string | null) => void
  onTo: (v: string | null) => void
  bothOrNone?: boolean
  testId?: string
  hint?: string
  /** Whether both fields hold dates (or are empty) and the period makes sense. */
  onValid?: (ok: boolean) => void
}) {
  const { t, day } = useI18n()
  const [fromProblem, setFromProblem] = useState<string | null>(null)
  const [toProblem, setToProblem] = useState<string | null>(null)
  const period = checkPeriod(from, to, { bothOrNone })
  const message =
    (fromProblem && `${t('period.from')}: ${fromProblem}`) ||
    (toProblem && `${t('period.to')}: ${toProblem}`) ||
    (period && periodProblemText(period, t, day))
  useEffect(() => onValid?.(!message), [message, onValid])
  return (
    <div className="period-inputs">
      <div className="period-custom">
        <DateInput
          value={from}
          onChange={onFrom}
          label={t('period.from')}
          testId={testId && `${testId}-from`}
          onProblem={setFromProblem}
        />
        <span aria-hidden="true">–</span>
        <DateInput
          value={to}
          onChange={onTo}
          label={t('period.to')}
          testId={testId && `${testId}-to`}
          onProblem={setToProblem}
        />
      </div>
      {message ? (
        <span className="field-error" role="alert" data-testid={testId && `${testId}-error`}>
          {message}
        </span>
      ) : (
        hint && <span className="field-hint">{hint}</span>
      )}
    </div>
  )
}
