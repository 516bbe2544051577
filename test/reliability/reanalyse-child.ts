/**
 * Child process of the crash test: re-analyses the mentions not analysed yet, in small transactions.
 * Run: node --import tsx test/reliability/reanalyse-child.ts DB_PATH [CHUNK]
 */
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { reanalyse } from '../../src/main/core/analysis/reanalyse'

const [dbPath, chunk] = process.argv.slice(2)
if (!dbPath) throw new Error('usage: reanalyse-child.ts DB_PATH [CHUNK]')
const db = openWorkspaceDatabase(dbPath)
const result = reanalyse(db, { onlyNew: true, chunk: Number(chunk ?? 200) })
db.close()
process.stdout.write(JSON.stringify(result) + '\n')
