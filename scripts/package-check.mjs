#!/usr/bin/env node
// Packaging check that runs without internet: builds the app (electron-vite, into a temp folder),
// packages it with electron-builder `--linux dir` from a stand-in Electron folder and the repo's
// electron-builder.yml (overridden: electronDist, npmRebuild false, output and out/ in temp), then
// reports what went into the package: app.asar contents, unpacked native files, shipped resources,
// Chromium locales, fuses (flipped by build/after-pack.cjs), sizes, and whether every module the main
// process requires loads and works from the package alone (under Node).
//
// The package it makes is NOT shippable: there is no real Electron in it, and better_sqlite3.node is the
// Node build from node_modules (Node's ABI), which Electron refuses to load. Real installers are made on
// a machine with internet (docs/INSTALLERS.md), where electron-builder rebuilds it for Electron.
//
//   node scripts/package-check.mjs [--no-build] [--json] [--keep]
//       --no-build  package the checkout's out/ as it is   --json  print the report as JSON on stdout
//       --keep      keep the temporary folder (its path is in the report)
//   node scripts/package-check.mjs --smoke DIR
//       on a machine with a real packaged app (CI): runs the app's own binary in DIR (linux-unpacked,
//       win-unpacked, mac*/) headless as the CLI (`demo`, then `stats`) and checks its fuses.
import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync
} from 'node:fs'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(ROOT, 'package.json'))
const say = (msg) => process.stderr.write(`package-check: ${msg}\n`)

/** Electron 45's default fuse wire ('1' on, '0' off), so the after-pack hook has something to flip. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const STAND_IN_WIRE = '10110001'
/** Locales in the stand-in: electronLanguages (ru, kk, en-US) must drop de and fr. */
const STAND_IN_LOCALES = ['ru', 'kk', 'en-US', 'de', 'fr']
export const EXPECTED_LOCALES = ['en-US', 'kk', 'ru']

/** Development packages that must never reach the package, whatever else changes. */
export const FORBIDDEN_PACKAGES = [
  'react',
  'react-dom',
  'ag-grid-community',
  'ag-grid-react',
  '@ag-grid-community/locale',
  'vite',
  'vitest',
  '@playwright/test',
  'playwright',
  'playwright-core',
  'electron',
  'electron-builder',
  'app-builder-lib',
  'electron-vite',
  'typescript',
  'tsx',
  'eslint',
  'prettier',
  '@vitejs/plugin-react',
  'esbuild',
  'rollup'
]

/** The stand-in Electron: the file names electron-builder's linux dir target needs, nothing real. */
export function makeStandInElectron(dir) {
  mkdirSync(join(dir, 'locales'), { recursive: true })
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const exe = join(dir, 'electron')
  writeFileSync(
    exe,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in for Electron (package-check): not runnable" >&2\nexit 1\n# '),
      Buffer.from(SENTINEL, 'latin1'),
      Buffer.from([1, STAND_IN_WIRE.length]),
      Buffer.from(`${STAND_IN_WIRE}\n`, 'latin1')
    ])
  )
  chmodSync(exe, 0o755)
  for (const l of STAND_IN_LOCALES) writeFileSync(join(dir, 'locales', `${l}.pak`), `stand-in ${l}\n`)
  writeFileSync(join(dir, 'LICENSE'), 'stand-in for Electron’s MIT licence\n')
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!-- stand-in -->\n')
  writeFileSync(
    join(dir, 'version'),
    JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  )
  return dir
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, ...opts })
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error }
}

/** electron-vite build into a folder of its own: the checkout's out/ (used by the test host) stays as is. */
export function buildApp(outDir) {
  const r = run(process.execPath, [
    join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build',
    '--outDir',
    outDir,
    '--logLevel',
    'warn'
  ])
  if (r.status !== 0) throw new Error(`electron-vite build failed:\n${r.stderr}${r.stdout}`)
}

/**
 * electron-builder.yml with the offline overrides: a stand-in Electron, no native rebuild, output to a
 * temp folder, and (unless it packages the checkout's out/) the app's build taken from builtOut.
 */
