import { stat } from 'node:fs/promises'
import { OtklikError } from '../../../../shared/errors'
import { formatBytes, MAX_FILE_BYTES, unreadable } from '../limits'
import { openCsv } from './csv-source'
import { sniffFile } from './sniff'
import { openTelegram } from './telegram-source'
import { openFeedFile } from './feed-source'
import type { LayoutOptions, Source } from './types'
import { openXlsx } from './xlsx-source'

/**
 * Opens any supported export (CSV/TSV, XLSX, Telegram JSON): detects the format by content, checks the
 * size limit, reads the layout. Throws IMPORT_UNREADABLE (naming the file and why) when it cannot.
 */
export async function openSource(path: string, opts: LayoutOptions = {}): Promise<Source> {
  let size: number
  try {
    const st = await stat(path)
    if (st.isDirectory()) throw unreadable(path, 'it is a folder')
    size = st.size
  } catch (e) {
    if (e instanceof OtklikError) throw e
    throw unreadable(
      path,
      `it cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`
    )
  }
  if (size > MAX_FILE_BYTES)
    throw unreadable(
      path,
      `it is ${formatBytes(size)}; the maximum file size is ${formatBytes(MAX_FILE_BYTES)} (split the export)`,
      { limit: MAX_FILE_BYTES }
    )
  const sniffed = await sniffFile(path, size)
  try {
    if (sniffed.format === 'xlsx') return await openXlsx(path, size, opts)
    if (sniffed.format === 'json') return await openTelegram(path, size, sniffed, opts)
    if (sniffed.format === 'feed') return await openFeedFile(path, size, sniffed)
    return await openCsv(path, size, sniffed, opts)
  } catch (e) {
    if (e instanceof OtklikError) throw e
    throw unreadable(path, (e as Error).message.replace(/\.$/, ''))
  }
}
