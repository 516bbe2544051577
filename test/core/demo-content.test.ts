import { afterAll, describe, expect, it } from 'vitest'
import { tempDb } from '../helpers/db'
import { createDemo } from '../../src/main/core/demo'
import { pinClock, resetClock } from '../../src/shared/clock'

describe('the demo workspace', () => {
  // Made at 11:00 on its last day: the afternoon and evening of that day have not happened yet.
  const madeAt = Date.parse('2026-11-20T11:00:00+05:00')
  pinClock(madeAt)
  const { db } = tempDb('demo-content')
  createDemo(db, { weeks: 3, until: '2026-11-20', timeZone: 'Asia/Almaty' })
  resetClock()
  afterAll(() => db.close())
  const texts = db
    .prepare("SELECT coalesce(title, '') || ' ' || text FROM mentions")
    .pluck()
    .all() as string[]

  it('holds nothing dated after the time it was made, and still has that morning', () => {
    const last = db.prepare('SELECT max(published_at) FROM mentions').pluck().get() as number
    expect(last).toBeLessThanOrEqual(madeAt)
    const morning = db
      .prepare('SELECT count(*) FROM mentions WHERE published_at >= ?')
      .pluck()
      .get(Date.parse('2026-11-20T00:00:00+05:00')) as number
    expect(morning).toBeGreaterThan(5)
  })

  it('texts agree in case and their numbers are plausible', () => {
    expect(texts.length).toBeGreaterThan(1000)
    for (const t of texts) {
      expect(t).not.toMatch(/[{}]/)
      // «в Турксибский районе», «Турксибский ауданында»: a nominative where another case belongs.
      expect(t).not.toMatch(/ский (районе|района|ауданы)/)
      expect(t).not.toMatch(/в [А-ЯЁ]\S+ого районе|[А-ЯЁ]\S+ом района/)
      for (const m of t.matchAll(/(\d+) числа/g)) expect(Number(m[1])).toBeLessThanOrEqual(31)
      expect(t).not.toMatch(/акима Данияр /)
    }
    expect(texts.some((t) => /в [А-ЯЁ]\S+ском районе/.test(t))).toBe(true)
    expect(texts.some((t) => /[А-ЯЁ]\S+ского района/.test(t))).toBe(true)
    expect(texts.some((t) => /до \d{1,2} числа/.test(t))).toBe(true)
  })

  it("types the administration's own accounts as official", () => {
    const own = db
      .prepare("SELECT name, type FROM authors WHERE name LIKE '%акимат%' OR name LIKE '%Акимат%'")
      .all() as { name: string; type: string }[]
    expect(own.map((a) => a.name)).toContain('Пресс-служба акимата Белтау')
    for (const a of own) expect(a.type).toBe('official')
  })
})
