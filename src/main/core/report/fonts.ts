import { readFileSync } from 'node:fs'
import { resourcePath } from '../paths'

/** The family name inside the TTFs (what DOCX, resvg and echarts refer to). */
export const FONT_FAMILY = 'PT Sans'

export type FontFace = 'regular' | 'bold' | 'italic'
const FILES: Record<FontFace, string> = {
  regular: 'PTSans-Regular.ttf',
  bold: 'PTSans-Bold.ttf',
  italic: 'PTSans-Italic.ttf'
}

/** Absolute paths of the shipped PT Sans faces (resources/fonts). */
export function fontFiles(): string[] {
  return Object.values(FILES).map((f) => resourcePath('fonts', f))
}

const bytes = new Map<FontFace, Buffer>()
/** The bytes of one face, read once. */
export function fontData(face: FontFace): Buffer {
  let b = bytes.get(face)
  if (!b) bytes.set(face, (b = readFileSync(resourcePath('fonts', FILES[face]))))
  return b
}
