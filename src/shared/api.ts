import type { DigestModel } from './digest'
import { settingsPatchSchema, type Settings } from './settings'
import type { BatchReport, ImportHistoryEntry, ImportPreview, ImportProgress } from './import'
import { z } from 'zod'
import { dateSchema, mentionFilterSchema, sortSchema } from './filter'
import type { ApiError } from './errors'
import type { QueryErrorInfo } from './query/errors'
import type { LabelEdit, MentionCounts, MentionDetail, MentionPage, MentionRow, Stats } from './rows'
import { AUTHOR_TYPES, SENTIMENTS, RESPONSE_STATUSES, UI_LANGS } from './types'
import { LEANS } from './lean'
import { AUTHOR_SORT_COLUMNS } from './views'
import type {
  AuthorsPage,
  Dashboard,
  Facets,
  LabelCandidate,
  ModelView,
  ReportView,
  SavedView,
  SourceView,
  Spike,
  SubjectView,
  TopicView
} from './views'
import { KEEP_MODES, RELATIVE_PERIODS, SOURCE_TYPES } from './views'

/**
 * The API contract: every request channel with its input schema and output type, and every event
 * main pushes. Main registers handlers from this table (src/main/api), the preload and the browser
 * test host expose it as `window.otklik`, and the renderer calls it through src/renderer/src/api.ts.
 * Channel names are `domain:verb`; nothing repeats them by hand.
 */

/** Declares a channel: `channel<Output>()(inputSchema)`. */
function channel<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O })
}

const none = z.object({}).strict().optional()
const id = z.number().int().positive()

export interface AppInfo {
  version: string
  dbPath: string
  schemaVersion: number
  host: 'electron' | 'browser'
  empty: boolean
  /** The host's clock (src/shared/clock.ts) when it answered: the renderer takes its "today" from it. */
  now: number
  /** True when the host's clock is pinned (--now / OTKLIK_NOW: tests and reproducible runs). */
  clockPinned: boolean
}

const date = dateSchema // one date rule: src/shared/filter.ts
const ids = z.array(id).min(1).max(100_000)
const mappingSchema = z
  .object({
    preset: z.string().max(100).optional(),
    delimiter: z.string().max(4).optional(),
    encoding: z.string().max(32).optional(),
    headerRow: z.number().int().min(1).max(1000).optional(),
    sheet: z.string().max(200).optional(),
    timezone: z.string().max(64).optional(),
    telegramUsername: z.string().max(100).optional(),
    fields: z
      .record(
        z.string().max(40),
        z.union([z.string().max(500), z.array(z.string().max(500)).max(20), z.null()])
      )
      .optional()
  })
  .strict()
const filePath = z.string().min(1).max(4096)
const authorSortSchema = z.object({ col: z.enum(AUTHOR_SORT_COLUMNS), dir: z.enum(['asc', 'desc']) }).strict()
const digestOptions = z
  .object({
    from: date.optional(),
    to: date.optional(),
    week: z
      .string()
      .regex(/^\d{4}-W\d{2}$/)
      .optional(),
    lang: z.enum(UI_LANGS).optional(),
    maskAuthors: z.boolean().optional(),
    summary: z.string().max(5000).nullable().optional(),
    pinnedQuoteIds: z.array(id).max(100).optional(),
    excludedQuoteIds: z.array(id).max(1000).optional()
  })
  .strict()

/** A file handed to the renderer to save (exports): name and bytes. */
export interface FileDownload {
  fileName: string
  mime: string
  base64: string
}

export interface QueryTestResult {
  ok: boolean
  /** English message of a syntax error (the UI says it from `syntax`). */
  error: string | null
  position: number | null
  /** A syntax error's code and values, for the UI language. */
  syntax: QueryErrorInfo | null
  count: number
  sample: MentionRow[]
}

