/** resources/THIRD-PARTY-NOTICES.md is current and names the things the app ships. */
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { collectPackages, productionPackages, renderNotices } from '../../scripts/notices'

const ROOT = resolve(__dirname, '../..')
const committed = () => readFileSync(join(ROOT, 'resources', 'THIRD-PARTY-NOTICES.md'), 'utf8')

describe('third-party notices', () => {
  it('are what scripts/notices.ts generates from node_modules and the bundled build now', () => {
    // Builds the app into a temp folder with source maps to see what the bundles contain (~15 s).
    expect(renderNotices(collectPackages(ROOT, true), ROOT)).toBe(committed())
  }, 120_000)

  it('name the fonts, the training data, Electron and the bundled renderer libraries with licences', () => {
    const text = committed()
    expect(text).toMatch(/\| PT Sans \(ParaType\) \| 2010 \| OFL-1\.1 \|/)
    expect(text).toMatch(/\| RuSentNE-2023 .*\| MIT \|/)
    expect(text).toMatch(/\| Electron \| \d+\.\d+\.\d+ \| MIT \|/)
    expect(text).toMatch(/\| react \| [\d.]+ \| MIT \| bundled \|/)
    expect(text).toMatch(/\| ag-grid-community \| [\d.]+ \| MIT \| bundled \|/)
    expect(text).toContain('SIL OPEN FONT LICENSE')
  })

  it('walk the production tree only: every dependency, no development tool', () => {
    const names = new Set(productionPackages(ROOT).map((p) => p.name))
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>
    }
    for (const dep of Object.keys(pkg.dependencies)) expect(names.has(dep), dep).toBe(true)
    for (const dev of ['vitest', 'vite', 'electron-builder', 'typescript', 'react', 'electron'])
      expect(names.has(dev), dev).toBe(false)
  })
})
