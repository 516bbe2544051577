/**
 * Writes resources/THIRD-PARTY-NOTICES.md: everything others made that ships in Otklik, with licences.
 *
 *  1. fixed entries: Electron (runtime), PT Sans (resources/fonts), RuSentNE-2023 (training data of
 *     resources/sentiment/model.json);
 *  2. the production dependency tree: package.json "dependencies" walked through node_modules the way
 *     Node resolves them; this is what electron-builder copies into app.asar (test/packaging compares);
 *  3. packages bundled into out/ by electron-vite (React, AG Grid, ECharts in the renderer; zod in the
 *     preload…): read from the source maps of a build into a temporary folder (skip with --no-bundled).
 *
 * Platform binaries (e.g. @resvg/resvg-js-linux-x64-gnu) are the ones installed here: CI regenerates
 * the file on each platform before packaging. Output is deterministic (sorted, no dates).
 *
 * Usage: npx tsx scripts/notices.ts [--check] [--no-bundled] [--out FILE]
 *   --check  exit 1 when the file differs from what would be written (nothing is written)
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'

const ROOT = resolve(__dirname, '..')

export type Where = 'node_modules' | 'bundled'

export interface PackageNotice {
  name: string
  version: string
  license: string
  homepage: string | null
  dir: string
  where: Set<Where>
}

interface PackageJson {
  name?: string
  version?: string
  license?: string | { type?: string }
  licenses?: Array<{ type?: string }>
  homepage?: string
  repository?: string | { url?: string }
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}

function readJson(file: string): PackageJson {
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson
}

/** Node's lookup: <dir>/node_modules/<name>, then the same in each parent folder. */
export function resolvePackageDir(name: string, fromDir: string): string | null {
  let dir = fromDir
  for (;;) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    const up = dirname(dir)
    if (up === dir) return null
    dir = up
  }
}

function licenseOf(pkg: PackageJson): string {
  if (typeof pkg.license === 'string') return pkg.license
  if (pkg.license?.type) return pkg.license.type
  const list = (pkg.licenses ?? []).map((l) => l.type).filter(Boolean)
  return list.length ? list.join(' OR ') : 'UNKNOWN'
}

function homepageOf(pkg: PackageJson): string | null {
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url
  const url = pkg.homepage ?? repo ?? null
  return url ? url.replace(/^git\+/, '').replace(/\.git$/, '') : null
}

function notice(dir: string, where: Where): PackageNotice {
  const pkg = readJson(join(dir, 'package.json'))
  return {
    name: pkg.name ?? dir.split(sep).pop() ?? dir,
    version: pkg.version ?? '0.0.0',
    license: licenseOf(pkg),
    homepage: homepageOf(pkg),
    dir,
    where: new Set([where])
  }
}

/** The packages "dependencies" pulls in (optional and required peers included when installed). */
export function productionPackages(root = ROOT): PackageNotice[] {
  const found = new Map<string, PackageNotice>()
  const queue: Array<{ name: string; from: string; optional: boolean }> = []
  const enqueue = (pkg: PackageJson, from: string) => {
    for (const name of Object.keys(pkg.dependencies ?? {})) queue.push({ name, from, optional: false })
    for (const name of Object.keys(pkg.optionalDependencies ?? {})) queue.push({ name, from, optional: true })
    for (const name of Object.keys(pkg.peerDependencies ?? {})) {
      queue.push({ name, from, optional: pkg.peerDependenciesMeta?.[name]?.optional === true })
    }
  }
  enqueue(readJson(join(root, 'package.json')), root)
  while (queue.length) {
    const { name, from, optional } = queue.pop()!
    const dir = resolvePackageDir(name, from)
    if (!dir) {
      if (optional) continue // another platform's binary, or an optional peer not installed
      throw new Error(`notices: ${name} (needed by ${relative(root, from) || 'the app'}) is not installed`)
    }
    if (found.has(dir)) continue
    found.set(dir, notice(dir, 'node_modules'))
    enqueue(readJson(join(dir, 'package.json')), dir)
  }
  return [...found.values()]
}

