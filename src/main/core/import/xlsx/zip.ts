import { createReadStream } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { createInflateRaw } from 'node:zlib'

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

/** A stream of one entry's uncompressed bytes (stored or deflated). */
export async function openEntry(path: string, e: ZipEntry): Promise<Readable> {
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
  return raw.pipe(inflate)
}

/** The whole (small) entry as text: workbook.xml, its relations. */
export async function readEntryText(path: string, e: ZipEntry): Promise<string> {
  const parts: Buffer[] = []
  for await (const b of await openEntry(path, e)) parts.push(b as Buffer)
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
