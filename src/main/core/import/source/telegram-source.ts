import { MAX_CELL_CHARS, MAX_ROW_CHARS, unreadable } from '../limits'
import { TELEGRAM } from '../mapping/presets'
import type { LineMessage } from '../types'
import { hashFile } from './csv-source'
import { JsonSyntaxError } from './json-stream'
import type { Sniffed } from './sniff'
import { MESSAGE_TOO_BIG, ROOT_CHAT, walkTelegram, type ChatFields, type ChatRef } from './telegram-walk'
import type { LayoutOptions, Source, SourceRecord } from './types'

/** The synthetic columns each Telegram message becomes (the telegram-json preset maps them). */
export const TELEGRAM_COLUMNS = [
  'chat',
  'chat_type',
  'chat_url',
  'id',
  'external_id',
  'date_unixtime',
  'from',
  'from_id',
  'text',
  'reactions',
  'url',
  'kind',
  'media'
] as const

interface TgMessage {
  id?: number
  type?: string
  date?: string
  date_unixtime?: string | number
  from?: string | null
  from_id?: string
  text?: string | (string | { type?: string; text?: string; href?: string })[]
  text_entities?: { type?: string; text?: string; href?: string }[]
  reactions?: { count?: number }[]
  photo?: string
  file?: string
  media_type?: string
  sticker_emoji?: string
  poll?: unknown
  location_information?: unknown
  contact_information?: unknown
}

/** What a message carries besides text: a photo, a file, a video, a sticker, a poll (else ''). */
function mediaOf(m: TgMessage): string {
  if (typeof m.media_type === 'string' && m.media_type) return m.media_type
  if (typeof m.photo === 'string' && m.photo) return 'photo'
  if (typeof m.file === 'string' && m.file) return 'file'
  if (m.poll) return 'poll'
  if (m.location_information) return 'location'
  if (m.contact_information) return 'contact'
  return ''
}

/** Chats that are conversations between people, not publications: never imported. */
const PRIVATE_TYPES = new Set(['personal_chat', 'bot_chat', 'saved_messages'])
const BATCH = 1000
const SAMPLE = 100
/** Distinct (username, message id) links kept for guessing a channel's @username. */
const MAX_LINK_PAIRS = 100_000

/** What the first pass learns about one chat (its messages are not kept). */
interface ChatScan {
  fields: ChatFields
  isObject: boolean
  /** Values in its `messages` arrays. */
  count: number
  service: number
  /** Numeric message ids, to check links to the chat's own posts against. */
  ids: number[]
  links: Map<string, Map<number, number>>
}

/** A chat as the second pass emits it. */
interface ChatPlan {
  skip: boolean
  name: string
  type: string
  chatUrl: string
  kind: string
  id: string | number | null
}

/**
 * Reads a Telegram Desktop export (result.json, one chat or the whole account's chats.list[]) as a stream,
 * in two passes: the first learns each chat (type, @username, ids, counts), the second emits the messages
 * as records. Service messages and personal chats are skipped; message text arrays are flattened; times
 * come from date_unixtime. Memory stays bounded by one message (MAX_ROW_CHARS), whatever the file size.
 */
