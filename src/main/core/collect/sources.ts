import type { SourceView } from '../../../shared/views'
import { statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import type { Db } from '../db/open'
import { getSettings } from '../db/settings'
import { OtklikError } from '../../../shared/errors'
import { isoInZone } from '../../../shared/time'
import { hostKey, safeHttpUrl } from '../../../shared/url'
import { parseSchedule } from './schedule'
import { normaliseTelegramTarget } from './telegram'
import { SOURCE_TYPES, type KeepMode, type SourceRow, type SourceState, type SourceType } from './types'
import { clock } from '../../../shared/clock'

export interface AddSourceInput {
  type: string
  /** Feed URL, channel (name, @name, link) or folder path. */
  target: string
  /** Default: the feed/channel title once known (the host, @channel or folder name until then). */
  name?: string | null
  /** Interval: '15m', '2h', '1d'. */
  every?: string | null
  /** Cron expression in the workspace time zone. */
  cron?: string | null
  /** Either form; for callers that keep one field. */
  schedule?: string | null
  keep?: string | null
  enabled?: boolean
}

const DEFAULT_SCHEDULE = '30m'

/** Adds a collection source after validating it; it runs in the next round. Throws VALIDATION. */
export function addSource(db: Db, input: AddSourceInput, now = clock.now()): { id: number } {
  const type = String(input.type ?? '')
    .trim()
    .toLowerCase() as SourceType
  if (!SOURCE_TYPES.includes(type)) {
    throw new OtklikError('VALIDATION', `Unknown source type "${input.type}": use rss, telegram or folder.`, {
      type: input.type
    })
  }
  const { url, defaultName } = resolveTarget(type, input.target)
  const schedule = scheduleOf(db, input)
  const keep = keepOf(input.keep)
  if (type === 'folder' && keep === 'matching') {
    throw new OtklikError(
      'VALIDATION',
      'A watched folder imports whole exports; --keep matching applies to rss and telegram sources only.'
    )
  }
  const existing = db.prepare('SELECT id, name FROM sources WHERE type = ? AND url = ?').get(type, url) as
    { id: number; name: string } | undefined
  if (existing) {
    throw new OtklikError(
      'VALIDATION',
      `This ${type} source already exists as #${existing.id} "${existing.name}".`,
      { id: existing.id }
    )
  }
  const name = input.name?.trim()
  const state: SourceState = name ? {} : { autoName: true }
  const r = db
    .prepare(
      `INSERT INTO sources (type, target, url, name, schedule, keep, enabled, state, next_run, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      type,
      input.target.trim(),
      url,
      name || defaultName,
      schedule,
      keep,
      input.enabled === false ? 0 : 1,
      JSON.stringify(state),
      now,
      now
    )
  return { id: Number(r.lastInsertRowid) }
}

/** Changes a source's name, schedule or keep mode. */
export function updateSource(
  db: Db,
  id: number,
  patch: {
    name?: string | null
    every?: string | null
    cron?: string | null
    schedule?: string | null
    keep?: string | null
  }
): SourceView {
  const row = getSourceRow(db, id)
  const sets: Record<string, string | number> = {}
  if (patch.name?.trim()) {
    sets.name = patch.name.trim()
    const state = readState(row)
    delete state.autoName
    sets.state = JSON.stringify(state)
  }
  if (patch.every || patch.cron || patch.schedule) {
    sets.schedule = scheduleOf(db, patch)
    sets.next_run = clock.now()
  }
  if (patch.keep) {
    sets.keep = keepOf(patch.keep)
    if (row.type === 'folder' && sets.keep === 'matching') {
      throw new OtklikError(
        'VALIDATION',
        'A watched folder imports whole exports; --keep matching applies to rss and telegram sources only.'
      )
    }
  }
  const cols = Object.keys(sets)
  if (cols.length)
    db.prepare(`UPDATE sources SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({
      ...sets,
      id
    })
  return toInfo(getSourceRow(db, id), getSettings(db).timeZone)
}

export function listSources(db: Db): { sources: SourceView[] } {
  const tz = getSettings(db).timeZone
  const rows = db.prepare('SELECT * FROM sources ORDER BY id').all() as SourceRow[]
  return { sources: rows.map((r) => toInfo(r, tz)) }
}

/** Enables (runs in the next round) or disables a source. */
export function setSourceEnabled(
  db: Db,
  id: number,
  on: boolean,
  now = clock.now()
): { id: number; enabled: boolean } {
  getSourceRow(db, id)
  if (on) db.prepare('UPDATE sources SET enabled = 1, next_run = ? WHERE id = ?').run(now, id)
  else db.prepare('UPDATE sources SET enabled = 0 WHERE id = ?').run(id)
  return { id, enabled: on }
}

/** Deletes a source; its mentions stay (their source_id becomes NULL). */
export function removeSource(db: Db, id: number): { id: number; removed: true } {
  getSourceRow(db, id)
  db.prepare('DELETE FROM sources WHERE id = ?').run(id)
  return { id, removed: true }
}

export function getSourceRow(db: Db, id: number): SourceRow {
  const row = db.prepare('SELECT * FROM sources WHERE id = ?').get(id) as SourceRow | undefined
  if (!row)
    throw new OtklikError(
      'NOT_FOUND',
      `No collection source with id ${id}. "otklik source list" shows the ids.`,
      { id }
    )
  return row
}

export function readState(row: Pick<SourceRow, 'state'>): SourceState {
  try {
    const v = row.state ? (JSON.parse(row.state) as unknown) : {}
    return typeof v === 'object' && v !== null ? (v as SourceState) : {}
  } catch {
    return {}
  }
}

function toInfo(r: SourceRow, tz: string): SourceView {
  const iso = (t: number | null): string | null => (t === null || t === undefined ? null : isoInZone(t, tz))
  return {
    id: r.id,
    type: r.type,
    target: r.target,
    url: r.url,
    name: r.name,
    schedule: r.schedule,
    keep: r.keep,
    enabled: r.enabled === 1,
    lastRun: iso(r.last_run),
    lastStatus: r.last_status,
    lastError: r.last_error,
    nextRun: r.enabled === 1 ? iso(r.next_run) : null
  }
}

function resolveTarget(type: SourceType, rawTarget: string): { url: string; defaultName: string } {
  const target = String(rawTarget ?? '').trim()
  if (!target)
    throw new OtklikError(
      'VALIDATION',
      `A ${type} source needs a target: ${type === 'folder' ? 'a folder path' : type === 'rss' ? 'a feed URL' : 'a channel name or link'}.`
    )
  if (type === 'telegram') {
    const t = normaliseTelegramTarget(target)
    return { url: t.url, defaultName: `@${t.channel}` }
  }
  if (type === 'folder') {
    const path = resolve(target)
    let isDir = false
    try {
      isDir = statSync(path).isDirectory()
    } catch {
      throw new OtklikError(
        'VALIDATION',
        `Folder "${path}" does not exist. Create it first, or check the path.`,
        { path }
      )
    }
    if (!isDir)
      throw new OtklikError(
        'VALIDATION',
        `"${path}" is a file, not a folder. Give the folder that export files are dropped into.`,
        { path }
      )
    return { url: path, defaultName: basename(path) || path }
  }
  // A bare host/path ("tengrinews.kz/news.rss") means https.
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(target)
    ? target
    : /^[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?$/.test(target)
      ? `https://${target}`
      : target
  const u = safeHttpUrl(candidate)
  if (!u || /\s/.test(target)) {
    throw new OtklikError(
      'VALIDATION',
      `"${target}" is not a web address of a feed. Give a URL such as https://tengrinews.kz/news.rss.`,
      { target }
    )
  }
  return { url: u.href, defaultName: hostKey(u.href) ?? u.host }
}

function scheduleOf(
  db: Db,
  input: { every?: string | null; cron?: string | null; schedule?: string | null }
): string {
  const given = [input.every, input.cron, input.schedule].filter(
    (x) => x !== undefined && x !== null && String(x).trim() !== ''
  )
  if (given.length > 1) throw new OtklikError('VALIDATION', 'Give either --every or --cron, not both.')
  if (input.every && !/^\s*\d+\s*(m|min|h|d)\s*$/i.test(input.every)) {
    throw new OtklikError(
      'VALIDATION',
      `--every "${input.every}" is not an interval: use minutes, hours or days such as 15m, 2h, 1d.`,
      { every: input.every }
    )
  }
  const text = String(given[0] ?? DEFAULT_SCHEDULE)
  return parseSchedule(text, getSettings(db).timeZone).text
}

function keepOf(keep: string | null | undefined): KeepMode {
  const k = String(keep ?? 'all')
    .trim()
    .toLowerCase()
  if (k !== 'all' && k !== 'matching')
    throw new OtklikError('VALIDATION', `--keep "${keep}" is unknown: use all or matching.`, { keep })
  return k
}

/** The folders watched for monitoring-service exports (imports may read files in them). */
export function watchedFolders(db: Db): string[] {
  return db.prepare("SELECT target FROM sources WHERE type = 'folder'").pluck().all() as string[]
}