/** Packages whose code electron-vite bundled into out/, from a source-mapped build in a temp folder. */
export function bundledPackages(root = ROOT): PackageNotice[] {
  const outDir = mkdtempSync(join(tmpdir(), 'otklik-notices-'))
  try {
    const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
    const r = spawnSync(
      process.execPath,
      [cli, 'build', '--sourcemap', '--outDir', outDir, '--logLevel', 'error'],
      {
        cwd: root,
        encoding: 'utf8'
      }
    )
    if (r.status !== 0) throw new Error(`notices: electron-vite build failed\n${r.stderr}`)
    const dirs = new Set<string>()
    for (const map of listFiles(outDir).filter((f) => f.endsWith('.map'))) {
      const { sources = [] } = JSON.parse(readFileSync(map, 'utf8')) as { sources?: string[] }
      for (const source of sources) {
        const abs = resolve(dirname(map), source.replace(/^[a-z]+:\/\//, ''))
        const dir = packageRootOf(abs)
        if (dir) dirs.add(dir)
      }
    }
    return [...dirs].map((d) => notice(d, 'bundled'))
  } finally {
    rmSync(outDir, { recursive: true, force: true })
  }
}

/** /x/node_modules/@s/p/lib/a.js → /x/node_modules/@s/p (the innermost package under node_modules). */
function packageRootOf(file: string): string | null {
  const parts = file.split(sep)
  const i = parts.lastIndexOf('node_modules')
  if (i < 0 || i + 1 >= parts.length) return null
  const scoped = parts[i + 1]!.startsWith('@')
  const dir = parts.slice(0, i + (scoped ? 3 : 2)).join(sep)
  return existsSync(join(dir, 'package.json')) ? dir : null
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]
  )
}

const LICENSE_FILE = /^(licen[cs]e|copying|notice|copyrightnotice)([.\-_].*)?$/i

/** Licence texts a package ships: LICENSE*, COPYING*, NOTICE* and files in a licenses/ folder. */
export function licenseTexts(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (LICENSE_FILE.test(name) && statSync(path).isFile())
      out.push({ file: name, text: readFileSync(path, 'utf8') })
    if (/^licen[cs]es$/i.test(name) && statSync(path).isDirectory()) {
      for (const inner of readdirSync(path).sort()) {
        out.push({ file: `${name}/${inner}`, text: readFileSync(join(path, inner), 'utf8') })
      }
    }
  }
  return out
}

interface FixedEntry {
  name: string
  version: string
  license: string
  where: string
  texts: Array<{ file: string; text: string }>
}

