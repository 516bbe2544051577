import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/src/i18n/en'
import { kk } from '../../src/renderer/src/i18n/kk'
import { ru } from '../../src/renderer/src/i18n/ru'

const RENDERER = resolve(__dirname, '../../src/renderer/src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) return name === 'i18n' ? [] : sources(p)
    return /\.tsx?$/.test(name) ? [p] : []
  })
}

describe('interface dictionaries', () => {
  const ruKeys = Object.keys(ru).sort()

  it('kk has exactly the keys of ru', () => {
    expect(Object.keys(kk).sort()).toEqual(ruKeys)
  })

  it('en has exactly the keys of ru', () => {
    expect(Object.keys(en).sort()).toEqual(ruKeys)
  })

  it('no translation is empty, and each keeps the {placeholders} of the Russian text', () => {
    const params = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort()
    for (const [name, dict] of [
      ['kk', kk],
      ['en', en]
    ] as const) {
      for (const key of ruKeys) {
        const v = (dict as Record<string, string>)[key]!
        expect(v.trim(), `${name} ${key}`).not.toBe('')
        expect(params(v), `${name} ${key}`).toEqual(params((ru as Record<string, string>)[key]!))
      }
    }
  })

  it('every literal key the renderer asks for exists', () => {
    const used = new Set<string>()
    for (const file of sources(RENDERER)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!)
    }
    expect(used.size).toBeGreaterThan(100)
    const missing = [...used].filter((k) => !(k in ru))
    expect(missing).toEqual([])
  })
})
