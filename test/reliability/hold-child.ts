/**
 * Child process for the backup/restore tests; prints "ready" once in place and runs until killed.
 *   lock DB   — holds the "collect" job lock (as a collection round does)
 *   open DB   — keeps the database open (as the app does)
 *   write DB  — keeps writing: transactions of 10 label_events rows sharing one batch number
 * Run: node --import tsx test/reliability/hold-child.ts MODE DB_PATH
 */
import { acquireLock } from '../../src/main/core/db/lock'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'

const [mode, dbPath] = process.argv.slice(2)
if (!mode || !dbPath) throw new Error('usage: hold-child.ts lock|open|write DB_PATH')
const db = openWorkspaceDatabase(dbPath)
const lock = mode === 'lock' ? acquireLock(db, 'collect') : null
db.prepare('SELECT count(*) FROM mentions').get()
process.stdout.write('ready\n')
if (mode === 'write') {
  const insert = db.prepare(
    "INSERT INTO label_events (field, old_value, new_value, batch_id, at) VALUES ('fill', NULL, ?, ?, ?)"
  )
  let batch = 0
  const tx = db.transaction((b: number) => {
    for (let i = 0; i < 10; i++) insert.run('x'.repeat(200), b, Date.now())
  })
  const loop = (): void => {
    tx(++batch)
    setImmediate(loop)
  }
  loop()
} else {
  // The connection (and the lock) must stay referenced: a Database nothing refers to is garbage-collected,
  // and its finalizer closes the file, which made the restore tests see nobody there about one run in five.
  setInterval(() => void [db.open, lock], 60_000)
}
