import type { Db } from '../db'
import { getSettings } from '../db'
import { OtklikError } from '../../../shared/errors'
import { buildPlan, type Plan } from './mapping/plan'
import type { PresetDef } from './mapping/presets'
import { PRESETS, presetById } from './mapping/presets'
import { listPresets, loadPreset, parseMappingFile } from './presets-store'
import type { LayoutOptions, Source } from './source/types'
import type { MappingFile } from './types'
import { BUILTIN_PRESETS } from './types'
import { checkTimeZone } from './values/dates'

/** What the preset and mapping options come to, before the file is read. */
export interface Resolved {
  layout: LayoutOptions
  /** A forced built-in preset (its rules apply even if the header does not match it). */
  forced: PresetDef | null
  forcedGeneric: boolean
  /** The saved preset's name, reported instead of the built-in id. */
  savedName: string | null
  overrides: MappingFile['fields']
  tz: string
}

/**
 * Merges the options: a built-in or saved preset, then the mapping (its fields override the preset's),
 * the time zone (the mapping's, as the most specific > the option > workspace setting > Asia/Almaty).
 */
export function resolveOptions(
  db: Db | null,
  opts: { preset?: string; mapping?: MappingFile; timezone?: string }
): Resolved {
  const name = (opts.preset ?? 'auto').trim()
  let mapping: MappingFile = opts.mapping ? parseMappingFile(opts.mapping) : {}
  let savedName: string | null = null
  let base = mapping.preset
  if (name && name !== 'auto') {
    if ((BUILTIN_PRESETS as readonly string[]).includes(name)) base = name
    else {
      const saved = loadPreset(db, name)
      if (!saved) {
        const names = listPresets(db).map((p) => p.name)
        throw new OtklikError(
          'VALIDATION',
          `Unknown preset "${name}". Use auto or one of: ${names.join(', ')}.`
        )
      }
      savedName = name
      mapping = { ...saved, ...mapping, fields: { ...saved.fields, ...mapping.fields } }
      base = mapping.preset ?? saved.preset
    }
  }
  if (base && base !== 'auto' && !(BUILTIN_PRESETS as readonly string[]).includes(base))
    throw new OtklikError(
      'VALIDATION',
      `Unknown base preset "${base}" in the mapping (built-in: ${BUILTIN_PRESETS.join(', ')}).`
    )
  const forcedGeneric = base === 'generic'
  const forced = base && base !== 'auto' && !forcedGeneric ? presetById(base) : null
  const only = forcedGeneric
    ? []
    : forced
      ? forced.id === 'telegram-json'
        ? [forced]
        : PRESETS.filter((p) => p.id === forced.id)
      : undefined
  const tz = mapping.timezone ?? opts.timezone ?? (db ? String(getSettings(db).timeZone || '') : '') ?? ''
  const zone = tz || 'Asia/Almaty'
  try {
    checkTimeZone(zone)
  } catch (e) {
    throw new OtklikError('VALIDATION', (e as Error).message)
  }
  return {
    layout: {
      encoding: mapping.encoding,
      delimiter: mapping.delimiter,
      headerRow: mapping.headerRow,
      sheet: mapping.sheet,
      telegramUsername: mapping.telegramUsername,
      only
    },
    forced,
    forcedGeneric,
    savedName,
    overrides: mapping.fields,
    tz: zone
  }
}

/** The mapping plan for an opened file. */
export function planFor(src: Source, r: Resolved): Plan {
  const detected = src.layout.match?.preset ?? null
  const def = r.forcedGeneric
    ? null
    : r.forced && detected?.id !== r.forced.id
      ? r.forced
      : (detected ?? r.forced)
  return buildPlan({
    headers: src.layout.headers,
    def,
    presetName: r.savedName ?? undefined,
    overrides: r.overrides,
    sample: src.layout.sample.map((s) => s.cells),
    tz: r.tz,
    headerLine: src.layout.headerRow
  })
}
