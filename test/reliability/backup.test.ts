import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openDatabase, type Db } from '../../src/main/core/db/open'
import {
  backupDatabase,
  dailyBackupName,
  planBackupRetention,
  restoreDatabase,
  runScheduledBackup
} from '../../src/main/core/db/backup'
import { SCHEMA_VERSION } from '../../src/main/core/db/migrations'
import { importFile } from '../../src/main/core/import'
import { OtklikError } from '../../src/shared/errors'
import { addDays } from '../../src/shared/time'
import { cli, json } from '../helpers/cli'
import { checkFile, contents, holdChild, IMPORT_FIXTURES, stop, tempDir } from './helpers'

const DAY = 86_400_000

describe('planBackupRetention (pure)', () => {
  const names = (days: string[]): string[] => days.map((d) => dailyBackupName('/x/otklik.db', d))

  it('keeps the 7 newest days and the newest copy of each of the 4 newest weeks', () => {
    const all: string[] = []
    for (let i = 0; i < 60; i++) all.push(addDays('2026-09-30', i)) // …2026-11-28, a Saturday
    const plan = planBackupRetention(names(all), '2026-11-28', 'otklik')
    expect(plan.keep.sort()).toEqual(
      names([
        '2026-11-08', // Sunday, week of 2 Nov
        '2026-11-15', // Sunday, week of 9 Nov
        '2026-11-22', // 7 dailies (also the newest of the week of 16 Nov) …
        '2026-11-23',
        '2026-11-24',
        '2026-11-25',
        '2026-11-26',
        '2026-11-27',
        '2026-11-28'
      ])
    )
    expect(plan.remove).toHaveLength(60 - 9)
  })

  it('is stable when applied day after day (what the app does), and a gap in the copies keeps older ones', () => {
    let folder: string[] = []
    for (let i = 0; i < 90; i++) {
      const today = addDays('2026-06-01', i)
      if (i >= 40 && i < 70) continue // the computer was off for a month
      folder.push(dailyBackupName('/x/otklik.db', today))
      const { remove } = planBackupRetention(folder, today, 'otklik')
      folder = folder.filter((n) => !remove.includes(n))
    }
    // 20 days since the gap: 7 dailies; weeks: this one and the two before are covered by the newest of
    // each week, the 4th is the last week before the gap (its newest copy).
    const today = addDays('2026-06-01', 89)
    expect(folder.length).toBeLessThanOrEqual(7 + 4)
    expect(folder).toContain(dailyBackupName('/x/otklik.db', today))
    expect(folder).toContain(dailyBackupName('/x/otklik.db', addDays('2026-06-01', 39)))
    expect(planBackupRetention(folder, today, 'otklik').remove).toEqual([])
  })

  it('ignores other files and other databases, keeps copies dated in the future', () => {
    const plan = planBackupRetention(
      [
        'notes.txt',
        'other-2026-01-01.db',
        'otklik-2026-13-45.db',
        'otklik-2030-01-01.db',
        'otklik-2026-01-01.db.partial-1-x'
      ],
      '2026-11-28',
      'otklik',
      { daily: 1, weekly: 0 }
    )
    expect(plan).toEqual({ keep: ['otklik-2030-01-01.db'], remove: [] })
    const re = planBackupRetention(
      names(['2026-11-01', '2026-11-02', '2026-11-03']),
      '2026-11-28',
      'otklik',
      {
        daily: 1,
        weekly: 0
      }
    )
    expect(re).toEqual({ keep: names(['2026-11-03']), remove: names(['2026-11-02', '2026-11-01']) })
  })
})

