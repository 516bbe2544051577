/**
 * Why an import row was rejected, or what was odd about it: the ONE catalogue of these messages. Main
 * writes them in English (the CLI's JSON and the rejected-rows CSV keep that text); the renderer reads
 * a message back into its code and values and says it in the UI language (`import.msg.<code>` in the
 * dictionaries), falling back to the English text for anything it does not know.
 */

export const IMPORT_MESSAGES = {
  no_text: 'no text and no title',
  media_only: 'media without text',
  no_date: 'no date',
  bad_date: 'date "{value}" not understood',
  date_too_old: 'date "{value}" is before 1990: the import time is used',
  date_future: 'date "{value}" is more than a day ahead: the import time is used',
  url_only_key: 'broken URL "{value}" (the URL is this row\'s only key)',
  url_ignored: 'broken URL "{value}" ignored',
  bad_age: 'age "{value}" not understood',
  bad_sentiment: 'unknown sentiment label "{value}" (left unlabelled)',
  not_a_number: '{field} "{value}" is not a number'
} as const

export type ImportMessageCode = keyof typeof IMPORT_MESSAGES

/** The English message of a code: importMessage('bad_date', { value: '31.02.2026' }) → 'date "31.02.2026" not understood'. */
export function importMessage(code: ImportMessageCode, params: Record<string, string> = {}): string {
  return IMPORT_MESSAGES[code].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '')
}

const PATTERNS = (Object.entries(IMPORT_MESSAGES) as [ImportMessageCode, string][]).map(([code, tpl]) => {
  const names: string[] = []
  const source = tpl
    .split(/(\{\w+\})/)
    .map((part) => {
      const m = /^\{(\w+)\}$/.exec(part)
      if (!m) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      names.push(m[1]!)
      return '(.*?)'
    })
    .join('')
  return { code, names, re: new RegExp(`^${source}$`, 's') }
})

/** Reads an English message back into its code and values; null for a message the catalogue lacks. */
export function parseImportMessage(
  message: string
): { code: ImportMessageCode; params: Record<string, string> } | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(message)
    if (m) return { code: p.code, params: Object.fromEntries(p.names.map((n, i) => [n, m[i + 1]!])) }
  }
  return null
}
