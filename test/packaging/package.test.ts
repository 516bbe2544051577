/**
 * What goes into the installed app, checked here without internet: scripts/package-check.mjs builds the
 * app, runs electron-builder `--linux dir` with the repo's electron-builder.yml from a stand-in Electron
 * folder (npmRebuild false), and reports the package's contents. Real installers are made where the
 * Electron binary can be downloaded (docs/INSTALLERS.md).
 *
 * NOT SHIPPABLE: the better_sqlite3.node in this package is the checkout's Node build (Node's ABI);
 * Electron would refuse it. The real build rebuilds it for Electron (npmRebuild: true).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { FUSES } from '../../src/main/security'

const ROOT = resolve(__dirname, '../..')

interface Report {
  sizes: { appOutDir: number; asar: number; asarUnpacked: number; resources: number; asarFiles: number }
  asarFiles: string[]
  unpackedFiles: string[]
  shippedResources: string[]
  locales: string[]
  electronLicenses: string[]
  packageJson: { main: string; desktopName?: string; scripts: unknown }
  modules: Array<{ name: string; version: string; path: string }>
  requires: string[]
  loaded: Record<string, { ok: boolean; detail: string }>
  native: { packaged: string | null; checkoutNodeBuild: string | null }
  fuses: Record<string, boolean> | null
  problems: string[]
  seconds: number
}

function whyNot(): string | null {
  if (process.platform !== 'linux') return 'the stand-in Electron is a Linux build folder; run on Linux'
  if (!existsSync(join(ROOT, 'node_modules', 'electron-builder', 'cli.js')))
    return 'electron-builder is not installed'
  return null
}
const skipReason = whyNot()

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]
  )
}

const title = skipReason
  ? `packaging check (skipped: ${skipReason})`
  : 'the package electron-builder makes (--linux dir, stand-in Electron)'

describe.skipIf(skipReason !== null)(title, () => {
  let report: Report

  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package-check.mjs'), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 256 << 20,
      timeout: 170_000
    })
    if (!r.stdout.startsWith('{')) throw new Error(`package-check failed (exit ${r.status}):\n${r.stderr}`)
    report = JSON.parse(r.stdout) as Report
  }, 180_000)

  it('holds the built app and its package.json in app.asar', () => {
    for (const f of [
      'out/main/index.js',
      'out/main/train-worker.js',
      'out/main/import-worker.js',
      'out/main/analyse-worker.js',
      'out/preload/index.js',
      'out/renderer/index.html',
      'package.json'
    ]) {
      expect(report.asarFiles).toContain(f)
    }
    expect(report.packageJson.main).toBe('./out/main/index.js')
    expect(report.packageJson.desktopName).toBe('otklik.desktop')
    expect(report.packageJson.scripts).toBeNull()
  })

  it('holds the production dependencies; native .node files are unpacked beside app.asar', () => {
    for (const dep of [
      'better-sqlite3',
      'zod',
      'exceljs',
      'docx',
      'pdfkit',
      'echarts',
      '@resvg/resvg-js',
      'croner'
    ]) {
      expect(report.modules.map((m) => m.path)).toContain(`node_modules/${dep}`)
    }
    expect(report.unpackedFiles).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node')
    const nativeInAsar = report.asarFiles.filter((f) => f.endsWith('.node'))
    expect(nativeInAsar.every((f) => report.unpackedFiles.includes(f))).toBe(true)
  })

  it('holds no source maps, TypeScript, repository folders, fixtures or development packages', () => {
    expect(report.asarFiles.filter((f) => f.endsWith('.map'))).toEqual([])
    expect(report.asarFiles.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f))).toEqual([])
    expect(report.asarFiles.filter((f) => /^(src|test|e2e|bench|scripts|build|docs)\//.test(f))).toEqual([])
    expect(report.asarFiles.filter((f) => f.includes('fixtures/'))).toEqual([])
    const names = new Set(report.modules.map((m) => m.name))
    for (const dev of [
      'react',
      'react-dom',
      'ag-grid-community',
      'ag-grid-react',
      'vite',
      'vitest',
      '@playwright/test',
      'playwright-core',
      'electron',
      'electron-builder',
      'typescript',
      'electron-vite',
      'tsx'
    ]) {
      expect(names.has(dev), dev).toBe(false)
    }
  })

  it('ships every file of resources/ as resources/resources (fonts, sentiment model, topics, icons, notices)', () => {
    const repo = listFiles(join(ROOT, 'resources')).map((f) =>
      relative(join(ROOT, 'resources'), f).split('\\').join('/')
    )
    expect(report.shippedResources.sort()).toEqual(repo.sort())
    for (const f of [
      'fonts/PTSans-Regular.ttf',
      'sentiment/model.json',
      'topics/default-topics.json',
      'THIRD-PARTY-NOTICES.md',
      'icons/icon.png'
    ]) {
      expect(report.shippedResources).toContain(f)
    }
  })

  it('loads and uses every module the main process requires, from the package alone', () => {
    expect(report.requires).toEqual(
      expect.arrayContaining(['better-sqlite3', 'docx', 'echarts', 'exceljs', 'pdfkit'])
    )
    const failed = Object.entries(report.loaded).filter(([, r]) => !r.ok)
    expect(failed).toEqual([])
    expect(Object.keys(report.loaded).sort()).toEqual([...report.requires].sort())
  })

  it('carries the Node build of better_sqlite3.node here: not shippable (installers rebuild it for Electron)', () => {
    expect(report.native.packaged).not.toBeNull()
    expect(report.native.packaged).toBe(report.native.checkoutNodeBuild)
  })

  it('has its fuses set from FUSES in src/main/security.ts (build/after-pack.cjs)', () => {
    expect(report.fuses).toMatchObject(FUSES)
    expect(report.fuses?.runAsNode).toBe(false)
  })

  it("keeps only the app's Chromium locales and Electron's licence files", () => {
    expect(report.locales).toEqual(['en-US', 'kk', 'ru'])
    expect(report.electronLicenses).toEqual(['LICENSE.electron.txt', 'LICENSES.chromium.html'])
  })

  it('breaks no rule of scripts/package-check.mjs (notices list exactly the shipped npm packages, …)', () => {
    expect(report.problems).toEqual([])
  })

  it('stays within its size budget', () => {
    const mb = (n: number) => Math.round(n / 1e5) / 10
    console.log(
      `package without Electron: ${mb(report.sizes.appOutDir)} MB (app.asar ${mb(report.sizes.asar)} MB, ` +
        `${report.sizes.asarFiles} files; unpacked ${mb(report.sizes.asarUnpacked)} MB; resources ${mb(report.sizes.resources)} MB); ` +
        `${report.modules.length} npm packages; check took ${report.seconds} s`
    )
    expect(report.sizes.asar).toBeLessThan(70e6)
  })
})
