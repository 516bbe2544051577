import { createReadStream } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { open } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { createInflateRaw } from 'node:zlib'
import {
  formatBytes,
  INFLATE_RATIO_FROM_BYTES,
  MAX_INFLATE_RATIO,
  MAX_XLSX_META_BYTES,
  MAX_ZIP_PART_BYTES
} from '../limits'

/** One file inside a ZIP, from the central directory. */
export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
  crc: number
}

export class ZipError extends Error {}

/** A part or an element over one of the limits in ../limits.ts; `limit` is the number. */
export class ZipLimitError extends ZipError {
  constructor(
    message: string,
    readonly limit: number
  ) {
    super(message)
  }
}

/**
 * Refuses a part whose declared size is over the limits before a byte is inflated (the streaming check in
 * `openEntry` catches a part that lies about its size).
 */
export function checkPartSize(e: ZipEntry, max = MAX_ZIP_PART_BYTES): void {
  if (e.size > max)
    throw new ZipLimitError(
      `part ${e.name} inflates to ${formatBytes(e.size)}; the limit for one part is ${formatBytes(max)}`,
      max
    )
  if (e.size > INFLATE_RATIO_FROM_BYTES && e.size > e.compressedSize * MAX_INFLATE_RATIO)
    throw new ZipLimitError(
      `part ${e.name} inflates ${Math.round(e.size / Math.max(1, e.compressedSize))} times (${formatBytes(e.compressedSize)} → ${formatBytes(e.size)}); the limit is ${MAX_INFLATE_RATIO} : 1 above ${formatBytes(INFLATE_RATIO_FROM_BYTES)} (a zip bomb?)`,
      MAX_INFLATE_RATIO
    )
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

/**
 * Reads a ZIP's central directory (where XLSX parts are listed). The directory sits at the end of the
 * file, so a truncated download fails here with a clear reason instead of half-way through the rows.
 */
export async function readZipDirectory(path: string, size: number): Promise<Map<string, ZipEntry>> {
  const fh = await open(path, 'r')
  try {
    const tailLen = Math.min(size, 65_557)
    const tail = await readAt(fh, size - tailLen, tailLen)
    let at = -1
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i
        break
      }
    }
    if (at < 0) throw new ZipError('the ZIP directory at its end is missing')
    const count = tail.readUInt16LE(at + 10)
    const dirSize = tail.readUInt32LE(at + 12)
    const dirOffset = tail.readUInt32LE(at + 16)
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('ZIP64 archives are not supported')
    if (dirOffset + dirSize > size) throw new ZipError('the ZIP directory points past the end of the file')
    const dir = await readAt(fh, dirOffset, dirSize)
    const out = new Map<string, ZipEntry>()
    let p = 0
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL)
        throw new ZipError('the ZIP directory is damaged')
      const nameLen = dir.readUInt16LE(p + 28)
      const entry: ZipEntry = {
        name: dir.subarray(p + 46, p + 46 + nameLen).toString('utf8'),
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
        crc: dir.readUInt32LE(p + 16)
      }
      if (entry.localOffset + entry.compressedSize > size)
        throw new ZipError(`part ${entry.name} lies past the end of the file`)
      out.set(entry.name.replace(/^\/+/, ''), entry)
      p += 46 + nameLen + dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32)
    }
    return out
  } finally {
    await fh.close()
  }
}

/**
 * A stream of one entry's uncompressed bytes (stored or deflated), never more than its declared size
 * (which `checkPartSize` has bounded): a part that inflates past it is damaged or hostile.
 */
export async function openEntry(path: string, e: ZipEntry, max = MAX_ZIP_PART_BYTES): Promise<Readable> {
  checkPartSize(e, max)
  const fh = await open(path, 'r')
  let header: Buffer
  try {
    header = await readAt(fh, e.localOffset, 30)
  } finally {
    await fh.close()
  }
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL) throw new ZipError(`part ${e.name} is damaged`)
  const start = e.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28)
  if (e.compressedSize === 0) return Readable.from([])
  const raw = createReadStream(path, { start, end: start + e.compressedSize - 1, highWaterMark: 256 * 1024 })
  if (e.method === 0) return raw
  if (e.method !== 8)
    throw new ZipError(`part ${e.name} uses an unsupported compression method (${e.method})`)
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 })
  raw.on('error', (err) => inflate.destroy(err))
  let out = 0
  const bound = new Transform({
    transform(chunk: Buffer, _enc, done) {
      out += chunk.length
      if (out > e.size)
        done(
          new ZipError(`part ${e.name} inflates past its declared size of ${formatBytes(e.size)} (damaged)`)
        )
      else done(null, chunk)
    }
  })
  inflate.on('error', (err) => bound.destroy(err))
  bound.on('close', () => {
    raw.destroy()
    inflate.destroy()
  })
  return raw.pipe(inflate).pipe(bound)
}

/** The whole (small) entry as text: workbook.xml, its relations (at most 16 MB). */
export async function readEntryText(path: string, e: ZipEntry): Promise<string> {
  const parts: Buffer[] = []
  for await (const b of await openEntry(path, e, MAX_XLSX_META_BYTES)) parts.push(b as Buffer)
  return Buffer.concat(parts).toString('utf8')
}

async function readAt(fh: FileHandle, pos: number, len: number): Promise<Buffer> {
  const buf = Buffer.alloc(len)
  const { bytesRead } = await fh.read(buf, 0, len, pos)
  return buf.subarray(0, bytesRead)
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c
  }
  return t
})()

/** Running CRC-32 (as ZIP stores it): crc32(data, previous). Start with 0; compare `>>> 0` at the end. */
export function crc32(b: Uint8Array, prev = 0): number {
  let c = ~prev
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8)
  return ~c >>> 0
}
