import { z } from 'zod'
import { mentionFilterSchema, sortSchema } from './filter'
import type { ApiError } from './errors'
import type { MentionDetail, MentionPage, Stats } from './rows'
import { SENTIMENTS } from './types'

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
}

export interface SettingsValue {
  orgName: string
  orgLogo: string | null
  language: 'ru' | 'kk' | 'en'
  timeZone: string
  weekStart: number
  authorMinLabelled: number
  authorShare: number
  maskPrivateAuthors: boolean
  reportsFolder: string | null
  theme: 'light' | 'dark'
}

export const settingsPatchSchema = z
  .object({
    orgName: z.string().min(1).max(200),
    orgLogo: z.string().max(4000).nullable(),
    language: z.enum(['ru', 'kk', 'en']),
    timeZone: z.string().min(1).max(64),
    weekStart: z.number().int().min(0).max(6),
    authorMinLabelled: z.number().int().min(1).max(1000),
    authorShare: z.number().min(0.5).max(1),
    maskPrivateAuthors: z.boolean(),
    reportsFolder: z.string().max(4000).nullable(),
    theme: z.enum(['light', 'dark'])
  })
  .partial()
  .strict()

export const api = {
  'app:info': channel<AppInfo>()(none),
  'settings:get': channel<SettingsValue>()(none),
  'settings:set': channel<SettingsValue>()(settingsPatchSchema),
  'demo:create': channel<{ mentions: number }>()(
    z.object({ seed: z.number().int().optional() }).strict().optional()
  ),
  'stats:get': channel<Stats>()(
    z.object({ from: z.string().optional(), to: z.string().optional() }).strict().optional()
  ),
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
  'mentions:counts': channel<{
    total: number
    negative: number
    neutral: number
    positive: number
    unlabelled: number
  }>()(z.object({ filter: mentionFilterSchema }).strict()),
  'mentions:get': channel<MentionDetail | null>()(z.object({ id }).strict()),
  'mentions:setSentiment': channel<{ changed: number }>()(
    z.object({ ids: z.array(id).min(1).max(100_000), sentiment: z.enum(SENTIMENTS).nullable() }).strict()
  ),
  'mentions:setIrrelevant': channel<{ changed: number }>()(
    z
      .object({
        ids: z.array(id).min(1).max(100_000),
        irrelevant: z.boolean(),
        reason: z.string().max(200).nullable().optional()
      })
      .strict()
  ),
  'mentions:setResponse': channel<{ changed: number }>()(
    z
      .object({
        ids: z.array(id).min(1).max(10_000),
        status: z.enum(['needed', 'assigned', 'answered']).nullable(),
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
  'import:progress': {
    jobId: string
    rowsRead: number
    inserted: number
    duplicates: number
    rejected: number
    bytes: number
    totalBytes: number
  }
  'collect:status': { sourceId: number; status: string; new: number; error?: string | null }
  'analysis:progress': { done: number; total: number }
  'alerts:spike': { topic: string; day: string; count: number; baseline: number }
}
export type EventName = keyof Events
export const EVENT_NAMES: EventName[] = [
  'mentions:changed',
  'import:progress',
  'collect:status',
  'analysis:progress',
  'alerts:spike'
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
