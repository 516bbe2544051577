/**
 * The weekly digest: one model built from SQL, two renderings (DOCX, PDF).
 * exportDigest is what the CLI `digest` command and the app's "Export digest" button call.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Db } from '../db/open'
import { OtklikError } from '../../../shared/errors'
import { buildDigestModel, type DigestOptions } from './model'
import { renderDocx } from './render-docx'
import { renderPdf } from './render-pdf'
import { userName } from '../ingest/batches'
import { clock } from '../../../shared/clock'
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

export type DigestFormat = 'docx' | 'pdf'

export interface ExportDigestOptions extends DigestOptions {
  formats?: DigestFormat[]
  outDir: string
  /** Write a row to the `reports` table (default true). */
  record?: boolean
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

/** otklik-digest-2026-11-16--2026-11-22.pdf; other languages get a suffix: …-kk.pdf */
export function digestFileName(from: string, to: string, lang: string, format: DigestFormat): string {
  return `otklik-digest-${from}--${to}${lang === 'ru' ? '' : `-${lang}`}.${format}`
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
  const files: string[] = []
  for (const f of formats) {
    const buf = f === 'pdf' ? await renderPdf(model) : await renderDocx(model)
    const path = join(outDir, digestFileName(model.period.from, model.period.to, model.lang, f))
    try {
      writeFileSync(path, buf)
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
        ...(opts.week ? { week: opts.week } : {})
      }),
      mentions,
      userName(),
      clock.now()
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
