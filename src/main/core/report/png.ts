import { deflateSync } from 'node:zlib'

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

/**
 * An opaque RGB PNG from RGBA pixels, composited on white. pdfkit embeds an RGB PNG's compressed data
 * as it is, while an RGBA one is decoded pixel by pixel in JavaScript (slow) to split off its alpha.
 */
export function rgbaToRgbPng(rgba: Buffer, width: number, height: number): Buffer {
  const stride = width * 3 + 1
  const raw = Buffer.alloc(stride * height)
  for (let y = 0; y < height; y++) {
    const row = y * stride
    raw[row] = 1 // filter "Sub": flat chart colours compress well
    let prevR = 0
    let prevG = 0
    let prevB = 0
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4
      const a = rgba[i + 3]! / 255
      const r = Math.round(rgba[i]! * a + 255 * (1 - a))
      const g = Math.round(rgba[i + 1]! * a + 255 * (1 - a))
      const b = Math.round(rgba[i + 2]! * a + 255 * (1 - a))
      const o = row + 1 + x * 3
      raw[o] = (r - prevR) & 0xff
      raw[o + 1] = (g - prevG) & 0xff
      raw[o + 2] = (b - prevB) & 0xff
      prevR = r
      prevG = g
      prevB = b
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0))
  ])
}
