#!/usr/bin/env node
// `npm start`: builds and launches the desktop app. Two things must exist first, and both need the
// internet once: the Electron binary, and better-sqlite3 compiled for Electron's ABI (kept beside
// node_modules in .electron-native/, so `npm test` keeps its Node build). Where either is missing and
// cannot be fetched, this says so and how to get it, instead of a stack trace.
import { spawnSync, spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, copyFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const say = (msg) => process.stderr.write(`otklik start: ${msg}\n`)

function fail(lines) {
  say('cannot start the app.\n')
  for (const l of lines) process.stderr.write(`  ${l}\n`)
  process.exit(1)
}

const electronPkg = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'))
const electronVersion = electronPkg.version

// 1. The Electron binary (the npm package installs without it; its installer downloads it).
function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  const dist = join(root, 'node_modules', 'electron', 'dist')
  if (existsSync(pathFile)) {
    const exe = join(dist, readFileSync(pathFile, 'utf8').trim())
    if (existsSync(exe)) return exe
  }
  say(`the Electron ${electronVersion} binary is not here yet; downloading it…`)
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    encoding: 'utf8'
  })
  if (r.status === 0 && existsSync(pathFile)) return join(dist, readFileSync(pathFile, 'utf8').trim())
  const reason =
    `${r.stderr ?? ''}\n${r.stdout ?? ''}`
      .split('\n')
      .find((l) => /error|failed/i.test(l))
      ?.trim() ?? `exit code ${r.status}`
  fail([
    `The Electron ${electronVersion} binary is missing and could not be downloaded (${reason}).`,
    'On a machine with internet access run:  node node_modules/electron/install.js',
    'or set ELECTRON_MIRROR to a reachable mirror. Tests do not need it: `npm test` drives the same UI in Chromium.'
  ])
}

// 2. better-sqlite3 built for Electron's ABI, in .electron-native/<platform>-<arch>/electron-<version>/.
function electronNative() {
  const target = join(
    root,
    '.electron-native',
    `${process.platform}-${process.arch}`,
    `electron-${electronVersion}`
  )
  const file = join(target, 'better_sqlite3.node')
  if (existsSync(file)) return file
  say(`building better-sqlite3 for Electron ${electronVersion} (once)…`)
  const work = mkdtempSync(join(tmpdir(), 'otklik-native-'))
  const pkgDir = join(work, 'better-sqlite3')
  cpSync(dirname(require.resolve('better-sqlite3/package.json')), pkgDir, {
    recursive: true,
    filter: (p) => !p.includes(`${join('build', 'Release')}`)
  })
  const bin = (name) =>
    join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)
  const attempts = [
    [
      bin('prebuild-install'),
      [
        '--runtime',
        'electron',
        '--target',
        electronVersion,
        '--arch',
        process.arch,
        '--platform',
        process.platform
      ]
    ],
    [
      bin('node-gyp'),
      [
        'rebuild',
        '--release',
        `--target=${electronVersion}`,
        `--arch=${process.arch}`,
        '--dist-url=https://electronjs.org/headers',
        '--runtime=electron'
      ]
    ]
  ]
  for (const [cmd, args] of attempts) {
    const r = spawnSync(cmd, args, {
      cwd: pkgDir,
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env: { ...process.env, npm_config_nodedir: '' }
    })
    const built = join(pkgDir, 'build', 'Release', 'better_sqlite3.node')
    if (r.status === 0 && existsSync(built)) {
      mkdirSync(target, { recursive: true })
      copyFileSync(built, file)
      rmSync(work, { recursive: true, force: true })
      return file
    }
  }
  rmSync(work, { recursive: true, force: true })
  fail([
    `better-sqlite3 is not built for Electron ${electronVersion}, and neither a prebuilt download nor a compile against Electron's headers worked.`,
    'Both need internet access (prebuilt binaries or Electron headers). On such a machine, run `npm start` once;',
    `it puts the result in ${file}.`
  ])
}

const exe = electronBinary()
electronNative()
say('building (electron-vite build)…')
const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
  { cwd: root, stdio: ['ignore', 2, 2] }
)
if (build.status !== 0) fail(['The build failed; see the output above.'])
const app = spawn(exe, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
app.on('exit', (code) => process.exit(code ?? 0))