export async function openTelegram(
  path: string,
  size: number,
  sniffed: Sniffed,
  opts: LayoutOptions
): Promise<Source> {
  const walk = {
    encoding: sniffed.encoding ?? 'utf-8',
    bomLength: sniffed.bomLength,
    maxStringChars: MAX_CELL_CHARS,
    maxMessageChars: MAX_ROW_CHARS
  }
  const root = newScan(true)
  const list: ChatScan[] = []
  let hasRootMessages = false
  let hasList = false
  let pairs = 0
  const scanOf = (c: ChatRef): ChatScan => (c === ROOT_CHAT ? root : (list[c] ??= newScan(true)))
  await drain(
    path,
    walkTelegram(
      path,
      {
        notObjectRoot: () => {
          throw notExport(path)
        },
        listItem: (j, isObject) => {
          hasList = true
          list[j] = newScan(isObject)
        },
        messagesArray: (c) => {
          if (c === ROOT_CHAT) hasRootMessages = true
        },
        chatField: (c, f, v) => {
          scanOf(c).fields[f] = v
        },
        message: (c, m) => {
          const chat = scanOf(c)
          chat.count++
          if (m === MESSAGE_TOO_BIG || !m || typeof m !== 'object') return
          const msg = m as TgMessage
          if (msg.type && msg.type !== 'message') chat.service++
          if (typeof msg.id === 'number') chat.ids.push(msg.id)
          pairs += collectLinks(msg, chat.links, MAX_LINK_PAIRS - pairs)
        }
      },
      walk
    )
  )
  // As a reader of the whole tree would: the top-level chat when it has messages, else the account's list.
  const chats: ChatScan[] | null = hasRootMessages ? [root] : hasList ? list : null
  if (!chats) throw notExport(path)

  const notes: LineMessage[] = []
  const plans: ChatPlan[] = []
  const skippedChats: string[] = []
  let position = 0
  let service = 0
  for (let j = 0; j < chats.length; j++) {
    const chat = chats[j] ?? newScan(false)
    const f = chat.fields
    const type = typeof f.type === 'string' ? f.type : ''
    const name = typeof f.name === 'string' ? f.name : undefined
    const id = cell(f.id)
    const skip = !chat.isObject || PRIVATE_TYPES.has(type)
    if (chat.isObject && skip) skippedChats.push(name ?? String(id ?? '?'))
    const username = skip
      ? undefined
      : ((chats.length === 1 ? opts.telegramUsername : undefined) ??
        (typeof f.username === 'string' ? f.username : undefined) ??
        guessUsername(chat))
    const isChannelLike = /channel|supergroup/.test(type)
    if (!skip && !username && isChannelLike)
      notes.push({
        line: position + 1,
        message: `Chat "${name ?? id}": its @username is not in the export; links use t.me/c/${id}/… (give telegramUsername in the mapping for public links).`
      })
    plans.push({
      skip,
      name: name ?? '',
      type: typeof f.type === 'string' ? f.type : '',
      chatUrl: username ? `https://t.me/${username}` : isChannelLike && id ? `https://t.me/c/${id}` : '',
      kind: /channel/.test(type) ? 'post' : 'message',
      id
    })
    if (!skip) service += chat.service
    position += chat.isObject ? chat.count : 0
  }
  if (service)
    notes.push({ line: 0, message: `${service} service message(s) (joins, pins, calls…) skipped.` })
  if (skippedChats.length)
    notes.push({
      line: 0,
      message: `${skippedChats.length} personal chat(s) not imported: ${skippedChats.slice(0, 5).join(', ')}${skippedChats.length > 5 ? '…' : ''}.`
    })

  let read = 0
  /** The second pass: the chosen chats' messages as records, in batches. */
  async function* stream(batch: number, signal?: AbortSignal): AsyncGenerator<SourceRecord[]> {
    let pending: SourceRecord[] = []
    let pos = 0
    const walker = walkTelegram(
      path,
      {
        notObjectRoot: () => {
          throw notExport(path)
        },
        listItem: () => undefined,
        messagesArray: () => undefined,
        chatField: () => undefined,
        message: (c, m) => {
          if (hasRootMessages !== (c === ROOT_CHAT)) return
          const plan = plans[hasRootMessages ? 0 : c]
          if (!plan) return
          pos++
          if (plan.skip) return
          const rec = recordOf(plan, m, pos)
          if (rec) pending.push(rec)
        }
      },
      { ...walk, signal, onBytes: (n) => (read = n) }
    )
    try {
      for await (const _ of walker) {
        void _
        if (pending.length >= batch) {
          const out = pending
          pending = []
          yield out
        }
      }
    } catch (e) {
      throw asUnreadable(path, e)
    }
    if (pending.length) yield pending
    read = size
  }

  const sample: SourceRecord[] = []
  for await (const b of stream(SAMPLE)) {
    sample.push(...b)
    if (sample.length >= SAMPLE) break
  }
  read = 0
  return {
    layout: {
      format: 'json',
      encoding: sniffed.encoding,
      delimiter: null,
      sheet: null,
      sheets: [],
      headerRow: null,
      headers: [...TELEGRAM_COLUMNS],
      match: { preset: TELEGRAM, matched: TELEGRAM.signature.length, score: 1 },
      sample: sample.slice(0, SAMPLE),
      notes
    },
    totalBytes: size,
    bytesRead: () => read,
    records: (signal) => stream(BATCH, signal),
    sha256: () => hashFile(path),
    endNotes: () => []
  }
}

function newScan(isObject: boolean): ChatScan {
  return { fields: {}, isObject, count: 0, service: 0, ids: [], links: new Map() }
}