describe('backupDatabase', () => {
  let t: ReturnType<typeof tempDir>
  let db: Db
  let path: string
  beforeEach(async () => {
    t = tempDir('backup')
    path = join(t.dir, 'otklik.db')
    db = openDatabase(path, { create: true })
    await importFile(db, join(IMPORT_FIXTURES, 'ba.csv'))
  })
  afterEach(() => {
    if (db.open) db.close()
    t.cleanup()
  })

  it('writes one self-contained, verified file with the workspace in it', async () => {
    const r = await backupDatabase(db, join(t.dir, 'sub', 'copy.db'))
    expect(r).toMatchObject({
      file: join(t.dir, 'sub', 'copy.db'),
      version: SCHEMA_VERSION,
      method: 'online'
    })
    expect(r.bytes).toBe(statSync(r.file).size)
    expect(existsSync(`${r.file}-wal`)).toBe(false)
    expect(checkFile(r.file)).toEqual({ integrity: 'ok', fk: 0, version: SCHEMA_VERSION, journal: 'delete' })
    expect(contents(r.file)).toEqual(contents(path))
    expect(readdirSync(join(t.dir, 'sub'))).toEqual(['copy.db']) // no partial file left
    await expect(backupDatabase(db, path)).rejects.toThrow(/cannot overwrite the database itself/)
  })

  it('makes consistent copies while another process keeps writing', async () => {
    const writer = await holdChild('write', path)
    try {
      for (const [i, pagesPerStep] of [2000, 1, 2000, 1].entries()) {
        await new Promise((r) => setTimeout(r, 150))
        const r = await backupDatabase(db, join(t.dir, `live-${i}.db`), { pagesPerStep })
        expect(checkFile(r.file).integrity).toBe('ok')
        const copy = new Database(r.file, { readonly: true })
        // The writer commits 10 rows per batch: a consistent copy holds whole batches only.
        const partial = copy
          .prepare(
            "SELECT count(*) FROM (SELECT batch_id FROM label_events WHERE field = 'fill' GROUP BY batch_id HAVING count(*) != 10)"
          )
          .pluck()
          .get()
        const rows = copy
          .prepare("SELECT count(*) FROM label_events WHERE field = 'fill'")
          .pluck()
          .get() as number
        copy.close()
        expect(partial).toBe(0)
        expect(rows).toBeGreaterThan(0)
        // One page per step cannot finish while every write restarts it: VACUUM INTO takes over.
        if (pagesPerStep === 1) expect(r.method).toBe('vacuum')
      }
    } finally {
      await stop(writer)
    }
  })

  it('runScheduledBackup: one copy a day in <data folder>/backups, pruned 7 daily + 4 weekly', async () => {
    const start = Date.parse('2026-10-01T12:00:00+05:00')
    const first = await runScheduledBackup(db, path, start)
    expect(first).toMatchObject({
      created: true,
      file: join(t.dir, 'backups', 'otklik-2026-10-01.db'),
      removed: []
    })
    const mtime = statSync(first.file).mtimeMs
    const again = await runScheduledBackup(db, path, start + 3 * 3600_000)
    expect(again).toMatchObject({ created: false, file: first.file })
    expect(statSync(first.file).mtimeMs).toBe(mtime)
    // A half-written copy of an interrupted run goes away once it is old.
    const partial = join(t.dir, 'backups', 'otklik-2026-10-01.db.partial-99-abc')
    writeFileSync(partial, 'x')
    utimesSync(partial, new Date(start - DAY), new Date(start - DAY))
    for (let i = 1; i < 35; i++) await runScheduledBackup(db, path, start + i * DAY)
    expect(existsSync(partial)).toBe(false)
    const kept = readdirSync(join(t.dir, 'backups')).sort()
    // Today is 2026-11-04 (Wednesday): 29 Oct … 4 Nov daily, plus the Sundays 25 Oct, 18 Oct.
    expect(kept).toEqual(
      [
        '2026-10-18',
        '2026-10-25',
        '2026-10-29',
        '2026-10-30',
        '2026-10-31',
        '2026-11-01',
        '2026-11-02',
        '2026-11-03',
        '2026-11-04'
      ].map((d) => `otklik-${d}.db`)
    )
    expect(checkFile(join(t.dir, 'backups', 'otklik-2026-11-04.db')).integrity).toBe('ok')
  })
})

