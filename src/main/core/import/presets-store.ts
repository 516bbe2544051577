import { z } from 'zod'
import type { Db } from '../db'
import { OtklikError } from '../../../shared/errors'
import { BUILTIN_PRESETS, TARGET_FIELDS } from './types'
import type { MappingFile } from './types'
import { clock } from '../../../shared/clock'

const fieldSpec = z.union([z.string(), z.array(z.string()), z.null()])
const mappingSchema = z
  .object({
    preset: z.string().optional(),
    delimiter: z.string().min(1).max(3).optional(),
    encoding: z.string().optional(),
    headerRow: z.number().int().positive().optional(),
    sheet: z.string().optional(),
    timezone: z.string().optional(),
    telegramUsername: z
      .string()
      .regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/)
      .optional(),
    fields: z
      .record(z.string(), fieldSpec)
      .superRefine((fields, ctx) => {
        for (const k of Object.keys(fields))
          if (!(TARGET_FIELDS as readonly string[]).includes(k))
            ctx.addIssue({ code: 'custom', path: [k], message: `unknown field "${k}"` })
      })
      .optional()
  })
  .strict()

/**
 * Validates a mapping (a --mapping file's JSON, a saved preset) and says exactly what is wrong.
 * parseMappingFile({ fields: { text: 'Текст' } }) → { fields: { text: 'Текст' } }
 */
export function parseMappingFile(json: unknown, where = 'mapping'): MappingFile {
  const r = mappingSchema.safeParse(json)
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
    throw new OtklikError('VALIDATION', `Invalid ${where}: ${issues}. Fields: ${TARGET_FIELDS.join(', ')}.`)
  }
  const m = r.data as MappingFile
  if (m.telegramUsername) m.telegramUsername = m.telegramUsername.replace(/^@/, '')
  return m
}

export interface PresetInfo {
  name: string
  builtIn: boolean
  mapping: MappingFile | null
  createdAt: number | null
}

/** Saves (or replaces) a named mapping in import_presets. Built-in names are reserved. */
export function savePreset(db: Db, name: string, mapping: MappingFile): PresetInfo {
  const n = name.trim()
  if (!n) throw new OtklikError('VALIDATION', 'A preset needs a name.')
  if (n.toLowerCase() === 'auto' || (BUILTIN_PRESETS as readonly string[]).includes(n.toLowerCase()))
    throw new OtklikError('VALIDATION', `"${n}" is a built-in preset name; choose another name.`)
  const m = parseMappingFile(mapping, `preset "${n}"`)
  const now = clock.now()
  db.prepare(
    'INSERT INTO import_presets (name, mapping, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET mapping = excluded.mapping'
  ).run(n, JSON.stringify(m), now)
  return { name: n, builtIn: false, mapping: m, createdAt: now }
}

/** Built-in presets first, then saved ones by name. */
export function listPresets(db: Db | null): PresetInfo[] {
  const builtIn: PresetInfo[] = BUILTIN_PRESETS.map((name) => ({
    name,
    builtIn: true,
    mapping: null,
    createdAt: null
  }))
  if (!db) return builtIn
  const rows = db.prepare('SELECT name, mapping, created_at FROM import_presets ORDER BY name').all() as {
    name: string
    mapping: string
    created_at: number
  }[]
  return [
    ...builtIn,
    ...rows.map((r) => ({
      name: r.name,
      builtIn: false,
      mapping: safeJson(r.mapping),
      createdAt: r.created_at
    }))
  ]
}

export function deletePreset(db: Db, name: string): boolean {
  return db.prepare('DELETE FROM import_presets WHERE name = ?').run(name).changes > 0
}

/** A saved preset's mapping, or null. */
export function loadPreset(db: Db | null, name: string): MappingFile | null {
  if (!db) return null
  const row = db.prepare('SELECT mapping FROM import_presets WHERE name = ?').get(name) as
    { mapping: string } | undefined
  return row ? safeJson(row.mapping) : null
}

function safeJson(s: string): MappingFile | null {
  try {
    return parseMappingFile(JSON.parse(s))
  } catch {
    return null
  }
}