/** One message as a record (null for a service message or a value that is not a message). */
function recordOf(plan: ChatPlan, m: unknown, line: number): SourceRecord | null {
  if (m === MESSAGE_TOO_BIG)
    return {
      line,
      cells: [],
      problem: `the message is longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters of JSON, or one of its texts longer than ${MAX_CELL_CHARS.toLocaleString('en-US')}; skipped`
    }
  if (!m || typeof m !== 'object') return null
  const msg = m as TgMessage
  if (msg.type && msg.type !== 'message') return null
  const reactions = (Array.isArray(msg.reactions) ? msg.reactions : []).reduce(
    (a, r) => a + (typeof r?.count === 'number' ? r.count : 0),
    0
  )
  const url = msg.id !== undefined && plan.chatUrl ? `${plan.chatUrl}/${msg.id}` : ''
  return {
    line,
    cells: [
      plan.name,
      plan.type,
      plan.chatUrl,
      cell(msg.id),
      plan.id !== null && msg.id !== undefined ? `telegram:${plan.id}/${msg.id}` : '',
      String(cell(msg.date_unixtime) ?? cell(msg.date) ?? ''),
      cell(msg.from) ?? '',
      cell(msg.from_id) ?? '',
      flattenText(msg.text),
      reactions || null,
      url,
      plan.kind,
      mediaOf(msg)
    ]
  }
}

async function drain(path: string, g: AsyncGenerator<void>): Promise<void> {
  try {
    for await (const _ of g) void _
  } catch (e) {
    throw asUnreadable(path, e)
  }
}

/** A syntax error as the import's error: the file, the line and the column. */
function asUnreadable(path: string, e: unknown): unknown {
  if (e instanceof JsonSyntaxError)
    return unreadable(path, `it is not valid JSON (${e.message}; truncated?)`, {
      line: e.line,
      column: e.column
    })
  return e
}

function notExport(path: string): Error {
  return unreadable(path, 'the JSON is not a Telegram Desktop export (no "messages" or "chats.list")')
}

/** A JSON value as a cell: strings and finite numbers as they are; objects, booleans… (a damaged export) as nothing. */
function cell(v: unknown): string | number | null {
  if (typeof v === 'string') return v
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** Text is a string or an array of strings and {type, text} entities. */
export function flattenText(t: TgMessage['text']): string {
  if (typeof t === 'string') return t
  if (!Array.isArray(t)) return ''
  return t.map((p) => (typeof p === 'string' ? p : typeof p?.text === 'string' ? p.text : '')).join('')
}

/**
 * The links of one message to t.me/<name>/<id> (in its text and entities), counted into `links`; at most
 * `room` new (name, id) pairs are added (a bound for hostile files). Returns how many were added.
 */
function collectLinks(m: TgMessage, links: Map<string, Map<number, number>>, room: number): number {
  let added = 0
  const parts = [
    ...(Array.isArray(m.text_entities) ? m.text_entities : []),
    ...(Array.isArray(m.text) ? m.text : [])
  ].filter((p) => p && typeof p === 'object') as { href?: unknown; text?: unknown }[]
  for (const p of parts) {
    for (const s of [p.href, p.text]) {
      const mm =
        typeof s === 'string'
          ? /(?:^|\/\/)(?:www\.)?t(?:elegram)?\.me\/([A-Za-z][A-Za-z0-9_]{3,31})\/(\d+)/.exec(s)
          : null
      if (!mm) continue
      const id = Number(mm[2])
      let ids = links.get(mm[1]!)
      if (!ids?.has(id) && added >= room) continue
      if (!ids) links.set(mm[1]!, (ids = new Map()))
      if (!ids.has(id)) added++
      ids.set(id, (ids.get(id) ?? 0) + 1)
    }
  }
  return added
}

/**
 * The export does not name a channel's @username; a channel that links to its own posts does
 * (t.me/<name>/<id> where <id> is a message of this chat): taken when most such links agree.
 */
function guessUsername(chat: ChatScan): string | undefined {
  if (!chat.links.size) return undefined
  const ids = new Set(chat.ids)
  let total = 0
  let best: string | undefined
  let n = 0
  for (const [u, byId] of chat.links) {
    let c = 0
    for (const [id, k] of byId) if (ids.has(id)) c += k
    total += c
    if (c > n) [best, n] = [u, c]
  }
  return best && n >= 2 && n / total > 0.5 ? best : undefined
}
