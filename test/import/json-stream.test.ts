import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  JsonSyntaxError,
  JsonTokenizer,
  TOO_LONG,
  type JsonHandler
} from '../../src/main/core/import/source/json-stream'
import { importFile } from '../../src/main/core/import'
import { OtklikError } from '../../src/shared/errors'
import { randomJson } from '../reliability/fuzz/mutate'
import { Prng } from '../reliability/prng'
import { tempDb, tempDir } from './helpers'

/** Rebuilds the document from the tokens (what JSON.parse would return). */
function tree(maxString = 1e9): { h: JsonHandler; result: () => unknown } {
  const stack: unknown[] = []
  const keys: (string | null)[] = []
  let result: unknown
  const add = (v: unknown): void => {
    const top = stack[stack.length - 1]
    if (top === undefined) result = v
    else if (Array.isArray(top)) top.push(v)
    else (top as Record<string, unknown>)[keys[keys.length - 1]!] = v
  }
  const h: JsonHandler = {
    startObject: () => (stack.push({}), keys.push(null)),
    startArray: () => (stack.push([]), keys.push(null)),
    endObject: () => (keys.pop(), add(stack.pop())),
    endArray: () => (keys.pop(), add(stack.pop())),
    key: (k) => (keys[keys.length - 1] = k === TOO_LONG ? '<too long>' : k),
    value: (v) => add(v === TOO_LONG ? '<too long>' : v)
  }
  void maxString
  return { h, result: () => result }
}

/** Tokenizes `text` cut into random chunks (cuts inside escapes, numbers and literals included). */
function parse(text: string, rng: Prng, maxString = 1e9): unknown {
  const t = tree()
  const tok = new JsonTokenizer(t.h, maxString)
  for (let i = 0; i < text.length;) {
    const n = rng.range(1, 9)
    tok.write(text.slice(i, i + n))
    i += n
  }
  tok.end()
  return t.result()
}

describe('streaming JSON tokenizer', () => {
  it('gives what JSON.parse gives, whatever the chunk boundaries', () => {
    const rng = new Prng(21)
    for (let k = 0; k < 400; k++) {
      const doc = { v: randomJson(rng), s: 'é\\"\u2028\ud83d\ude00\ud800', n: [-0.5e-3, 0, 12, 1e300] }
      const text = JSON.stringify(doc, null, rng.chance(0.5) ? 2 : 0)
      expect(parse(text, rng)).toEqual(JSON.parse(text))
    }
  })

  it('refuses what JSON.parse refuses, naming the line and column', () => {
    const rng = new Prng(7)
    for (const bad of [
      '{"a":1,}',
      '[1,]',
      '{"a" 1}',
      '{"a":01}',
      '{"a":"x\ny"}',
      '{"a":"\\x"}',
      '{"a":tru}',
      '{"a":1} 2',
      '{"a":[1,2',
      '',
      '{"a":"\\u12"}',
      "{'a':1}",
      '{"a":NaN}'
    ]) {
      expect(() => JSON.parse(bad)).toThrow()
      expect(() => parse(bad, rng), bad).toThrow(JsonSyntaxError)
    }
    try {
      parse('{\n  "a": [1,\n     2,,3]}', rng)
      expect.unreachable()
    } catch (e) {
      expect((e as JsonSyntaxError).message).toBe("unexpected ',' at line 3, column 8")
    }
  })

  it('does not build a string past its limit, and refuses nesting past its depth', () => {
    const rng = new Prng(3)
    expect(parse(`{"a":"${'x'.repeat(5000)}","b":"ok"}`, rng, 100)).toEqual({ a: '<too long>', b: 'ok' })
    expect(() => parse('['.repeat(300) + ']'.repeat(300), rng)).toThrow(/nesting deeper than 256/)
  })
})

describe('Telegram export read as a stream', () => {
  const t = tempDir()
  const db = tempDb(t.dir)
  afterAll(() => {
    db.close()
    t.cleanup()
  })
  const channel = (messages: unknown[]): string =>
    JSON.stringify({ name: 'Канал', type: 'public_channel', id: 77, messages })

  it('a truncated export is refused naming the file, the line and the column; nothing is written', async () => {
    const f = join(t.dir, 'result.json')
    const text = channel(
      Array.from({ length: 50 }, (_, i) => ({
        id: i + 1,
        type: 'message',
        date_unixtime: '1787547600',
        text: `Пост ${i}`
      }))
    )
    writeFileSync(f, text.slice(0, text.length - 40))
    const e = await importFile(db, f, { analyzer: null }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(OtklikError)
    expect((e as OtklikError).message).toMatch(
      /^Cannot import result\.json: it is not valid JSON \(unterminated string at line 1, column \d+; truncated\?\)\.$/
    )
    expect((e as OtklikError).details).toMatchObject({ file: f, line: 1 })
    expect(db.prepare('SELECT count(*) AS n FROM mentions').get()).toEqual({ n: 0 })
  })

  it('a message past the row limit is rejected alone; the others go in', async () => {
    const f = join(t.dir, 'big-message.json')
    writeFileSync(
      f,
      channel([
        { id: 1, type: 'message', date_unixtime: '1787547600', text: 'Первый пост' },
        { id: 2, type: 'message', date_unixtime: '1787547600', text: 'x'.repeat(5 * 1024 * 1024) },
        { id: 3, type: 'message', date_unixtime: '1787547600', text: 'Третий пост' }
      ])
    )
    const r = await importFile(db, f, { dryRun: true, analyzer: null })
    expect(r.rows).toBe(3)
    expect(r.inserted).toBe(2)
    expect(r.rejected).toBe(1)
  })

  it('chat fields after the messages and a "__proto__" key are read as JSON.parse reads them', async () => {
    const f = join(t.dir, 'late-fields.json')
    writeFileSync(
      f,
      `{"messages":[{"__proto__":{"type":"service"},"id":1,"type":"message","date_unixtime":"1787547600","text":"Пост"}],"type":"public_channel","name":"Поздний","id":5,"username":"late_chan"}`
    )
    const r = await importFile(db, f, { dryRun: true, analyzer: null })
    expect(r.inserted).toBe(1)
  })
})
