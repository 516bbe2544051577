import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync, spawnSync } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openWorkspaceDatabase } from '../../src/main/core/workspace'
import { importFile } from '../../src/main/core/import'
import { checkFile, contents, IMPORT_FIXTURES, ROOT } from './helpers'

// Tests run as root, which ignores file permissions: the CLI runs here as `nobody` (uid 65534).
const NOBODY = ['--reuid=65534', '--regid=65534', '--clear-groups']
const CLI = join(ROOT, 'bin', 'otklik.cjs')

function probe(): { setpriv: boolean; mount: string | null } {
  const setpriv = spawnSync('setpriv', [...NOBODY, 'true']).status === 0
  const dir = mkdtempSync(join(tmpdir(), 'otklik-mount-probe-'))
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' })
    execFileSync('umount', [dir])
    return { setpriv, mount: null }
  } catch (e) {
    return { setpriv, mount: String((e as { stderr?: Buffer }).stderr ?? e).trim() }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
const env = probe()
if (!env.setpriv)
  console.warn('disk tests skipped: cannot run a command as nobody (setpriv --reuid=65534 failed)')
if (env.mount) console.warn(`disk-full test on tmpfs skipped: mount is not permitted here (${env.mount})`)

/** Runs the CLI as nobody, with an optional `ulimit -f` (KiB). */
function cliAsNobody(args: string[], fileLimitKiB?: number): { code: number | null; stderr: string } {
  const cmd = ['setpriv', ...NOBODY, process.execPath, CLI, ...args]
  const r =
    fileLimitKiB === undefined
      ? spawnSync(cmd[0]!, cmd.slice(1), { cwd: ROOT, encoding: 'utf8' })
      : spawnSync('bash', ['-c', `ulimit -f ${fileLimitKiB} && exec "$@"`, 'bash', ...cmd], {
          cwd: ROOT,
          encoding: 'utf8'
        })
  return { code: r.status, stderr: r.stderr }
}

/** A world-readable folder holding a workspace with the ba.csv fixture in it. */
async function workspace(name: string): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), `otklik-${name}-`))
  chmodSync(dir, 0o755)
  const db = join(dir, 'w.db')
  const d = openWorkspaceDatabase(db, { create: true })
  await importFile(d, join(IMPORT_FIXTURES, 'ba.csv'))
  d.close()
  chmodSync(db, 0o644)
  return { dir, db }
}

/** An export bigger than the space left (200 KB): 120 rows of ~4 KB each. */
function bigCsv(path: string): void {
  const words = [
    'жители',
    'акимат',
    'дороги',
    'ремонт',
    'автобус',
    'парк',
    'вода',
    'отопление',
    'школа',
    'цены'
  ]
  const lines = ['Дата;Заголовок;Текст;Url;Автор']
  for (let i = 0; i < 120; i++) {
    const text = Array.from(
      { length: 550 },
      (_, k) => `${words[(i * 7 + k * 3) % words.length]}${(i * 31 + k) % 997}`
    ).join(' ')
    lines.push(
      `01.10.2026 10:${String(i % 60).padStart(2, '0')};Заголовок ${i};${text};https://n.example.kz/a/${i};Автор ${i % 40}`
    )
  }
  writeFileSync(path, lines.join('\n') + '\n')
  chmodSync(path, 0o644)
}

describe.skipIf(!env.setpriv)('disk full and read-only folders (CLI as an unprivileged user)', () => {
  const cleanups: (() => void)[] = []
  let input: string
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-disk-input-'))
    chmodSync(dir, 0o755)
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    input = join(dir, 'big.csv')
    bigCsv(input)
  })
  afterAll(() => {
    for (const c of cleanups.reverse()) c()
  })

  it('a read-only folder: import exits 1 saying so, the database is unchanged', async () => {
    const { dir, db } = await workspace('readonly')
    cleanups.push(() => {
      chmodSync(dir, 0o755)
      rmSync(dir, { recursive: true, force: true })
    })
    const small = join(dir, 'generic.csv')
    copyFileSync(join(IMPORT_FIXTURES, 'generic.csv'), small)
    chmodSync(small, 0o644)
    chmodSync(dir, 0o555)
    const before = contents(db)
    const files = readdirSync(dir).sort()

    const r = cliAsNobody(['import', small, '--db', db, '--json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      new RegExp(`otklik import: The folder ${dir} is read-only .*Nothing was changed`)
    )
    expect(r.stderr).not.toMatch(/\n\s+at /) // a message, not a stack trace

    // Creating a new workspace there fails the same way, and leaves no file behind.
    const created = cliAsNobody(['import', small, '--db', join(dir, 'new.db')])
    expect(created.code).toBe(1)
    expect(created.stderr).toMatch(/is read-only/)

    expect(readdirSync(dir).sort()).toEqual(files)
    expect(contents(db)).toEqual(before)
    expect(checkFile(db)).toMatchObject({ integrity: 'ok', fk: 0 })
  })

  it.skipIf(env.mount !== null)(
    'a full disk (small tmpfs): import exits 1 saying the disk is full, nothing is half-written',
    async () => {
      const { dir, db: prepared } = await workspace('diskfull')
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
      const mnt = join(dir, 'mnt')
      execFileSync('mkdir', [mnt])
      const size = statSync(prepared).size + 200 * 1024
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0777`, 'tmpfs', mnt])
      try {
        const db = join(mnt, 'w.db')
        copyFileSync(prepared, db)
        chmodSync(db, 0o666)
        const before = contents(db)

        const r = cliAsNobody(['import', input, '--db', db, '--json'])
        expect(r.code).toBe(1)
        expect(r.stderr).toMatch(
          new RegExp(
            `otklik import: The disk is full \\(the drive holding ${mnt}\\).*nothing of it was saved`
          )
        )
        expect(r.stderr).not.toMatch(/\n\s+at /)

        expect(contents(db)).toEqual(before)
        expect(checkFile(db)).toMatchObject({ integrity: 'ok', fk: 0 })
      } finally {
        spawnSync('umount', [mnt])
        if (spawnSync('mountpoint', ['-q', mnt]).status === 0) spawnSync('umount', ['-l', mnt])
      }
      expect(existsSync(join(mnt, 'w.db'))).toBe(false) // unmounted
    }
  )

  it('a file size limit (ulimit -f): import exits 1 saying the write failed, the database is unchanged', async () => {
    const { dir, db } = await workspace('ulimit')
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    chmodSync(dir, 0o777)
    chmodSync(db, 0o666)
    const before = contents(db)
    const limitKiB = Math.ceil(statSync(db).size / 1024) + 200
    const r = cliAsNobody(['import', input, '--db', db, '--json'], limitKiB)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/otklik import: (Writing to the disk failed|The disk is full).*rolled back/)
    expect(contents(db)).toEqual(before)
    expect(checkFile(db)).toMatchObject({ integrity: 'ok', fk: 0 })
  })
})
