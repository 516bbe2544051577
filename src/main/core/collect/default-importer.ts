import type { FolderImporter } from './folder-source'

/**
 * The watched folder goes through the import pipeline: presets, de-duplication, batches of kind 'folder'.
 * Loaded on first use, so that feeds and channels never load the spreadsheet readers.
 */
export const importThroughPipeline: FolderImporter = async (db, path, opts) => {
  const { importFile } = await import('../import')
  return importFile(db, path, opts)
}