export function checkConfig({ electronDist, outDir, builtOut }) {
  const yaml = require('js-yaml')
  const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'))
  config.npmRebuild = false
  config.electronDist = electronDist
  config.directories = { ...config.directories, output: outDir }
  if (builtOut) {
    const outPatterns = config.files.filter((f) => typeof f === 'string' && /^!?out\//.test(f))
    if (!outPatterns.includes('out/**')) throw new Error('electron-builder.yml: files no longer lists out/**')
    config.files = [
      ...config.files.filter((f) => !outPatterns.includes(f)),
      { from: builtOut, to: 'out', filter: outPatterns.map((f) => f.replace(/^(!?)out\//, '$1')) }
    ]
  }
  return config
}

/** electron-builder --linux dir (x64) with checkConfig(); returns the unpacked app folder. */
export function packageApp({ electronDist, outDir, builtOut, configFile }) {
  writeFileSync(configFile, JSON.stringify(checkConfig({ electronDist, outDir, builtOut }), null, 2))
  const r = run(process.execPath, [
    join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
    '--linux',
    'dir',
    '--x64',
    '--publish',
    'never',
    '--config',
    configFile
  ])
  const log = `${r.stdout}${r.stderr}`
  if (r.status !== 0) throw new Error(`electron-builder failed (exit ${r.status}):\n${log}`)
  return { appOutDir: join(outDir, 'linux-unpacked'), log }
}

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    return e.isDirectory() ? listFiles(p, base) : [relative(base, p).split(sep).join('/')]
  })
}

function sha256(file) {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null
}

function du(path) {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  return s.isDirectory() ? readdirSync(path).reduce((n, f) => n + du(join(path, f)), 0) : s.size
}

/** Bare module names the built main process requires (not node: built-ins, not electron). */
function mainRequires(outMainDir) {
  const names = new Set()
  for (const f of listFiles(outMainDir).filter((f) => f.endsWith('.js'))) {
    for (const m of readFileSync(join(outMainDir, f), 'utf8').matchAll(/require\("([^"./][^"]*)"\)/g)) {
      const spec = m[1]
      if (spec.startsWith('node:') || spec === 'electron') continue
      const parts = spec.split('/')
      names.add(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0])
    }
  }
  return [...names].sort()
}

function readFuses(binary) {
  const wire = readFileSync(binary)
  const at = wire.indexOf(SENTINEL)
  if (at < 0) return null
  const { FUSE_OPTION_NAMES } = require(join(ROOT, 'build', 'after-pack.cjs'))
  const { FuseV1Options } = loadFusesLibrary()
  const len = wire[at + SENTINEL.length + 1]
  const fuses = {}
  for (const [key, name] of Object.entries(FUSE_OPTION_NAMES)) {
    const i = FuseV1Options[name]
    if (i < len) fuses[key] = String.fromCharCode(wire[at + SENTINEL.length + 2 + i]) === '1'
  }
  return fuses
}

/** Keys of FUSES whose fuse in the binary is not set as FUSES says ("key=actual"). */
export function fuseMismatches(actual, expected) {
  if (!actual) return ['no fuse wire in the binary']
  return Object.entries(expected)
    .filter(([k, v]) => actual[k] !== v)
    .map(([k]) => `${k}=${actual[k] === undefined ? 'missing' : actual[k]}`)
}

function loadFusesLibrary() {
  try {
    return require('@electron/fuses')
  } catch {
    const abl = dirname(require.resolve('app-builder-lib/package.json'))
    return require(require.resolve('@electron/fuses', { paths: [abl] }))
  }
}

function loadFUSES() {
  const tsx = require('tsx/cjs/api')
  return tsx.require('./src/main/security.ts', join(ROOT, 'package.json')).FUSES
}

/** Name and version of every package folder in the extracted app (nested node_modules included). */
function packagedModules(appDir) {
  const found = []
  for (const f of listFiles(join(appDir, 'node_modules'))) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/@][^/]*)\/package\.json$/.exec(`node_modules/${f}`)
    if (!m) continue
    const pkg = JSON.parse(readFileSync(join(appDir, 'node_modules', f), 'utf8'))
    if (pkg.name === m[1])
      found.push({
        name: pkg.name,
        version: pkg.version,
        path: `node_modules/${f.slice(0, -'/package.json'.length)}`
      })
  }
  return found
}

