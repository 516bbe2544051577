import type { Platform } from '../../../../shared/types'
import type { LineMessage, MappingFile, TargetField } from '../types'
import { TARGET_FIELDS } from '../types'
import type { CellValue } from '../values/dates'
import type { SentimentScale } from '../values/labels'
import type { FieldChoice } from '../../../../shared/import'
import type { GuessChoice } from './generic'
import { guessMapping } from './generic'
import type { PresetDef } from './presets'
import { headerKey } from './presets'

/** A mapping resolved against one header row: column indexes per field, ready to apply to rows. */
export interface Plan {
  /** Reported preset: a built-in id, 'generic', or a saved preset's name. */
  preset: string
  variant: string | null
  def: PresetDef | null
  headers: string[]
  columns: Partial<Record<TargetField, number[]>>
  /** Brand Analytics user-tag columns (after `Обработано`, geography excluded). */
  tagColumns: number[]
  sentimentScale: SentimentScale
  fixedPlatform: Platform | null
  /** Notes about the mapping itself (a mapped column that the file lacks). */
  warnings: LineMessage[]
  /** Per field: where its column came from and why (for the preview). */
  choices: FieldChoice[]
}

/** Geography columns seen after `Обработано` in Brand Analytics exports: not tags. */
const GEO =
  /страна|регион|город|област|район|округ|населенн|адрес|^место$|местоположен|country|region|city|state|location|геолок|координат|широт|долгот|latitude|longitude/

/**
 * Resolves a mapping for a header row: the preset's candidates (or a guess for unknown exports), then
 * the user's overrides (a header name, a list of them, or null to unmap).
 */
export function buildPlan(opts: {
  headers: string[]
  def: PresetDef | null
  presetName?: string
  overrides?: MappingFile['fields']
  sample?: CellValue[][]
  tz: string
  headerLine?: number | null
}): Plan {
  const { headers, def } = opts
  const index = new Map<string, number>()
  headers.forEach((h, i) => {
    const k = headerKey(h)
    if (k && !index.has(k)) index.set(k, i)
  })
  const warnings: LineMessage[] = []
  const lookup = (names: string[]): number[] => {
    const out: number[] = []
    for (const n of names) {
      const i = index.get(headerKey(n))
      if (i !== undefined && !out.includes(i)) out.push(i)
    }
    return out
  }
  let columns: Partial<Record<TargetField, number[]>> = {}
  let guessed: GuessChoice[] = []
  const overridden = new Set<TargetField>()
  if (def) {
    for (const [field, names] of Object.entries(def.fields) as [TargetField, string[]][]) {
      const cols = lookup(names)
      if (cols.length) columns[field] = cols
    }
  } else {
    const g = guessMapping(headers, opts.sample ?? [], opts.tz)
    columns = g.columns
    guessed = g.choices
  }
  for (const [field, spec] of Object.entries(opts.overrides ?? {}) as [
    string,
    string | string[] | null | undefined
  ][]) {
    if (!(TARGET_FIELDS as readonly string[]).includes(field)) {
      warnings.push({
        line: opts.headerLine ?? 0,
        message: `Mapping: unknown field "${field}" ignored (fields: ${TARGET_FIELDS.join(', ')}).`
      })
      continue
    }
    const f = field as TargetField
    overridden.add(f)
    const names =
      spec === null || spec === undefined || spec === '' ? [] : Array.isArray(spec) ? spec : [spec]
    if (!names.length) {
      delete columns[f]
      continue
    }
    const cols = lookup(names)
    const missing = names.filter((n) => !index.has(headerKey(n)))
    if (missing.length)
      warnings.push({
        line: opts.headerLine ?? 0,
        message: `Mapping: column ${missing.map((m) => `"${m}"`).join(', ')} for ${f} is not in the header row.`
      })
    if (cols.length) columns[f] = cols
    else delete columns[f]
  }
  const tagColumns: number[] = []
  if (def?.tagsAfter) {
    const after = index.get(headerKey(def.tagsAfter))
    if (after !== undefined) {
      const mapped = new Set(Object.values(columns).flat())
      for (let i = after + 1; i < headers.length; i++)
        if (!mapped.has(i) && !GEO.test(headerKey(headers[i]))) tagColumns.push(i)
    }
  }
  const name = (i: number): string => headers[i] || `#${i + 1}`
  const choices: FieldChoice[] = []
  for (const [f, cols] of Object.entries(columns) as [TargetField, number[]][]) {
    const g = guessed.find((c) => c.field === f)
    const headerList = cols.map(name)
    if (overridden.has(f))
      choices.push({
        field: f,
        columns: headerList,
        by: 'mapping',
        why: ['set in the mapping'],
        runnerUp: null
      })
    else if (def)
      choices.push({
        field: f,
        columns: headerList,
        by: 'preset',
        why: [`the ${def.id} preset reads ${f} from ${headerList.map((h) => `«${h}»`).join(', then ')}`],
        runnerUp: null
      })
    else
      choices.push({
        field: f,
        columns: headerList,
        by: 'guess',
        why: g ? [...g.why, `score ${g.score.toFixed(1)}`] : ['second column, read when the first is empty'],
        runnerUp: g?.runnerUp
          ? {
              column: name(g.runnerUp.index),
              score: Math.round(g.runnerUp.score * 10) / 10,
              why: g.runnerUp.why
            }
          : null
      })
  }
  return {
    choices,
    preset: opts.presetName ?? def?.id ?? 'generic',
    variant: def?.variant ?? null,
    def,
    headers,
    columns,
    tagColumns,
    sentimentScale: def?.sentimentScale ?? 'labels',
    fixedPlatform: def?.platform ?? null,
    warnings
  }
}

/** target ← column header(s), for previews and reports. */
export function describePlan(plan: Plan): Partial<Record<TargetField, string[]>> {
  const out: Partial<Record<TargetField, string[]>> = {}
  for (const [f, cols] of Object.entries(plan.columns) as [TargetField, number[]][])
    out[f] = cols.map((i) => plan.headers[i] ?? `#${i + 1}`)
  if (plan.tagColumns.length)
    out.tags = [...(out.tags ?? []), ...plan.tagColumns.map((i) => plan.headers[i] || `#${i + 1}`)]
  return out
}
