import { describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/api/dispatch'
import { createHandlers } from '../../src/main/core/api/handlers'
import { Workspace } from '../../src/main/core/workspace'
import { createDemo } from '../../src/main/core/demo'
import type { CatalogPart } from '../../src/shared/api'
import { tempDb } from '../helpers/db'

/** Every edit of the catalog is announced once by main, so every window's lists reload without asking. */
describe('catalog:changed', () => {
  it('follows each edit of topics, subjects, sources, authors and saved views', async () => {
    const { db, path } = tempDb('catalog-events')
    createDemo(db, { seed: 3, weeks: 1, until: '2026-11-22' })
    const ws = new Workspace(db, path)
    const handlers = createHandlers(ws, 'browser')
    const parts: CatalogPart[] = []
    ws.events.on('catalog:changed', (e) => parts.push(e.part))
    const ok = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = await dispatch(handlers, channel, input)
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
      return r.value as T
    }
    const expectPart = async (part: CatalogPart, run: () => Promise<unknown>): Promise<void> => {
      parts.length = 0
      await run()
      expect(parts).toEqual([part])
    }

    // Reading announces nothing.
    for (const c of ['topics:list', 'subjects:list', 'sources:list', 'views:list']) await ok(c, {})
    expect(parts).toEqual([])

    const topic = await ok<{ id: number }>('topics:save', { names: { ru: 'Котельные' }, query: 'котельн*' })
    await expectPart('topics', () =>
      ok('topics:save', { id: topic.id, names: { ru: 'Котельные' }, query: 'котельн*', enabled: false })
    )
    await expectPart('topics', () => ok('topics:remove', { id: topic.id }))

    let subject = 0
    await expectPart('subjects', async () => {
      subject = (await ok<{ id: number }>('subjects:add', { name: 'Котельные e2e', query: 'котельн*' })).id
    })
    await expectPart('subjects', () => ok('subjects:update', { id: subject, enabled: false }))
    await expectPart('subjects', () => ok('subjects:remove', { id: subject }))

    let source = 0
    await expectPart('sources', async () => {
      source = (
        await ok<{ id: number }>('sources:add', { type: 'rss', target: 'https://example.org/feed.xml' })
      ).id
    })
    await expectPart('sources', () => ok('sources:update', { id: source, name: 'Пример' }))
    await expectPart('sources', () => ok('sources:setEnabled', { id: source, enabled: false }))
    await expectPart('sources', () => ok('sources:remove', { id: source }))

    const authors = db.prepare('SELECT id FROM authors ORDER BY id LIMIT 2').all() as { id: number }[]
    const ids = authors.map((a) => a.id)
    await expectPart('authors', () => ok('authors:setType', { ids, type: 'media' }))
    await expectPart('authors', () => ok('authors:merge', { ids, into: ids[0] }))
    await expectPart('authors', () => ok('authors:unmerge', { ids: [ids[0]] }))

    let view = 0
    await expectPart('views', async () => {
      view = (await ok<{ id: number }>('views:save', { name: 'Негатив', filter: {} })).id
    })
    await expectPart('views', () => ok('views:remove', { id: view }))
    ws.close()
  })
})