/** node_modules rows of resources/THIRD-PARTY-NOTICES.md: "name@version". */
function noticedModules() {
  const text = readFileSync(join(ROOT, 'resources', 'THIRD-PARTY-NOTICES.md'), 'utf8')
  const rows = text.split('\n').filter((l) => /^\| .* \| .* \| .* \| .*node_modules.* \|$/.test(l))
  return new Set(
    rows.map((l) => l.split(' | ').map((c) => c.replace(/^\| |\\/g, '').trim())).map(([n, v]) => `${n}@${v}`)
  )
}

/** What is in the package, measured; `problems` lists every rule it breaks. */
export function inspectPackage(appOutDir, workDir) {
  const resourcesOut = join(appOutDir, 'resources')
  const asarPath = join(resourcesOut, 'app.asar')
  const asar = require('@electron/asar')
  const entries = asar
    .listPackage(asarPath, { isPack: false })
    .map((p) => p.replace(/\\/g, '/').replace(/^\//, ''))
  const asarFiles = entries.filter((p) => !('files' in asar.statFile(asarPath, p, false)))
  const unpackedFiles = listFiles(`${asarPath}.unpacked`)
  const shippedResources = listFiles(join(resourcesOut, 'resources'))
  const extracted = join(workDir, 'app')
  asar.extractAll(asarPath, extracted)
  const packageJson = JSON.parse(readFileSync(join(extracted, 'package.json'), 'utf8'))
  const modules = packagedModules(extracted)
  const requires = mainRequires(join(extracted, 'out', 'main'))
  const exercise = run(
    process.execPath,
    [
      join(ROOT, 'build', 'exercise-modules.cjs'),
      extracted,
      join(resourcesOut, 'resources'),
      JSON.stringify(requires)
    ],
    { cwd: extracted }
  )
  let loaded = {}
  try {
    loaded = JSON.parse(exercise.stdout)
  } catch {
    loaded = {
      '(child process)': { ok: false, detail: exercise.stderr.split('\n')[0] || `exit ${exercise.status}` }
    }
  }
  const FUSES = loadFUSES()
  const report = {
    appOutDir,
    executable: existsSync(join(appOutDir, 'otklik')) ? 'otklik' : null,
    sizes: {
      appOutDir: du(appOutDir),
      asar: du(asarPath),
      asarUnpacked: du(`${asarPath}.unpacked`),
      resources: du(join(resourcesOut, 'resources')),
      asarFiles: asarFiles.length
    },
    asarFiles,
    unpackedFiles,
    shippedResources,
    locales: listFiles(join(appOutDir, 'locales'))
      .map((f) => f.replace(/\.pak$/, ''))
      .sort(),
    electronLicenses: ['LICENSE.electron.txt', 'LICENSES.chromium.html'].filter((f) =>
      existsSync(join(appOutDir, f))
    ),
    packageJson: {
      main: packageJson.main,
      version: packageJson.version,
      desktopName: packageJson.desktopName,
      scripts: packageJson.scripts ?? null
    },
    modules,
    requires,
    loaded,
    // The same bytes as the checkout's Node build: this package could not load it in Electron.
    native: {
      packaged: sha256(
        join(
          `${asarPath}.unpacked`,
          'node_modules',
          'better-sqlite3',
          'build',
          'Release',
          'better_sqlite3.node'
        )
      ),
      checkoutNodeBuild: sha256(
        join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
      )
    },
    fuses: readFuses(join(appOutDir, 'otklik')),
    expectedFuses: FUSES,
    problems: []
  }
  report.problems = findProblems(report)
  return report
}

const few = (list, n = 8) =>
  `${list.slice(0, n).join(', ')}${list.length > n ? ` (+${list.length - n} more)` : ''}`

export function findProblems(r) {
  const problems = []
  const inAsar = new Set(r.asarFiles)
  const need = (cond, msg) => cond || problems.push(msg)
  for (const f of [
    'package.json',
    'out/main/index.js',
    'out/main/train-worker.js',
    'out/main/import-worker.js',
    'out/main/analyse-worker.js',
    'out/preload/index.js',
    'out/renderer/index.html'
  ]) {
    need(inAsar.has(f), `app.asar lacks ${f}`)
  }
  need(r.packageJson.main === './out/main/index.js', `package.json main is ${r.packageJson.main}`)
  need(
    r.packageJson.desktopName === 'otklik.desktop',
    'package.json in the app has no desktopName otklik.desktop'
  )
  need(r.packageJson.scripts === null, 'package.json in the app still has scripts')
  const bad = (re, what) => {
    const hits = r.asarFiles.filter((f) => re.test(f))
    need(hits.length === 0, `app.asar holds ${what}: ${few(hits)}`)
  }
  bad(/\.map$/, 'source maps')
  bad(/\.(ts|tsx|mts|cts)$/, 'TypeScript files')
  bad(
    /^(src|test|e2e|bench|scripts|build|resources|docs|\.github|\.ci|dist|test-results|\.electron-native)\//,
    'repository folders'
  )
  bad(/(^|\/)fixtures\//, 'test fixtures')
  bad(/^node_modules\/\.bin\//, 'node_modules/.bin')
  bad(/^node_modules\/better-sqlite3\/(deps|src)\//, "better-sqlite3's C sources")
  bad(
    /^node_modules\/better-sqlite3\/build\/Release\/(obj|test_extension)/,
    "better-sqlite3's build intermediates"
  )
  const nativeFile = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'
  need(r.unpackedFiles.includes(nativeFile), `${nativeFile} is not in app.asar.unpacked`)
  const packed = r.asarFiles.filter((f) => f.endsWith('.node') && !r.unpackedFiles.includes(f))
  need(packed.length === 0, `native files packed inside app.asar: ${packed.join(', ')}`)

  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const names = new Set(r.modules.map((m) => m.name))
  for (const dep of Object.keys(pkg.dependencies ?? {}))
    need(
      r.modules.some((m) => m.path === `node_modules/${dep}`),
      `production dependency ${dep} is missing`
    )
  for (const dev of FORBIDDEN_PACKAGES) need(!names.has(dev), `development package ${dev} is in the package`)
  const noticed = noticedModules()
  const shipped = new Set(r.modules.map((m) => `${m.name}@${m.version}`))
  for (const dev of Object.keys(pkg.devDependencies ?? {})) {
    const hit = r.modules.filter((m) => m.name === dev)
    for (const m of hit)
      need(
        noticed.has(`${m.name}@${m.version}`),
        `devDependency ${dev} is in the package, not as a production dependency`
      )
  }
  const unlisted = [...shipped].filter((id) => !noticed.has(id))
  const stale = [...noticed].filter((id) => !shipped.has(id))
  need(
    unlisted.length === 0,
    `THIRD-PARTY-NOTICES.md does not list ${few(unlisted)} (run npx tsx scripts/notices.ts)`
  )
  need(
    stale.length === 0,
    `THIRD-PARTY-NOTICES.md lists packages not shipped: ${few(stale)} (run npx tsx scripts/notices.ts)`
  )

  const repoResources = listFiles(join(ROOT, 'resources'))
  const missing = repoResources.filter((f) => !r.shippedResources.includes(f))
  need(missing.length === 0, `resources not shipped in resources/resources: ${few(missing)}`)
  need(
    JSON.stringify(r.locales) === JSON.stringify(EXPECTED_LOCALES),
    `Chromium locales are ${r.locales.join(', ')}`
  )
  need(
    r.electronLicenses.length === 2,
    `Electron's licence files beside the executable: ${r.electronLicenses.join(', ')}`
  )
  need(r.executable === 'otklik', 'the Linux executable is not named otklik')
  for (const [name, res] of Object.entries(r.loaded))
    need(res.ok, `${name} does not load from the package: ${res.detail}`)
  need(
    r.requires.length > 0 && r.requires.every((n) => n in r.loaded),
    'the main process requires were not all tried'
  )
  const wrongFuses = fuseMismatches(r.fuses, r.expectedFuses)
  need(wrongFuses.length === 0, `fuses differ from FUSES in src/main/security.ts: ${wrongFuses.join(', ')}`)
  return problems
}

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`

export function runCheck({ build = true, keep = false } = {}) {
  const started = Date.now()
  const work = mkdtempSync(join(tmpdir(), 'otklik-package-'))
  try {
    const builtOut = build ? join(work, 'out') : null
    if (builtOut) {
      say('building (electron-vite build into a temp folder)…')
      buildApp(builtOut)
    }
    const electronDist = makeStandInElectron(join(work, 'electron-dist'))
    say('packaging (electron-builder --linux dir, stand-in Electron, npmRebuild false)…')
    const { appOutDir } = packageApp({
      electronDist,
      outDir: join(work, 'dist'),
      builtOut,
      configFile: join(work, 'electron-builder.json')
    })
    say('inspecting…')
    const report = inspectPackage(appOutDir, work)
    report.seconds = Math.round((Date.now() - started) / 100) / 10
    report.workDir = keep ? work : null
    return report
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true })
  }
}

/** CI, with a real packaged app: the app binary as a headless CLI, and its fuses. */
export function smoke(dir) {
  const candidates = [
    join(dir, 'otklik'),
    join(dir, 'Otklik.exe'),
    join(dir, 'Otklik.app', 'Contents', 'MacOS', 'Otklik')
  ]
  const exe = candidates.find((c) => existsSync(c))
  if (!exe) throw new Error(`no Otklik executable in ${dir}`)
  const work = mkdtempSync(join(tmpdir(), 'otklik-smoke-'))
  const env = { ...process.env, OTKLIK_USER_DATA: join(work, 'user-data'), ELECTRON_RUN_AS_NODE: '' }
  delete env.ELECTRON_RUN_AS_NODE
  const db = join(work, 'smoke.db')
  const call = (args) => {
    const r = run(exe, args, { cwd: work, env, timeout: 180_000 })
    if (r.status !== 0)
      throw new Error(`${exe} ${args.join(' ')} exited ${r.status}: ${r.stderr || r.error || ''}`)
    return JSON.parse(r.stdout)
  }
  try {
    call(['demo', '--db', db, '--weeks', '1', '--json'])
    const stats = call(['stats', '--db', db, '--json'])
    if (!(stats.mentions > 0)) throw new Error(`stats after demo: ${JSON.stringify(stats)}`)
    const fuseFile = exe.includes('.app')
      ? join(exe, '..', '..', 'Frameworks', 'Electron Framework.framework', 'Electron Framework')
      : exe
    const fuses = readFuses(fuseFile)
    const expected = loadFUSES()
    const wrong = fuseMismatches(fuses, expected)
    if (wrong.length) throw new Error(`fuses differ from FUSES in src/main/security.ts: ${wrong.join(', ')}`)
    return { executable: exe, mentions: stats.mentions, fuses }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function main(argv) {
  const smokeAt = argv.indexOf('--smoke')
  if (smokeAt >= 0) {
    const result = smoke(resolve(argv[smokeAt + 1] ?? '.'))
    say(
      `smoke ok: ${result.executable} ran demo + stats headless (${result.mentions} mentions); fuses match FUSES`
    )
    return 0
  }
  const report = runCheck({ build: !argv.includes('--no-build'), keep: argv.includes('--keep') })
  if (argv.includes('--json')) process.stdout.write(JSON.stringify(report))
  const s = report.sizes
  say(
    `package: ${mb(s.appOutDir)} (app.asar ${mb(s.asar)} in ${s.asarFiles} files, app.asar.unpacked ${mb(s.asarUnpacked)}, resources ${mb(s.resources)}) + Electron itself; ${report.modules.length} npm packages; ${report.seconds} s`
  )
  for (const [name, res] of Object.entries(report.loaded))
    say(`  ${res.ok ? 'ok ' : 'BAD'} ${name}: ${res.detail}`)
  say('note: better_sqlite3.node in this package is the Node build (not Electron’s ABI): not shippable.')
  if (report.problems.length) {
    for (const p of report.problems) say(`PROBLEM: ${p}`)
    return 1
  }
  say('all checks passed')
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2))
  } catch (e) {
    say(e instanceof Error ? e.message : String(e))
    process.exitCode = 1
  }
}