export const api = {
  'app:info': channel<AppInfo>()(none),
  'settings:get': channel<Settings>()(none),
  'settings:set': channel<Settings>()(settingsPatchSchema),
  'demo:create': channel<{ mentions: number }>()(
    z.object({ seed: z.number().int().optional() }).strict().optional()
  ),
  'stats:get': channel<Stats>()(z.object({ from: date.optional(), to: date.optional() }).strict().optional()),
  'mentions:page': channel<MentionPage>()(
    z
      .object({
        filter: mentionFilterSchema,
        sort: sortSchema,
        startRow: z.number().int().min(0).max(1e9),
        endRow: z.number().int().min(0).max(1e9)
      })
      .strict()
      .refine(
        (v) => v.endRow >= v.startRow && v.endRow - v.startRow <= 1000,
        'endRow must be ≥ startRow and at most 1000 rows later'
      )
  ),
  'mentions:counts': channel<MentionCounts>()(z.object({ filter: mentionFilterSchema }).strict()),
  'mentions:get': channel<MentionDetail | null>()(z.object({ id }).strict()),
  /** «Разметить для модели»: the mentions whose labels would teach the office's model most */
  'mentions:toLabel': channel<LabelCandidate[]>()(none),
  'mentions:setSentiment': channel<LabelEdit>()(
    z.object({ ids: z.array(id).min(1).max(100_000), sentiment: z.enum(SENTIMENTS).nullable() }).strict()
  ),
  'mentions:setIrrelevant': channel<LabelEdit>()(
    z
      .object({
        ids: z.array(id).min(1).max(100_000),
        irrelevant: z.boolean(),
        reason: z.string().max(200).nullable().optional()
      })
      .strict()
  ),
  'mentions:exportTable': channel<FileDownload>()(
    z.object({ filter: mentionFilterSchema, format: z.enum(['xlsx', 'csv']) }).strict()
  ),
  'facets:get': channel<Facets>()(z.object({ filter: mentionFilterSchema }).strict()),
  'dashboard:get': channel<Dashboard>()(z.object({ filter: mentionFilterSchema }).strict()),
  'authors:list': channel<AuthorsPage>()(
    z
      .object({
        filter: mentionFilterSchema,
        sort: authorSortSchema,
        /** Only critics or only supporters (the page's quick switch). */
        lean: z.enum(LEANS).optional(),
        startRow: z.number().int().min(0),
        endRow: z.number().int().min(0)
      })
      .strict()
      .refine(
        (v) => v.endRow >= v.startRow && v.endRow - v.startRow <= 1000,
        'endRow must be ≥ startRow and at most 1000 rows later'
      )
  ),
  'authors:setType': channel<{ changed: number }>()(z.object({ ids, type: z.enum(AUTHOR_TYPES) }).strict()),
  'authors:merge': channel<{ merged: number }>()(z.object({ ids, into: id }).strict()),
  'authors:unmerge': channel<{ changed: number }>()(z.object({ ids }).strict()),
  'authors:exportTable': channel<FileDownload>()(
    z
      .object({
        filter: mentionFilterSchema,
        format: z.enum(['xlsx', 'csv']),
        lean: z.enum(LEANS).optional()
      })
      .strict()
  ),
  'topics:list': channel<TopicView[]>()(none),
  'topics:save': channel<TopicView>()(
    z
      .object({
        id: id.optional(),
        names: z
          .object({
            ru: z.string().min(1).max(200),
            kk: z.string().max(200).optional(),
            en: z.string().max(200).optional()
          })
          .strict(),
        query: z.string().max(2000).nullable(),
        enabled: z.boolean().optional()
      })
      .strict()
  ),
  'topics:remove': channel<{ removed: number }>()(z.object({ id }).strict()),
  'subjects:list': channel<SubjectView[]>()(none),
  'subjects:add': channel<{ id: number; matched: number }>()(
    z.object({ name: z.string().min(1).max(200), query: z.string().min(1).max(2000) }).strict()
  ),
  'subjects:update': channel<SubjectView>()(
    z
      .object({
        id,
        name: z.string().min(1).max(200).optional(),
        query: z.string().min(1).max(2000).optional(),
        enabled: z.boolean().optional()
      })
      .strict()
  ),
  'subjects:remove': channel<{ id: number; removed: true }>()(z.object({ id }).strict()),
  'query:test': channel<QueryTestResult>()(
    z.object({ query: z.string().max(2000), filter: mentionFilterSchema.optional() }).strict()
  ),
  'sources:list': channel<SourceView[]>()(none),
  'sources:add': channel<{ id: number }>()(
    z
      .object({
        type: z.enum(SOURCE_TYPES),
        target: z.string().min(1).max(4096),
        name: z.string().max(200).optional(),
        every: z.string().max(20).optional(),
        cron: z.string().max(200).optional(),
        keep: z.enum(KEEP_MODES).optional()
      })
      .strict()
  ),
  'sources:update': channel<SourceView>()(
    z
      .object({
        id,
        name: z.string().min(1).max(200).optional(),
        every: z.string().max(20).optional(),
        cron: z.string().max(200).optional(),
        keep: z.enum(KEEP_MODES).optional()
      })
      .strict()
  ),
  'sources:setEnabled': channel<{ id: number; enabled: boolean }>()(
    z.object({ id, enabled: z.boolean() }).strict()
  ),
  'sources:remove': channel<{ id: number; removed: true }>()(z.object({ id }).strict()),
  'sources:runNow': channel<{
    sources: {
      id: number
      url: string
      status: string
      fetched: number
      new: number
      duplicates: number
      error: string | null
    }[]
  }>()(z.object({ id: id.optional() }).strict()),
  'imports:pickFiles': channel<{ paths: string[] }>()(none),
  'imports:upload': channel<{ path: string }>()(
    z.object({ name: z.string().min(1).max(255), base64: z.string().max(300 * 1024 * 1024) }).strict()
  ),
  'imports:preview': channel<ImportPreview>()(
    z
      .object({ path: filePath, preset: z.string().max(100).optional(), mapping: mappingSchema.optional() })
      .strict()
  ),
  'imports:commit': channel<BatchReport>()(
    z
      .object({
        jobId: z.string().min(1).max(64),
        path: filePath,
        preset: z.string().max(100).optional(),
        mapping: mappingSchema.optional()
      })
      .strict()
  ),
  'imports:cancel': channel<{ cancelled: boolean }>()(
    z.object({ jobId: z.string().min(1).max(64) }).strict()
  ),
  'imports:history': channel<ImportHistoryEntry[]>()(none),
  'imports:undo': channel<{ undone: number; deleted: number }>()(
    z.object({ id, force: z.boolean().optional() }).strict()
  ),
  'imports:rejected': channel<FileDownload>()(z.object({ id }).strict()),
  'imports:presets': channel<{ name: string }[]>()(none),
  'imports:savePreset': channel<{ name: string }>()(
    z.object({ name: z.string().min(1).max(100), mapping: mappingSchema }).strict()
  ),
  'reports:list': channel<ReportView[]>()(none),
  'reports:preview': channel<DigestModel>()(digestOptions),
  'reports:export': channel<{ files: string[]; period: { from: string; to: string }; mentions: number }>()(
    digestOptions
      .extend({
        formats: z
          .array(z.enum(['docx', 'pdf']))
          .min(1)
          .max(2)
          .optional()
      })
      .strict()
  ),
  /** downloadUrl: the browser test host cannot open files; it offers the file for download instead. */
  'reports:open': channel<{ opened: boolean; downloadUrl?: string }>()(
    z.object({ path: filePath, folder: z.boolean().optional() }).strict()
  ),
  'analysis:rerun': channel<{ analysed: number }>()(none),
  'analysis:model': channel<ModelView>()(none),
  'analysis:train': channel<ModelView>()(none),
  'views:list': channel<SavedView[]>()(none),
  'views:save': channel<{ id: number }>()(
    z
      .object({
        name: z.string().min(1).max(100),
        filter: mentionFilterSchema,
        /** A relative period is kept as such: the view's dates are worked out each time it is used. */
        period: z.enum(RELATIVE_PERIODS).nullable().optional()
      })
      .strict()
  ),
  'views:remove': channel<{ removed: number }>()(z.object({ id }).strict()),
  'app:openExternal': channel<{ opened: boolean }>()(z.object({ url: z.string().max(8192) }).strict()),
  'mentions:setResponse': channel<LabelEdit>()(
    z
      .object({
        ids: z.array(id).min(1).max(10_000),
        status: z.enum(RESPONSE_STATUSES).nullable(),
        assignee: z.string().max(200).nullable().optional(),
        note: z.string().max(4000).nullable().optional(),
        url: z.string().max(4000).nullable().optional()
      })
      .strict()
  )
}

