/** The committed icons (resources/icons) are what scripts/make-icons.ts draws, in valid containers. */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ICNS_TYPES, ICO_SIZES, PNG_SIZES, makeIcons } from '../../scripts/make-icons'

const ICONS = resolve(__dirname, '../../resources/icons')
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

/** ICO reader, written from the format (not from our writer): entries and their embedded images. */
function readIco(buf: Buffer): Array<{ size: number; image: Buffer }> {
  expect([buf.readUInt16LE(0), buf.readUInt16LE(2)]).toEqual([0, 1])
  return Array.from({ length: buf.readUInt16LE(4) }, (_, i) => {
    const e = 6 + 16 * i
    const length = buf.readUInt32LE(e + 8)
    const offset = buf.readUInt32LE(e + 12)
    expect(offset + length).toBeLessThanOrEqual(buf.length)
    return { size: buf[e] || 256, image: buf.subarray(offset, offset + length) }
  })
}

function readIcns(buf: Buffer): Array<{ type: string; image: Buffer }> {
  expect(buf.toString('latin1', 0, 4)).toBe('icns')
  expect(buf.readUInt32BE(4)).toBe(buf.length)
  const out: Array<{ type: string; image: Buffer }> = []
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at + 4)
    out.push({ type: buf.toString('latin1', at, at + 4), image: buf.subarray(at + 8, at + length) })
    at += length
  }
  return out
}

describe('app icons', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'otklik-icons-'))
  afterAll(() => rmSync(fresh, { recursive: true, force: true }))

  it('are exactly what scripts/make-icons.ts writes now', () => {
    const written = makeIcons(fresh)
    for (const rel of written)
      expect(readFileSync(join(fresh, rel)).equals(readFileSync(join(ICONS, rel))), rel).toBe(true)
    expect(readdirSync(join(ICONS, 'png')).sort()).toEqual(PNG_SIZES.map((s) => `${s}x${s}.png`).sort())
  })

  it('has a PNG of each Linux size, named by its real size', () => {
    for (const s of PNG_SIZES)
      expect(pngSize(readFileSync(join(ICONS, 'png', `${s}x${s}.png`)))).toEqual({ width: s, height: s })
    expect(pngSize(readFileSync(join(ICONS, 'icon.png')))).toEqual({ width: 1024, height: 1024 })
  })

  it('has an .ico with 16…256 px PNG images (electron-builder needs 256)', () => {
    const entries = readIco(readFileSync(join(ICONS, 'icon.ico')))
    expect(entries.map((e) => e.size)).toEqual([...ICO_SIZES])
    for (const e of entries) expect(pngSize(e.image)).toEqual({ width: e.size, height: e.size })
  })

  it('has an .icns with 16…1024 px PNG images under the OSTypes macOS reads', () => {
    const entries = readIcns(readFileSync(join(ICONS, 'icon.icns')))
    expect(entries.map((e) => e.type)).toEqual(ICNS_TYPES.map(([t]) => t))
    entries.forEach((e, i) => {
      const size = ICNS_TYPES[i]![1]
      expect(pngSize(e.image)).toEqual({ width: size, height: size })
    })
  })
})
