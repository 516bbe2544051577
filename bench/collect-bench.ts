/**
 * Collection benchmark: 200 RSS feeds of 50 items each on a loopback server.
 * Round 1 fetches, parses and stores everything (target < 20 s); round 2 is answered 304 by
 * conditional GET (target < 3 s). Run: npx tsx bench/collect-bench.ts [--feeds 200] [--items 50] [--ports 1]
 */
import http from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { openWorkspaceDatabase } from '../src/main/core/workspace'
import { addSource, collectOnce } from '../src/main/core/collect'

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : def
}
const FEEDS = arg('feeds', 200)
const ITEMS = arg('items', 50)
const PORTS = arg('ports', 1)

const WORDS =
  'акимат город жители дорога ремонт отопление парк школа автобус тариф свет вода двор снег мусор больница жалоба проект'.split(
    ' '
  )
function sentence(seed: number, n: number): string {
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(WORDS[(seed * 7 + i * 13) % WORDS.length]!)
  return out.join(' ')
}

function feedXml(f: number, items: number): string {
  const parts = [
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Сайт ${f}</title><link>https://site${f}.example.kz/</link>`
  ]
  for (let i = 0; i < items; i++) {
    const t = Date.UTC(2026, 10, 16, 12) - (f * items + i) * 60_000
    parts.push(
      `<item><title>${sentence(f + i, 6)} №${i}</title><link>https://site${f}.example.kz/news/${i}</link><guid isPermaLink="false">n${i}</guid>` +
        `<pubDate>${new Date(t).toUTCString()}</pubDate><dc:creator>Автор ${i % 7}</dc:creator>` +
        `<description><![CDATA[<p>${sentence(i, 25)}</p><p>${sentence(i + f, 30)} &laquo;цитата&raquo;</p>]]></description></item>`
    )
  }
  parts.push('</channel></rss>')
  return parts.join('')
}

async function main(): Promise<void> {
  const bodies = Array.from({ length: FEEDS }, (_, f) => Buffer.from(feedXml(f, ITEMS)))
  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const f = Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1])
    const body = bodies[f]
    if (!body) return void res.writeHead(404).end()
    const etag = `"f${f}"`
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end()
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag })
    res.end(body)
  }
  const servers = await Promise.all(
    Array.from(
      { length: PORTS },
      () =>
        new Promise<http.Server>((r) => {
          const s = http.createServer(handler)
          s.listen(0, '127.0.0.1', () => r(s))
        })
    )
  )
  const ports = servers.map((s) => (s.address() as AddressInfo).port)
  const dir = mkdtempSync(join(tmpdir(), 'otklik-collect-bench-'))
  const db = openWorkspaceDatabase(join(dir, 'bench.sqlite'), { create: true })
  try {
    for (let f = 0; f < FEEDS; f++)
      addSource(db, { type: 'rss', target: `http://127.0.0.1:${ports[f % PORTS]}/feed/${f}.xml` })
    const settings = { jitterMaxMs: 0, env: {} }
    const t1 = performance.now()
    const r1 = await collectOnce(db, { settings })
    const ms1 = performance.now() - t1
    const stored = db.prepare('SELECT count(*) FROM mentions').pluck().get() as number
    const errors1 = r1.sources.filter((s) => s.status !== 'ok').length
    const t2 = performance.now()
    const r2 = await collectOnce(db, { settings })
    const ms2 = performance.now() - t2
    const notModified = r2.sources.filter((s) => s.status === 'not-modified').length
    const mb = (bodies.reduce((a, b) => a + b.length, 0) / 1024 / 1024).toFixed(1)
    console.log(`collect bench: ${FEEDS} feeds × ${ITEMS} items (${mb} MB of XML), ${PORTS} loopback port(s)`)
    console.log(
      `  round 1 (fetch + parse + store): ${(ms1 / 1000).toFixed(2)} s, ${stored} mentions stored (${Math.round(stored / (ms1 / 1000))}/s), ${errors1} not ok   [target < 20 s]`
    )
    console.log(
      `  round 2 (conditional GET):       ${(ms2 / 1000).toFixed(2)} s, ${notModified}/${FEEDS} not-modified, ${r2.sources.reduce((a, s) => a + s.new, 0)} new   [target < 3 s]`
    )
    if (stored !== FEEDS * ITEMS || notModified !== FEEDS || ms1 > 20_000 || ms2 > 3_000) process.exitCode = 1
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
    for (const s of servers) s.close()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
