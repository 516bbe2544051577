import { accessSync, constants, openSync, readSync, closeSync, statSync } from 'node:fs'
import { isAbsolute } from 'node:path'

/** The largest logo accepted (5 MB): the digest embeds it, so /dev/zero or a video must never be read. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024

/** PNG or JPEG, from the first bytes. */
function imageType(head: Buffer): 'png' | 'jpg' | null {
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg'
  return null
}

/**
 * Why `path` cannot be the organisation's logo, or null if it can: a regular PNG or JPEG file under
 * MAX_LOGO_BYTES (a device, a folder or a FIFO is never opened for reading).
 */
export function logoProblem(path: string): string | null {
  if (!isAbsolute(path)) return 'the logo must be given as a full path'
  let st
  try {
    st = statSync(path)
  } catch {
    return 'the logo file does not exist'
  }
  if (!st.isFile()) return 'the logo is not a regular file'
  if (st.size > MAX_LOGO_BYTES) return `the logo is larger than ${MAX_LOGO_BYTES / 1024 / 1024} MB`
  const head = Buffer.alloc(4)
  const fd = openSync(path, 'r')
  try {
    readSync(fd, head, 0, 4, 0)
  } finally {
    closeSync(fd)
  }
  return imageType(head) ? null : 'the logo must be a PNG or JPEG image'
}

/** The logo's bytes and type when it passes `logoProblem`, else null (the digest leaves it out). */
export function readLogo(path: string | null): { data: Buffer; type: 'png' | 'jpg' } | null {
  if (!path || logoProblem(path)) return null
  try {
    const fd = openSync(path, 'r')
    try {
      const data = Buffer.alloc(Math.min(statSync(path).size, MAX_LOGO_BYTES))
      const n = readSync(fd, data, 0, data.length, 0)
      const type = imageType(data)
      return type ? { data: data.subarray(0, n), type } : null
    } finally {
      closeSync(fd)
    }
  } catch {
    return null
  }
}

/** Why `path` cannot be the reports folder, or null: it must be an existing folder this process can write. */
export function reportsFolderProblem(path: string): string | null {
  if (!isAbsolute(path)) return 'the reports folder must be given as a full path'
  try {
    if (!statSync(path).isDirectory()) return 'the reports folder is not a folder'
  } catch {
    return 'the reports folder does not exist'
  }
  try {
    accessSync(path, constants.W_OK)
  } catch {
    return 'the reports folder cannot be written to'
  }
  return null
}
