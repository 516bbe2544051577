import { createReadStream } from 'node:fs'
import { JsonTokenizer, TOO_LONG, type JsonHandler } from './json-stream'
import { makeDecoder } from './decode'
import type { Encoding } from './sniff'

/**
 * Walks a Telegram Desktop export (result.json) as a stream: builds one message at a time (the items of
 * `messages`, at the top or in `chats.list[j]`), keeps the chats' scalar fields (name, type, id, username),
 * and skips everything else without building it. Memory stays bounded by the largest message.
 */

/** Where a message is: the top-level chat (-1) or `chats.list[j]`. */
export type ChatRef = number
export const ROOT_CHAT: ChatRef = -1

/** A message past MAX_MESSAGE_CHARS (or with a string past the cell limit): not built. */
export const MESSAGE_TOO_BIG: unique symbol = Symbol('telegram message too big')

export interface ChatFields {
  name?: unknown
  type?: unknown
  id?: unknown
  username?: unknown
}

export interface WalkEvents {
  message(chat: ChatRef, m: unknown): void
  chatField(chat: ChatRef, field: keyof ChatFields, v: unknown): void
  /** `chats.list[j]` exists (an object or not). */
  listItem(j: number, isObject: boolean): void
  /** A `messages` array was opened for this chat. */
  messagesArray(chat: ChatRef): void
  /** The document's root is not an object: not an export. */
  notObjectRoot(): void
}

const CHAT_FIELDS = new Set(['name', 'type', 'id', 'username'])

const enum Role {
  Root,
  Chats,
  ChatList,
  Chat,
  Messages,
  Other
}

interface Frame {
  role: Role
  chat: ChatRef
  isObject: boolean
  key: string | null
  index: number
}

/** Builds one value from tokens (a message), counting its size; past the limit it keeps only the depth. */
class ValueBuilder {
  private readonly stack: (Record<string, unknown> | unknown[])[] = []
  private readonly keys: (string | null)[] = []
  private size = 0
  private overflow = false
  result: unknown = undefined

  constructor(private readonly maxChars: number) {}

  get building(): boolean {
    return this.stack.length > 0
  }

  open(isObject: boolean): void {
    this.size += 2
    const v = isObject ? {} : []
    this.stack.push(v)
    this.keys.push(null)
  }

  close(): boolean {
    const v = this.stack.pop()!
    this.keys.pop()
    if (this.stack.length === 0) {
      this.result = this.overflow ? MESSAGE_TOO_BIG : v
      this.overflow = false
      this.size = 0
      return true
    }
    this.add(v)
    return false
  }

  key(k: string | typeof TOO_LONG): void {
    if (k === TOO_LONG) this.overflow = true
    else this.size += k.length + 3
    this.keys[this.keys.length - 1] = k === TOO_LONG ? null : k
  }

  scalar(v: unknown): void {
    if (v === TOO_LONG) this.overflow = true
    else this.size += typeof v === 'string' ? v.length + 3 : 8
    this.add(v)
  }

  private add(v: unknown): void {
    if (this.size > this.maxChars) this.overflow = true
    if (this.overflow) return
    const top = this.stack[this.stack.length - 1]!
    if (Array.isArray(top)) top.push(v)
    else {
      const k = this.keys[this.keys.length - 1] ?? ''
      // An own property, as JSON.parse makes it (a plain assignment of "__proto__" would set the prototype).
      if (k === '__proto__') Object.defineProperty(top, k, { value: v, enumerable: true, writable: true })
      else top[k] = v
    }
  }
}

class TelegramWalker implements JsonHandler {
  private readonly frames: Frame[] = []
  private readonly builder: ValueBuilder
  private messageChat: ChatRef = ROOT_CHAT

  constructor(
    private readonly ev: WalkEvents,
    maxMessageChars: number
  ) {
    this.builder = new ValueBuilder(maxMessageChars)
  }