describe('restoreDatabase', () => {
  let t: ReturnType<typeof tempDir>
  let path: string
  let backup: string
  beforeEach(async () => {
    t = tempDir('restore')
    path = join(t.dir, 'otklik.db')
    const db = openDatabase(path, { create: true })
    await importFile(db, join(IMPORT_FIXTURES, 'ba.csv'))
    backup = (await backupDatabase(db, join(t.dir, 'good-backup.db'))).file
    await importFile(db, join(IMPORT_FIXTURES, 'generic.csv')) // work done after the backup
    db.close()
  })
  afterEach(() => t.cleanup())

  const refused = (file: string, pattern: RegExp, code: string): void => {
    const before = contents(path)
    const files = readdirSync(t.dir).sort()
    let err: unknown
    try {
      restoreDatabase(file, path)
    } catch (e) {
      err = e
    }
    expect(err, `refusal expected: ${pattern}`).toBeInstanceOf(OtklikError)
    expect((err as OtklikError).code).toBe(code)
    expect((err as Error).message).toMatch(pattern)
    expect(contents(path)).toEqual(before)
    expect(readdirSync(t.dir).sort()).toEqual(files) // no copy made, nothing left behind
  }

  it('refuses what is not an Otklik backup, a damaged one, and one from a newer Otklik — changing nothing', () => {
    const text = join(t.dir, 'notes.txt')
    writeFileSync(text, 'Дата;Текст\n')
    refused(text, /not an Otklik backup: it is not an SQLite database file/, 'DB_CORRUPT')
    refused(join(t.dir, 'missing.db'), /does not exist/, 'DB_MISSING')
    const other = join(t.dir, 'other.sqlite')
    const o = new Database(other)
    o.exec('CREATE TABLE notes (x TEXT)')
    o.pragma('user_version = 1')
    o.close()
    refused(
      other,
      /not an Otklik workspace \(no settings, mentions, import_batches, authors, sources table\)/,
      'DB_CORRUPT'
    )
    const newer = join(t.dir, 'newer.db')
    copyFileSync(backup, newer)
    const n = new Database(newer)
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    n.close()
    refused(
      newer,
      new RegExp(
        `newer version of Otklik \\(schema ${SCHEMA_VERSION + 1}; this version knows ${SCHEMA_VERSION}\\)`
      ),
      'DB_NEWER'
    )
    const damaged = join(t.dir, 'damaged.db')
    const bytes = readFileSync(backup)
    for (let i = 4096 * 2; i < bytes.length; i += 4096) bytes.fill(0x5a, i + 100, i + 400) // scribble over pages
    writeFileSync(damaged, bytes)
    refused(damaged, /damaged/, 'DB_CORRUPT')
    refused(path, /is the database itself/, 'VALIDATION')
  })

  it('puts the backup in place and keeps the replaced database', () => {
    const replaced = contents(path)
    const r = restoreDatabase(backup, path, { now: Date.parse('2026-11-28T10:00:00Z') })
    expect(r).toEqual({
      file: path,
      from: backup,
      previous: `${path}.before-restore-2026-11-28T10-00-00.bak`,
      migratedFrom: SCHEMA_VERSION,
      version: SCHEMA_VERSION
    })
    expect(contents(path)).toEqual(contents(backup))
    expect(contents(r.previous!)).toEqual(replaced)
    expect(checkFile(path).integrity).toBe('ok')
    expect(checkFile(r.previous!).integrity).toBe('ok')
    const db = openDatabase(path)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('replaces a damaged database (the reason to restore), keeping a raw copy of it', () => {
    const bytes = readFileSync(path)
    for (let i = 4096; i < bytes.length; i += 4096) bytes.fill(0x5a, i, i + 512)
    writeFileSync(path, bytes)
    for (const side of ['-wal', '-shm']) rmSync(path + side, { force: true })
    const r = restoreDatabase(backup, path)
    expect(contents(path)).toEqual(contents(backup))
    expect(readFileSync(r.previous!)).toEqual(bytes)
  })

  it('restores into a path where no database exists yet', () => {
    const fresh = join(t.dir, 'new', 'otklik.db')
    expect(restoreDatabase(backup, fresh).previous).toBeNull()
    expect(contents(fresh)).toEqual(contents(backup))
  })

  it('refuses while another process runs a job or has the database open, unless forced', async () => {
    const holder = await holdChild('lock', path)
    try {
      refused(backup, /running a "collect" job/, 'DB_LOCKED')
    } finally {
      await stop(holder)
    }
    const open = await holdChild('open', path)
    try {
      refused(backup, /open in another Otklik window or command/, 'DB_LOCKED')
      expect(restoreDatabase(backup, path, { force: true }).previous).toMatch(/before-restore/)
      expect(contents(path)).toEqual(contents(backup))
    } finally {
      await stop(open)
    }
  })

  it('takes over the lock of a process that died', async () => {
    const holder = await holdChild('lock', path)
    await stop(holder) // SIGKILL: its lock row stays behind
    const db = new Database(path)
    expect(db.prepare('SELECT count(*) FROM locks').pluck().get()).toBe(1)
    db.close()
    expect(restoreDatabase(backup, path).file).toBe(path)
  })
})

describe('CLI backup and restore', () => {
  it('backs up, refuses to overwrite, restores, and refuses a foreign file with exit 1', async () => {
    const t = tempDir('cli-backup')
    try {
      const db = join(t.dir, 'w.db')
      const d = openDatabase(db, { create: true })
      await importFile(d, join(IMPORT_FIXTURES, 'ba.csv'))
      d.close()
      const out = join(t.dir, 'b.db')
      const r = json<{ file: string; bytes: number }>(cli(['backup', '--out', out, '--db', db, '--json']))
      expect(r).toEqual({ file: out, bytes: statSync(out).size })
      expect(checkFile(out).integrity).toBe('ok')
      const again = cli(['backup', '--out', out, '--db', db])
      expect(again.code).toBe(1)
      expect(again.stderr).toMatch(/already exists.*--force/)
      const before = contents(db)
      const d2 = openDatabase(db)
      d2.exec('DELETE FROM mentions')
      d2.close()
      const res = json<{ file: string; previous: string }>(cli(['restore', out, '--db', db, '--json']))
      expect(res.file).toBe(db)
      expect(contents(db)).toEqual(before)
      expect(existsSync(res.previous)).toBe(true)
      const txt = join(t.dir, 'x.csv')
      writeFileSync(txt, 'a;b\n1;2\n')
      const bad = cli(['restore', txt, '--db', db])
      expect(bad.code).toBe(1)
      expect(bad.stderr).toMatch(
        /otklik restore: .*x\.csv is not an Otklik backup: it is not an SQLite database file/
      )
      expect(contents(db)).toEqual(before)
    } finally {
      t.cleanup()
    }
  })
})
