import { readFile } from 'node:fs/promises'
import { formatBytes, MAX_JSON_BYTES, unreadable } from '../limits'
import { TELEGRAM } from '../mapping/presets'
import type { LineMessage } from '../types'
import { hashFile } from './csv-source'
import { makeDecoder } from './decode'
import type { Sniffed } from './sniff'
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

interface TgChat {
  name?: string
  type?: string
  id?: number | string
  username?: string
  messages?: TgMessage[]
}
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

/**
 * Reads a Telegram Desktop export (result.json, one chat or the whole account's chats.list[]). Service
 * messages and personal chats are skipped; message text arrays are flattened; times come from date_unixtime.
 */
export async function openTelegram(
  path: string,
  size: number,
  sniffed: Sniffed,
  opts: LayoutOptions
): Promise<Source> {
  if (size > MAX_JSON_BYTES)
    throw unreadable(
      path,
      `the JSON file is ${formatBytes(size)}; the limit for JSON exports is ${formatBytes(MAX_JSON_BYTES)} (maximum JSON size)`
    )
  const raw = await readFile(path)
  const dec = makeDecoder(sniffed.encoding ?? 'utf-8')
  const text = dec.write(raw.subarray(sniffed.bomLength)) + dec.end()
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch (e) {
    throw unreadable(path, `it is not valid JSON (${(e as Error).message}; truncated?)`)
  }
  const chats = chatsOf(root)
  if (!chats)
    throw unreadable(path, 'the JSON is not a Telegram Desktop export (no "messages" or "chats.list")')
  const notes: LineMessage[] = []
  const all: SourceRecord[] = []
  let position = 0
  let service = 0
  const skippedChats: string[] = []
  for (const chat of chats) {
    if (!chat || typeof chat !== 'object') continue // a damaged export: values of the wrong type are skipped, not trusted
    const messages = Array.isArray(chat.messages) ? chat.messages : []
    if (PRIVATE_TYPES.has(chat.type ?? '')) {
      position += messages.length
      skippedChats.push(chat.name ?? String(chat.id ?? '?'))
      continue
    }
    const username =
      (chats.length === 1 ? opts.telegramUsername : undefined) ??
      (typeof chat.username === 'string' ? chat.username : undefined) ??
      guessUsername(messages)
    const isChannelLike = /channel|supergroup/.test(chat.type ?? '')
    if (!username && isChannelLike)
      notes.push({
        line: position + 1,
        message: `Chat "${chat.name ?? chat.id}": its @username is not in the export; links use t.me/c/${chat.id}/… (give telegramUsername in the mapping for public links).`
      })
    const chatUrl = username
      ? `https://t.me/${username}`
      : isChannelLike && chat.id
        ? `https://t.me/c/${chat.id}`
        : ''
    const kind = /channel/.test(chat.type ?? '') ? 'post' : 'message'
    for (const m of messages) {
      position++
      if (!m || typeof m !== 'object') continue
      if (m.type && m.type !== 'message') {
        service++
        continue
      }
      const reactions = (Array.isArray(m.reactions) ? m.reactions : []).reduce(
        (a, r) => a + (typeof r?.count === 'number' ? r.count : 0),
        0
      )
      const url = m.id !== undefined && chatUrl ? `${chatUrl}/${m.id}` : ''
      all.push({
        line: position,
        cells: [
          cell(chat.name) ?? '',
          cell(chat.type) ?? '',
          chatUrl,
          cell(m.id),
          chat.id !== undefined && m.id !== undefined ? `telegram:${chat.id}/${m.id}` : '',
          String(cell(m.date_unixtime) ?? cell(m.date) ?? ''),
          cell(m.from) ?? '',
          cell(m.from_id) ?? '',
          flattenText(m.text),
          reactions || null,
          url,
          kind,
          mediaOf(m)
        ]
      })
    }
  }
  if (service)
    notes.push({ line: 0, message: `${service} service message(s) (joins, pins, calls…) skipped.` })
  if (skippedChats.length)
    notes.push({
      line: 0,
      message: `${skippedChats.length} personal chat(s) not imported: ${skippedChats.slice(0, 5).join(', ')}${skippedChats.length > 5 ? '…' : ''}.`
    })

  let read = 0
  async function* records(signal?: AbortSignal): AsyncGenerator<SourceRecord[]> {
    for (let i = 0; i < all.length; i += BATCH) {
      signal?.throwIfAborted()
      read = Math.round(size * Math.min(1, (i + BATCH) / Math.max(1, all.length)))
      yield all.slice(i, i + BATCH)
    }
    read = size
  }
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
      sample: all.slice(0, 100),
      notes
    },
    totalBytes: size,
    bytesRead: () => read,
    records,
    sha256: () => hashFile(path),
    endNotes: () => []
  }
}

function chatsOf(root: unknown): TgChat[] | null {
  if (!root || typeof root !== 'object') return null
  const r = root as { messages?: unknown; chats?: { list?: unknown }; left_chats?: { list?: unknown } }
  if (Array.isArray(r.messages)) return [r as TgChat]
  if (r.chats && Array.isArray(r.chats.list)) return r.chats.list as TgChat[]
  return null
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
 * The export does not name a channel's @username; a channel that links to its own posts does
 * (t.me/<name>/<id> where <id> is a message of this chat): taken when most such links agree.
 */
function guessUsername(messages: TgMessage[]): string | undefined {
  const all = messages.filter((m) => m && typeof m === 'object')
  const ids = new Set(all.map((m) => m.id))
  const votes = new Map<string, number>()
  let total = 0
  for (const m of all) {
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
        if (!mm || !ids.has(Number(mm[2]))) continue
        votes.set(mm[1]!, (votes.get(mm[1]!) ?? 0) + 1)
        total++
      }
    }
  }
  let best: string | undefined
  let n = 0
  for (const [u, c] of votes) if (c > n) [best, n] = [u, c]
  return best && n >= 2 && n / total > 0.5 ? best : undefined
}
