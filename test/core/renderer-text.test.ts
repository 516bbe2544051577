import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const RENDERER = resolve(__dirname, '..', '..', 'src', 'renderer', 'src')

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : /\.(tsx?|ts)$/.test(n) ? [p] : []
  })
}

describe('text from outside is data in the renderer', () => {
  it('no component renders markup from strings (dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML)', () => {
    const offenders = files(RENDERER).filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write/.test(
        readFileSync(f, 'utf8')
      )
    )
    expect(offenders).toEqual([])
  })
})
