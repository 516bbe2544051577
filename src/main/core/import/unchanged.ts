import { stat } from 'node:fs/promises'
import { formatBytes, unreadable } from './limits'
import { hashFile } from './source/csv-source'
import type { Source } from './source/types'

/** What a file looked like when its import began: compared once more before the batch commits. */
interface Fingerprint {
  size: number
  mtimeMs: number
  ino: number
}

async function fingerprint(path: string): Promise<Fingerprint | null> {
  try {
    const s = await stat(path)
    return { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino }
  } catch {
    return null
  }
}

/**
 * Notices a file that changes while it is imported (a download still being written, a sync client
 * replacing it): size, modification time and inode from before the file was opened, and a SHA-256 —
 * the one computed while a CSV streamed (else one taken at the start) against the file as it is at the
 * end. A change throws IMPORT_UNREADABLE, so the batch rolls back instead of committing part of a file.
 */
export class UnchangedFile {
  private constructor(
    private readonly path: string,
    private readonly before: Fingerprint | null,
    private startHash: string | null = null
  ) {}

  /** Call before the file is opened. */
  static async watch(path: string): Promise<UnchangedFile> {
    return new UnchangedFile(path, await fingerprint(path))
  }

  /** Formats read at random (XLSX) or whole at open (JSON) have no running hash: take one now. */
  async opened(src: Source): Promise<void> {
    if (src.layout.format !== 'csv') this.startHash = await hashFile(this.path)
  }

  /** After the last record: throws when the file is not what it was. Returns its SHA-256. */
  async check(src: Source): Promise<string> {
    const read = this.startHash ?? (await src.sha256())
    const after = await fingerprint(this.path)
    const b = this.before
    let what: string | null = null
    if (!after) what = 'it was removed or renamed'
    else if (b && after.size !== b.size)
      what = `its size went from ${formatBytes(b.size)} to ${formatBytes(after.size)}`
    else if (b && after.ino !== b.ino) what = 'it was replaced by another file'
    else if (b && after.mtimeMs !== b.mtimeMs) what = 'it was modified'
    else if ((await hashFile(this.path)) !== read) what = 'its content changed (the checksum differs)'
    if (what)
      throw unreadable(
        this.path,
        `the file changed while it was being imported (${what}); nothing was imported. Import it again once it is complete`,
        { changed: true }
      )
    return read
  }
}
