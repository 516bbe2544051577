import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { bilingualHints, parseQuery, withAlternative, type KnownQuery } from '../../src/shared/query'

const SUBJECTS: KnownQuery[] = [
  { name: 'Акимат', query: 'акимат OR аким OR әкімдік* OR әкім*' },
  { name: 'Транспорт', query: 'автобус* OR маршрут* OR "общественный транспорт"' },
  { name: 'Сломанный', query: 'акимат OR (' }
]
const TOPICS: KnownQuery[] = (
  JSON.parse(readFileSync('resources/topics/default-topics.json', 'utf8')) as {
    topics?: { key: string; query: string | null }[]
  } & { key: string; query: string | null }[]
).map((t) => ({ name: t.key, query: t.query }))

describe('bilingualHints', () => {
  it('offers the Kazakh form of a Russian term of a subject, closest first, and back', () => {
    const [h] = bilingualHints('акимат', SUBJECTS)
    expect(h).toEqual({
      term: 'акимат',
      start: 0,
      end: 6,
      alternatives: ['әкімдік*', 'әкім*'],
      source: 'Акимат'
    })
    expect(bilingualHints('аким', SUBJECTS)[0]?.alternatives[0]).toBe('әкім*')
    expect(bilingualHints('әкімдік', SUBJECTS)[0]?.alternatives[0]).toBe('акимат')
    // a form of the word, or a form the wildcard covers, is the same term
    expect(bilingualHints('акимата', SUBJECTS)[0]?.alternatives).toContain('әкімдік*')
    expect(bilingualHints('әкімдігі', SUBJECTS)[0]?.alternatives[0]).toBe('акимат')
  })

  it('says nothing when the query already has the other form, or the word is unknown', () => {
    expect(bilingualHints('акимат OR аким OR әкімдік OR әкім', SUBJECTS)).toEqual([])
    expect(bilingualHints('ремонт', SUBJECTS)).toEqual([])
    expect(bilingualHints('', SUBJECTS)).toEqual([])
    expect(bilingualHints('акимат (', SUBJECTS)).toEqual([])
    expect(bilingualHints('автобус', SUBJECTS)).toEqual([])
  })

  it('places each hint on its word, inside fields and NEAR too', () => {
    const hints = bilingualHints('ремонт title:аким NEAR/3 жол', SUBJECTS)
    expect(hints).toHaveLength(1)
    expect(hints[0]).toMatchObject({ term: 'аким', start: 13, end: 17 })
  })

  it('takes a hint in place so the rest of the query keeps its meaning', () => {
    const q = 'акимат ремонт NOT коррупция'
    const [h] = bilingualHints(q, SUBJECTS)
    const next = withAlternative(q, h!, 'әкімдік*')
    expect(next).toBe('(акимат OR әкімдік*) ремонт NOT коррупция')
    expect(() => parseQuery(next)).not.toThrow()
    // «акимат» is answered now (әкім* covers әкімдік too); «әкімдік*» still lacks «аким»
    expect(bilingualHints(next, SUBJECTS).map((h) => [h.term, h.alternatives])).toEqual([
      ['әкімдік*', ['аким']]
    ])
    const t = bilingualHints('title:аким', SUBJECTS)[0]!
    expect(withAlternative('title:аким', t, 'әкім*')).toBe('title:(аким OR әкім*)')
  })

  it('in long topic rule lists offers only look-alike words of the other language', () => {
    const all = [...SUBJECTS, ...TOPICS]
    const bus = bilingualHints('автобус', all)
    // «аялдама» (a stop) is in the transport topic but is no form of «автобус»
    for (const h of bus) expect(h.alternatives).not.toContain('аялдама*')
    // «зейнеткер» has no Kazakh-only letter, yet it is Kazakh like «зейнетақы»: not a Russian form of it
    expect(bilingualHints('зейнетақы', all)).toEqual([])
    const hints = bilingualHints('коммунальные', all)
    for (const h of hints) for (const a of h.alternatives) expect(a).toMatch(/^коммунал|^"?коммунал/)
  })
})
