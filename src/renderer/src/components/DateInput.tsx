import { useEffect, useState } from 'react'
import { useI18n } from '../i18n'

/** 'YYYY-MM-DD' → 'dd.mm.yyyy' (empty for null). */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return ''
  const [y, m, d] = iso.split('-')
  return `${d}.${m}.${y}`
}

/** 'dd.mm.yyyy' (also d.m.yyyy) → 'YYYY-MM-DD', or null when it is not a real calendar date. */
export function parseDay(text: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim())
  if (!m) return null
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = new Date(Date.UTC(y, mo - 1, d))
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null
  return dt.toISOString().slice(0, 10)
}

/**
 * A date typed as dd.mm.yyyy whatever the system locale (a native date input follows the OS and
 * may show mm/dd/yyyy). The value changes only when the text is a real date, or empty (null).
 */
export function DateInput({
  value,
  onChange,
  label,
  testId
}: {
  value: string | null
  onChange: (v: string | null) => void
  label: string
  testId?: string
}) {
  const { t } = useI18n()
  const [text, setText] = useState(formatDay(value))
  useEffect(() => setText(formatDay(value)), [value])
  const bad = text.trim() !== '' && parseDay(text) === null
  return (
    <input
      className="date-input"
      value={text}
      inputMode="numeric"
      placeholder={t('date.placeholder')}
      aria-label={label}
      aria-invalid={bad}
      title={bad ? t('date.bad') : label}
      maxLength={10}
      data-testid={testId}
      onChange={(e) => {
        const v = e.target.value.replace(/[^\d.]/g, '')
        setText(v)
        if (v.trim() === '') onChange(null)
        else {
          const iso = parseDay(v)
          if (iso) onChange(iso)
        }
      }}
      onBlur={() => !bad && setText(formatDay(value))}
    />
  )
}