  startObject(): void {
    this.open(true)
  }
  startArray(): void {
    this.open(false)
  }
  endObject(): void {
    this.close()
  }
  endArray(): void {
    this.close()
  }

  key(k: string | typeof TOO_LONG): void {
    if (this.builder.building) return this.builder.key(k)
    this.frames[this.frames.length - 1]!.key = k === TOO_LONG ? null : k
  }

  value(v: string | number | boolean | null | typeof TOO_LONG): void {
    if (this.builder.building) return this.builder.scalar(v)
    const parent = this.frames[this.frames.length - 1]
    if (!parent) return this.ev.notObjectRoot()
    if (parent.role === Role.Messages) {
      parent.index++
      return this.ev.message(parent.chat, v === TOO_LONG ? MESSAGE_TOO_BIG : v)
    }
    if (parent.role === Role.ChatList) this.ev.listItem(parent.index++, false)
    else if (
      (parent.role === Role.Root || parent.role === Role.Chat) &&
      parent.key &&
      CHAT_FIELDS.has(parent.key)
    )
      this.ev.chatField(parent.chat, parent.key as keyof ChatFields, v === TOO_LONG ? null : v)
    else if (!parent.isObject) parent.index++
  }

  private open(isObject: boolean): void {
    if (this.builder.building) return this.builder.open(isObject)
    const parent = this.frames[this.frames.length - 1]
    if (!parent) {
      if (!isObject) this.ev.notObjectRoot()
      this.frames.push({
        role: isObject ? Role.Root : Role.Other,
        chat: ROOT_CHAT,
        isObject,
        key: null,
        index: 0
      })
      return
    }
    let role = Role.Other
    let chat = parent.chat
    const key = parent.isObject ? parent.key : null
    if (parent.role === Role.Messages) {
      parent.index++
      this.messageChat = parent.chat
      return this.builder.open(isObject)
    }
    if (parent.role === Role.Root && key === 'messages' && !isObject) role = Role.Messages
    else if (parent.role === Role.Root && key === 'chats' && isObject) role = Role.Chats
    else if (parent.role === Role.Chats && key === 'list' && !isObject) role = Role.ChatList
    else if (parent.role === Role.ChatList) {
      chat = parent.index
      this.ev.listItem(chat, isObject)
      if (isObject) role = Role.Chat
    } else if (parent.role === Role.Chat && key === 'messages' && !isObject) role = Role.Messages
    if (!parent.isObject) parent.index++
    if (role === Role.Messages) this.ev.messagesArray(chat)
    this.frames.push({ role, chat, isObject, key: null, index: 0 })
  }

  private close(): void {
    if (this.builder.building) {
      if (this.builder.close()) this.ev.message(this.messageChat, this.builder.result)
      return
    }
    this.frames.pop()
  }
}

export interface WalkOptions {
  encoding: Encoding
  bomLength: number
  maxStringChars: number
  maxMessageChars: number
  signal?: AbortSignal
  /** Bytes read so far (for progress). */
  onBytes?(n: number): void
}

const CHUNK = 256 * 1024

/**
 * Streams the file through the walker, chunk by chunk. Yields after every chunk so the caller can hand
 * on what the events collected; throws JsonSyntaxError (with line and column) on malformed JSON.
 */
export async function* walkTelegram(path: string, ev: WalkEvents, o: WalkOptions): AsyncGenerator<void> {
  const tok = new JsonTokenizer(new TelegramWalker(ev, o.maxMessageChars), o.maxStringChars)
  const dec = makeDecoder(o.encoding)
  const stream = createReadStream(path, { start: o.bomLength, highWaterMark: CHUNK })
  let read = o.bomLength
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      o.signal?.throwIfAborted()
      read += chunk.length
      tok.write(dec.write(chunk))
      o.onBytes?.(read)
      yield
    }
    tok.write(dec.end())
    tok.end()
  } finally {
    stream.destroy()
  }
}
