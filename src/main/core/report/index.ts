/**
 * The weekly digest: one model built from SQL, two renderings (DOCX, PDF).
 * exportDigest is what the CLI `digest` command and the app's "Export digest" button call.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { isoInZone } from '../../../shared/time'
import { now } from '../../../shared/clock'
import type { Db } from '../db/open'
import { OtklikError } from '../../../shared/errors'
import { buildDigestModel, type DigestOptions } from './model'
import { renderDocx } from './render-docx'
import { renderPdf } from './render-pdf'
import { userName } from '../ingest/batches'
import { spikeJson, type SpikeJson } from '../../../shared/views'

export { buildDigestModel, renderDocx, renderPdf }
export type { DigestOptions }
export type {
  DigestModel,
  QuoteItem,
  ProblemItem,
  AuthorItem,
  DigestFigures,
  Change,
  DayVolume,
  MethodInfo
} from './model-types'
export type { Lang } from './i18n'
export { resolvePeriod, lastCompleteWeek } from './period'
export { listReports, reportHistoryFile } from './history'
export { runDueDigest } from './scheduled'

export type DigestFormat = 'docx' | 'pdf'

export interface ExportDigestOptions extends DigestOptions {
  formats?: DigestFormat[]
  outDir: string
  /** Write a row to the `reports` table (default true). */
  record?: boolean
  /** Made by the schedule (recorded, so a missed run is caught up once). */
  scheduled?: boolean
}

export interface ExportDigestResult {
  files: string[]
  /** `to` inclusive. */
  period: { from: string; to: string }
  mentions: number
  /** Author ids of the period's critics and supporters (the lean rule, src/shared/lean.ts). */
  critics: number[]
  supporters: number[]
  /** The period's spikes, as `otklik spikes` prints them for the same dates. */
  spikes: SpikeJson[]
}

export interface DigestFileParts {
  /** The workspace's name (its database file without the extension). */
  workspace: string
  from: string
  to: string
  lang: string
  /** Generation time in the workspace zone, 'YYYYMMDD-HHMMSS'. */
  stamp: string
  /** 1 for the first file of that second; 2, 3… when a name is taken. */
  counter?: number
}

/**
 * A digest's file name: workspace, period, language (outside Russian), generation time, counter, so
 * a new digest never overwrites an earlier one:
 * otklik-digest-demo-2026-11-16--2026-11-22-20261203-134905.pdf, …-kk-20261203-134905-2.pdf
 */
export function digestFileName(p: DigestFileParts, format: DigestFormat): string {
  const lang = p.lang === 'ru' ? '' : `-${p.lang}`
  const n = p.counter && p.counter > 1 ? `-${p.counter}` : ''
  return `otklik-digest-${p.workspace}-${p.from}--${p.to}${lang}-${p.stamp}${n}.${format}`
}

/** A file-name-safe workspace name: workspaceSlug('/data/Белтау demo.db') → 'Белтау-demo' */
export function workspaceSlug(dbPath: string): string {
  const base = basename(dbPath).replace(/\.[^.]*$/, '')
  const slug = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
  return slug || 'workspace'
}

/** 'YYYYMMDD-HHMMSS' of instant t in the time zone. */
export function fileStamp(t: number, tz: string): string {
  return isoInZone(t, tz).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
}

/** Builds the model once, writes each format into outDir, records the report. Returns absolute paths. */
export async function exportDigest(db: Db, opts: ExportDigestOptions): Promise<ExportDigestResult> {
  const formats = [...new Set(opts.formats?.length ? opts.formats : (['docx', 'pdf'] as DigestFormat[]))]
  for (const f of formats) {
    if (f !== 'docx' && f !== 'pdf')
      throw new OtklikError('VALIDATION', `Unknown digest format "${String(f)}". Use docx, pdf or both.`, {
        format: f
      })
  }
  const model = buildDigestModel(db, opts)
  const outDir = resolve(opts.outDir)
  try {
    mkdirSync(outDir, { recursive: true })
  } catch (e) {
    throw new OtklikError('IO', `Cannot create the folder ${outDir}: ${(e as Error).message}`, { outDir })
  }
  const madeAt = now()
  const parts: DigestFileParts = {
    workspace: workspaceSlug(db.name),
    from: model.period.from,
    to: model.period.to,
    lang: model.lang,
    stamp: fileStamp(madeAt, model.timeZone)
  }
  // Two digests in one second (or a name taken otherwise): the next counter, for every format at once.
  for (let n = 1; ; n++) {
    parts.counter = n
    if (formats.every((f) => !existsSync(join(outDir, digestFileName(parts, f))))) break
  }
  const files: string[] = []
  for (const f of formats) {
    const buf = f === 'pdf' ? await renderPdf(model) : await renderDocx(model)
    const path = join(outDir, digestFileName(parts, f))
    try {
      writeFileSync(path, buf, { flag: 'wx' })
    } catch (e) {
      throw new OtklikError(
        'IO',
        `Cannot write ${path}: ${(e as Error).message}. Close the file if it is open in another program and try again.`,
        { path }
      )
    }
    files.push(path)
  }
  const mentions = model.figures.mentions.value
  if (opts.record !== false) {
    db.prepare(
      `INSERT INTO reports (kind, period_from, period_to, lang, files, options, mentions, created_by, created_at)
       VALUES ('digest', ?, ?, ?, ?, ?, ?, ?, ?)`
    ).run(
      model.period.from,
      model.period.to,
      model.lang,
      JSON.stringify(files),
      JSON.stringify({
        formats,
        maskAuthors: model.masked,
        summary: model.summary,
        pinnedQuoteIds: model.options.pinnedQuoteIds,
        excludedQuoteIds: model.options.excludedQuoteIds,
        ...(opts.week ? { week: opts.week } : {}),
        ...(opts.scheduled ? { scheduled: true } : {})
      }),
      mentions,
      userName(),
      madeAt
    )
  }
  const spikes = model.spikes.days.map(spikeJson)
  return {
    files,
    period: { from: model.period.from, to: model.period.to },
    mentions,
    critics: model.authors.critics,
    supporters: model.authors.supporters,
    spikes
  }
}
