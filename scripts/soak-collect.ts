/**
 * Soak test of collection: N rounds (default 1000) against a loopback server with 50 feeds (a few get a
 * new item every round, two are broken) and one Telegram preview page. Prints memory (rss, heap) and
 * open file handles (/proc/self/fd) every 100 rounds; they should stay flat.
 * Run: npx tsx scripts/soak-collect.ts [--rounds 1000] [--every 100]
 */
import http from 'node:http'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { openWorkspaceDatabase } from '../src/main/core/workspace'
import { addSource, collectOnce } from '../src/main/core/collect'

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : def
}
const ROUNDS = arg('rounds', 1000)
const EVERY = arg('every', 100)
const FEEDS = 50

/** Feed f at round r: 20 items, the newest numbered by how many times it has changed. */
function feedXml(f: number, version: number): string {
  const items: string[] = []
  for (let i = version; i > version - 20 && i >= 0; i--) {
    items.push(
      `<item><title>Новость ${f}-${i}: жители и акимат</title><link>https://soak${f}.example.kz/n/${i}</link>` +
        `<pubDate>${new Date(Date.UTC(2026, 10, 1) + i * 60_000).toUTCString()}</pubDate>` +
        `<description><![CDATA[<p>Текст новости ${i} о ремонте дорог &laquo;в городе&raquo;.</p>]]></description></item>`
    )
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Soak ${f}</title><link>https://soak${f}.example.kz/</link>${items.join('')}</channel></rss>`
}

function fdCount(): number {
  try {
    return readdirSync('/proc/self/fd').length
  } catch {
    return -1
  }
}

async function main(): Promise<void> {
  const versions = new Array<number>(FEEDS).fill(20)
  const tgPage = readFileSync(join(__dirname, '..', 'test', 'fixtures', 'collect', 'tg-channel.html'))
  const server = http.createServer((req, res) => {
    const url = req.url ?? ''
    if (url.startsWith('/s/akimat_test'))
      return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(tgPage)
    if (url === '/broken.xml')
      return void res.writeHead(200, { 'Content-Type': 'text/xml' }).end('<rss><channel><item>')
    const f = Number(/\/feed\/(\d+)\.xml/.exec(url)?.[1])
    if (!(f >= 0 && f < FEEDS)) return void res.writeHead(404).end('no')
    const etag = `"${f}-${versions[f]}"`
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end()
    res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag })
    res.end(feedXml(f, versions[f]!))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const dir = mkdtempSync(join(tmpdir(), 'otklik-soak-'))
  const db = openWorkspaceDatabase(join(dir, 'soak.sqlite'), { create: true })
  try {
    for (let f = 0; f < FEEDS - 2; f++) addSource(db, { type: 'rss', target: `${base}/feed/${f}.xml` })
    addSource(db, { type: 'rss', target: `${base}/missing.xml` })
    addSource(db, { type: 'rss', target: `${base}/broken.xml` })
    addSource(db, { type: 'telegram', target: `${base}/s/akimat_test` })
    const settings = { jitterMaxMs: 0, env: {}, totalTimeoutMs: 5_000 }
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1)
    const t0 = performance.now()
    let stored = 0
    let errors = 0
    console.log(`soak: ${ROUNDS} rounds, ${FEEDS} feeds + 1 Telegram page on ${base}`)
    // rss also holds SQLite's page cache and memory-mapped database pages, which grow with the file:
    // a leak shows in heapUsed/external or fds, not in rss alone.
    console.log('round   rss MB  heapUsed MB  heapTotal MB  external MB  fds  mentions  db MB  s/round(avg)')
    const dbPath = join(dir, 'soak.sqlite')
    const dbSize = (): number =>
      statSync(dbPath).size + (statSync(dbPath + '-wal', { throwIfNoEntry: false })?.size ?? 0)
    const report = (round: number): void => {
      global.gc?.()
      const m = process.memoryUsage()
      const mentions = db.prepare('SELECT count(*) FROM mentions').pluck().get() as number
      console.log(
        `${String(round).padStart(5)}  ${mb(m.rss).padStart(7)}  ${mb(m.heapUsed).padStart(11)}  ${mb(m.heapTotal).padStart(12)}  ${mb(m.external).padStart(11)}  ${String(fdCount()).padStart(3)}  ${String(mentions).padStart(8)}  ${mb(dbSize()).padStart(5)}  ${((performance.now() - t0) / 1000 / Math.max(1, round)).toFixed(3)}`
      )
    }
    report(0)
    for (let round = 1; round <= ROUNDS; round++) {
      for (let k = 0; k < 5; k++) versions[(round * 5 + k) % (FEEDS - 2)]!++
      const r = await collectOnce(db, { settings })
      stored += r.sources.reduce((a, s) => a + s.new, 0)
      errors += r.sources.filter((s) => s.status === 'error').length
      if (round % EVERY === 0 || round === ROUNDS) report(round)
    }
    console.log(
      `done: ${stored} new mentions stored, ${errors} source errors (2 broken sources × ${ROUNDS} rounds expected = ${2 * ROUNDS}), ${((performance.now() - t0) / 1000).toFixed(1)} s`
    )
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
    server.close()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
