/**
 * Draws Otklik's icon and writes every file the installers need into resources/icons/:
 *   icon.svg                 the drawing (1024 grid)
 *   png/<n>x<n>.png          16…1024 (Linux icon set: electron-builder reads the size from the name)
 *   icon.png                 1024 px (window icon, fallback)
 *   icon.ico                 Windows: 16, 20, 24, 32, 40, 48, 64, 128, 256 (PNG-in-ICO, Vista and later)
 *   icon.icns                macOS: 16…1024 incl. @2x (PNG entries, macOS 10.7 and later)
 *
 * The mark is a monogram: the letter «О» drawn as a speech bubble (the app listens to what people say).
 * Sizes of 32 px and less use a bolder variant, so the ring stays a ring at 16 px.
 * Deterministic: the same resvg version writes the same bytes (test/packaging/icons.test.ts checks).
 *
 * Run: npx tsx scripts/make-icons.ts [OUT_DIR]   (default resources/icons)
 */
import { Resvg } from '@resvg/resvg-js'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')
const FONT_DIR = join(ROOT, 'resources', 'fonts')

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const
/** Windows picks from these for 100–250 % display scaling and Explorer views. */
export const ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256] as const
/** ICNS OSTypes holding PNG data and their pixel sizes (Apple's iconutil writes the same set). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512]
] as const

const BLUE_TOP = '#3b74d4'
const BLUE_BOTTOM = '#224c98'

/** The drawing on a 1024 grid. `small` is the bolder variant for 32 px and less. */
export function iconSvg(variant: 'large' | 'small' = 'large'): string {
  const small = variant === 'small'
  // Background: a rounded square (with a margin for large sizes, full bleed when tiny).
  const inset = small ? 0 : 64
  const side = 1024 - 2 * inset
  const radius = small ? 200 : 196
  // The «О»: a ring; the tail is a triangle from the middle of the ring outwards, down-right.
  const cx = 512
  const cy = small ? 472 : 476
  const r = small ? 262 : 232
  const stroke = small ? 176 : 124
  const at = (deg: number, rad: number) => {
    const a = (deg * Math.PI) / 180
    return `${(cx + rad * Math.cos(a)).toFixed(1)} ${(cy + rad * Math.sin(a)).toFixed(1)}`
  }
  // The tail leaves the ring at its lower left and points down: a chat bubble, not a «Q».
  const tip = small ? at(118, r + 250) : at(118, r + 230)
  const tail = `M ${at(92, r)} L ${tip} L ${at(146, r)} Z`
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">',
    '<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">',
    `<stop offset="0" stop-color="${BLUE_TOP}"/><stop offset="1" stop-color="${BLUE_BOTTOM}"/>`,
    '</linearGradient></defs>',
    `<rect x="${inset}" y="${inset}" width="${side}" height="${side}" rx="${radius}" fill="url(#bg)"/>`,
    `<path d="${tail}" fill="#ffffff" stroke="#ffffff" stroke-width="${small ? 24 : 16}" stroke-linejoin="round"/>`,
    `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="#ffffff" stroke-width="${stroke}"/>`,
    '</svg>'
  ].join('')
}

/** SVG → PNG at size×size. resvg gets our own fonts only, so no machine's fonts change the output. */
export function renderPng(svg: string, size: number): Buffer {
  const fontFiles = readdirSync(FONT_DIR)
    .filter((f) => f.endsWith('.ttf'))
    .map((f) => join(FONT_DIR, f))
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: 'PT Sans' }
  })
  return resvg.render().asPng()
}

export function pngForSize(size: number): Buffer {
  return renderPng(iconSvg(size <= 32 ? 'small' : 'large'), size)
}

/**
 * ICO container of PNG images: ICONDIR (6 bytes), one 16-byte ICONDIRENTRY per image, then the PNGs.
 * Width/height 0 means 256. Planes 1 and 32 bits per pixel describe the decoded PNG.
 */
export function buildIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(images.length, 4)
  let offset = header.length
  images.forEach(({ size, png }, i) => {
    if (size < 1 || size > 256) throw new Error(`ICO holds 1…256 px images, not ${size}`)
    const e = 6 + 16 * i
    header.writeUInt8(size === 256 ? 0 : size, e)
    header.writeUInt8(size === 256 ? 0 : size, e + 1)
    header.writeUInt8(0, e + 2) // no palette
    header.writeUInt8(0, e + 3)
    header.writeUInt16LE(1, e + 4)
    header.writeUInt16LE(32, e + 6)
    header.writeUInt32LE(png.length, e + 8)
    header.writeUInt32LE(offset, e + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...images.map((i) => i.png)])
}

/** ICNS container: 'icns' + total length, then per entry OSType + length (header included) + PNG. */
export function buildIcns(entries: ReadonlyArray<{ type: string; png: Buffer }>): Buffer {
  const parts: Buffer[] = []
  for (const { type, png } of entries) {
    if (!/^[\x20-\x7e]{4}$/.test(type)) throw new Error(`bad ICNS type ${JSON.stringify(type)}`)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    parts.push(head, png)
  }
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

/** Renders everything into outDir; returns the files written (relative to outDir). */
export function makeIcons(outDir: string): string[] {
  const sizes = [...new Set<number>([...PNG_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, s]) => s)])]
  const png = new Map<number, Buffer>(sizes.map((s) => [s, pngForSize(s)]))
  const get = (s: number): Buffer => {
    const b = png.get(s)
    if (!b) throw new Error(`no ${s} px rendering`)
    return b
  }
  const written: string[] = []
  const write = (rel: string, data: Buffer | string) => {
    writeFileSync(join(outDir, rel), data)
    written.push(rel)
  }
  mkdirSync(join(outDir, 'png'), { recursive: true })
  write('icon.svg', iconSvg('large') + '\n')
  for (const s of PNG_SIZES) write(join('png', `${s}x${s}.png`), get(s))
  write('icon.png', get(1024))
  write('icon.ico', buildIco(ICO_SIZES.map((size) => ({ size, png: get(size) }))))
  write('icon.icns', buildIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: get(size) }))))
  return written
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) {
  const outDir = resolve(process.argv[2] ?? join(ROOT, 'resources', 'icons'))
  const files = makeIcons(outDir)
  process.stdout.write(`make-icons: wrote ${files.length} files to ${outDir}\n`)
}