export type Api = typeof api
export type Channel = keyof Api
export type Input<C extends Channel> = z.input<Api[C]['input']>
export type Output<C extends Channel> = Api[C]['output']
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Events main pushes to the renderer, with their payloads. */
export interface Events {
  'mentions:changed': {
    reason: 'import' | 'collect' | 'label' | 'undo' | 'analysis' | 'demo'
    count?: number
  }
  'import:progress': ImportProgress & { jobId: string }
  'collect:status': { sourceId: number; status: string; new: number; error?: string | null }
  'analysis:progress': { done: number; total: number }
  'alerts:spike': Spike
  /** The scheduled digest was made. */
  'reports:scheduled': { files: string[]; period: { from: string; to: string }; mentions: number }
  /** Topics, subjects, sources, authors (types, merges) or saved views changed: lists and pickers reload. */
  'catalog:changed': { part: CatalogPart }
}
/** What `catalog:changed` names; 'all' after a whole workspace was written (the demo). */
export const CATALOG_PARTS = ['topics', 'subjects', 'sources', 'authors', 'views', 'all'] as const
export type CatalogPart = (typeof CATALOG_PARTS)[number]
export type EventName = keyof Events
export const EVENT_NAMES: EventName[] = [
  'mentions:changed',
  'import:progress',
  'collect:status',
  'analysis:progress',
  'alerts:spike',
  'reports:scheduled',
  'catalog:changed'
]

export const CHANNELS = Object.keys(api) as Channel[]

/** `window.otklik`: `otklik.mentions.page(input)` for channel `mentions:page`, plus `on(event, cb)`. */
export type OtklikBridge = {
  [D in Channel as D extends `${infer Domain}:${string}` ? Domain : never]: {
    [
      C in Channel as C extends `${D extends `${infer Domain}:${string}` ? Domain : never}:${infer Verb}`
        ? Verb
        : never
    ]: (input: Input<C>) => Promise<Result<Output<C>>>
  }
} & {
  on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void
}

/**
 * Builds the bridge object from the channel table: the preload (over IPC) and the browser adapter
 * (over HTTP) both call this, so neither repeats a channel name.
 */
export function buildBridge(
  invoke: (channel: Channel, input: unknown) => Promise<Result<unknown>>,
  subscribe: (event: EventName, cb: (payload: unknown) => void) => () => void
): OtklikBridge {
  const out: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {}
  for (const ch of CHANNELS) {
    const [domain, verb] = ch.split(':') as [string, string]
    out[domain] ??= {}
    out[domain][verb] = (input: unknown) => invoke(ch, input)
  }
  return Object.assign(out, {
    on: (event: EventName, cb: (payload: unknown) => void) => {
      if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`)
      return subscribe(event, cb)
    }
  }) as unknown as OtklikBridge
}