function fixedEntries(root: string): FixedEntry[] {
  const electron = readJson(join(root, 'node_modules', 'electron', 'package.json'))
  const read = (rel: string) => ({ file: rel, text: readFileSync(join(root, rel), 'utf8') })
  return [
    {
      name: 'Electron',
      version: electron.version ?? '',
      license: 'MIT',
      where:
        'the application runtime; Chromium’s and Node.js’s licences are in LICENSES.chromium.html beside the executable',
      texts: [read('node_modules/electron/LICENSE')]
    },
    {
      name: 'PT Sans (ParaType)',
      version: '2010',
      license: 'OFL-1.1',
      where: 'resources/fonts (the app, PDF and DOCX digests, chart images)',
      texts: [read('resources/fonts/OFL.txt')]
    },
    {
      name: 'RuSentNE-2023 (Golubev, Rusnachenko, Loukachevitch)',
      version: '2023',
      license: 'MIT',
      where: 'training data of the sentiment model, resources/sentiment/model.json',
      texts: [read('resources/sentiment/LICENSE-rusentne2023.txt')]
    }
  ]
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const normalise = (s: string) => s.replace(/\r\n/g, '\n').trim()

function fence(text: string): string {
  const ticks = '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((m) => m.length + 1)))
  return `${ticks}text\n${text}\n${ticks}`
}

/** The notices file: a summary table, then each distinct licence text once with who uses it. */
export function renderNotices(packages: PackageNotice[], root = ROOT): string {
  const fixed = fixedEntries(root)
  const sorted = [...packages].sort(
    (a, b) => a.name.localeCompare(b.name, 'en') || a.version.localeCompare(b.version, 'en')
  )
  const lines = [
    '# Third-party notices',
    '',
    'Otklik («Отклик») ships the following software and data made by others. Each is used under the',
    'licence named; the licence texts follow. Generated by `npx tsx scripts/notices.ts` from the',
    'production dependency tree (`node_modules` in the package) and from the packages bundled into the',
    'built app (`bundled`); do not edit by hand.',
    '',
    '| component | version | licence | where |',
    '|---|---|---|---|',
    ...fixed.map((f) => `| ${cell(f.name)} | ${cell(f.version)} | ${cell(f.license)} | ${cell(f.where)} |`),
    ...sorted.map(
      (p) =>
        `| ${cell(p.name)} | ${cell(p.version)} | ${cell(p.license)} | ${[...p.where].sort().join(', ')} |`
    ),
    '',
    '## Licence texts',
    ''
  ]
  // One section per distinct text, naming every component that carries it.
  const groups = new Map<string, { file: string; users: string[] }>()
  const add = (user: string, file: string, text: string) => {
    const key = normalise(text)
    const g = groups.get(key) ?? { file, users: [] }
    g.users.push(user)
    groups.set(key, g)
  }
  for (const f of fixed) for (const t of f.texts) add(`${f.name} ${f.version}`, t.file, t.text)
  const missing: string[] = []
  for (const p of sorted) {
    const texts = licenseTexts(p.dir)
    if (!texts.length) missing.push(`${p.name} ${p.version} (${p.license})`)
    for (const t of texts) add(`${p.name} ${p.version}`, t.file, t.text)
  }
  for (const [text, g] of groups) {
    lines.push(`### ${g.users.join(', ')}`, '', `From \`${g.file}\`:`, '', fence(text), '')
  }
  if (missing.length) {
    lines.push(
      '### Packages without a licence file',
      '',
      'These packages ship no licence text; their package.json names the licence given in the table:',
      '',
      ...missing.map((m) => `- ${m}`),
      ''
    )
  }
  return lines.join('\n')
}

/**
 * Production tree and bundled packages, one entry per name@version (npm may install the same version
 * in several folders; a package can be both in node_modules and bundled).
 */
export function collectPackages(root = ROOT, withBundled = true): PackageNotice[] {
  const byId = new Map<string, PackageNotice>()
  for (const p of [...productionPackages(root), ...(withBundled ? bundledPackages(root) : [])]) {
    const id = `${p.name}@${p.version}`
    const seen = byId.get(id)
    if (seen) for (const w of p.where) seen.where.add(w)
    else byId.set(id, p)
  }
  return [...byId.values()]
}

function main(argv: string[]): number {
  const check = argv.includes('--check')
  const outIndex = argv.indexOf('--out')
  const out = resolve(
    outIndex >= 0 && argv[outIndex + 1]
      ? argv[outIndex + 1]!
      : join(ROOT, 'resources', 'THIRD-PARTY-NOTICES.md')
  )
  const text = renderNotices(collectPackages(ROOT, !argv.includes('--no-bundled')))
  if (check) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : ''
    if (current === text) return 0
    process.stderr.write(`notices: ${relative(ROOT, out)} is out of date; run npx tsx scripts/notices.ts\n`)
    return 1
  }
  writeFileSync(out, text)
  process.stdout.write(`notices: wrote ${relative(ROOT, out)} (${text.length} characters)\n`)
  return 0
}

if (process.argv[1] && resolve(process.argv[1]) === __filename) process.exitCode = main(process.argv.slice(2))
