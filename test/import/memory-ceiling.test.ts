import { closeSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { importInWorker } from '../../src/main/core/import/worker-client'
import { IMPORT_MEMORY_CEILING_MB, importHeapMb } from '../../src/main/core/import/limits'
import { OtklikError } from '../../src/shared/errors'
import { count, tempDb, tempDir } from './helpers'

// Issue 21: one import may take at most IMPORT_MEMORY_CEILING_MB whatever the input. The worker runs here
// with a lowered ceiling (64 MB of JavaScript heap), so the inputs that prove it stay small.
const CEILING = 256

/** A channel export: `service` service messages (read and skipped), then `posts` posts. */
function writeExport(path: string, service: number, posts: number): void {
  const fd = openSync(path, 'w')
  writeSync(fd, '{"name":"Канал","type":"public_channel","id":42,"username":"city_chan","messages":[\n')
  const pad = 'служебное сообщение о закреплении '.repeat(8)
  let chunk: string[] = []
  for (let i = 1; i <= service + posts; i++) {
    const post = i > service
    chunk.push(
      JSON.stringify(
        post
          ? { id: i, type: 'message', date_unixtime: String(1787547600 + i), text: `Пост ${i} про дороги` }
          : { id: i, type: 'service', action: 'pin_message', date_unixtime: '1787547600', text: pad }
      )
    )
    if (chunk.length === 2000) {
      writeSync(fd, chunk.join(',\n') + ',\n')
      chunk = []
    }
  }
  writeSync(fd, chunk.join(',\n') + '\n]}\n')
  closeSync(fd)
}

describe('the memory ceiling of an import', () => {
  const t = tempDir()
  const db = tempDb(t.dir)
  const dbPath = join(t.dir, 'w.db')
  afterAll(() => {
    db.close()
    t.cleanup()
  })

  it('leaves the worker a heap that fits the ceiling', () => {
    expect(IMPORT_MEMORY_CEILING_MB).toBeLessThan(500)
    expect(importHeapMb()).toBeGreaterThanOrEqual(256)
    expect(importHeapMb(CEILING)).toBe(64)
  })

  it('a Telegram export several times the heap goes in (it is read as a stream)', async () => {
    const f = join(t.dir, 'result.json')
    writeExport(f, 120_000, 50)
    const r = await importInWorker({
      dbPath,
      file: f,
      options: { analyze: false },
      db,
      memoryCeilingMb: CEILING
    })
    expect(r.inserted).toBe(50)
    expect(count(db, 'mentions')).toBe(50)
  })

  it('an input that needs more than the ceiling fails naming the file and the limit; nothing is written', async () => {
    const f = join(t.dir, 'long-posts.json')
    // Twelve posts of 3 million Cyrillic characters each: each under the cell limit, but a batch of them
    // is ~72 MB of text before mapping copies it.
    const fd = openSync(f, 'w')
    writeSync(fd, '{"name":"Канал","type":"public_channel","id":43,"messages":[')
    const long = 'дорога '.repeat(3_000_000 / 7)
    for (let i = 1; i <= 12; i++)
      writeSync(
        fd,
        (i > 1 ? ',' : '') +
          JSON.stringify({ id: i, type: 'message', date_unixtime: '1787547600', text: long })
      )
    writeSync(fd, ']}\n')
    closeSync(fd)
    const before = count(db, 'mentions')
    const batches = count(db, 'import_batches')
    const e = await importInWorker({
      dbPath,
      file: f,
      options: { analyze: false },
      db,
      memoryCeilingMb: CEILING
    }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(OtklikError)
    expect((e as OtklikError).code).toBe('LIMIT')
    expect((e as OtklikError).message).toBe(
      `long-posts.json needs more than ${CEILING} MB of memory to import (the limit per import); nothing was written. Split the file or export it again.`
    )
    expect((e as OtklikError).details).toMatchObject({ file: f, limitMb: CEILING })
    expect(count(db, 'mentions')).toBe(before)
    expect(count(db, 'import_batches')).toBe(batches)
    expect(db.prepare("SELECT count(*) FROM locks WHERE name = 'import'").pluck().get()).toBe(0)
  })
})
