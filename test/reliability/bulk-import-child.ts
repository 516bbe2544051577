/**
 * Child process of the crash test: imports one CSV with its analysis in the worker beside the writer
 * (analysis/analyse-parallel.ts), whatever the file's size, so kills land while the worker's pages are
 * stored. Exits 3 when the worker analysed nothing (the scenario would prove nothing).
 * Run: node --import tsx test/reliability/bulk-import-child.ts DB_PATH CSV_PATH
 */
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { importFile } from '../../src/main/core/import'
import { workspaceAnalyzer } from '../../src/main/core/analysis/analyzer'
import { ANALYSIS_WORKER, analysisWorkerStats } from '../../src/main/core/analysis/analyse-parallel'

const [dbPath, csv] = process.argv.slice(2)
if (!dbPath || !csv) throw new Error('usage: bulk-import-child.ts DB_PATH CSV_PATH')
ANALYSIS_WORKER.fromRows = 1
const db = openWorkspaceDatabase(dbPath)
void importFile(db, csv, { analyzer: workspaceAnalyzer(db) }).then((r) => {
  db.close()
  process.stdout.write(JSON.stringify({ inserted: r.inserted, workerPages: analysisWorkerStats.pages }) + '\n')
  if (analysisWorkerStats.pages === 0) process.exit(3)
})
