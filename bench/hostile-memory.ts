/**
 * Peak memory of imports of large and hostile files (issue #21), each measured in its own process
 * (peak RSS from process.resourceUsage()), next to a baseline measured in the same run:
 *   parse     baseline: the file read whole and JSON.parse'd (what the Telegram reader did before streaming)
 *   inproc    importFile in the process (as the CLI runs it)
 *   worker    importInWorker (as the app runs it: a worker thread with the import memory ceiling)
 *
 *   npx tsx bench/hostile-memory.ts [--mb 223] [--keep]
 *
 * The files are generated in a temporary folder: a Telegram Desktop export of --mb megabytes, and feeds
 * of 9.9 MB of nested HTML (Atom XHTML content; escaped HTML in RSS descriptions).
 */
import { execFileSync } from 'node:child_process'
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : def
}

/** A channel export of about `mb` megabytes: short posts with text arrays, entities and reactions. */
export async function writeTelegramExport(path: string, mb: number): Promise<number> {
  const out = createWriteStream(path)
  const head = '{\n "name": "Городской канал",\n "type": "public_channel",\n "id": 1234567,\n "messages": [\n'
  out.write(head)
  let bytes = head.length
  const target = mb * 1024 * 1024
  let id = 0
  const words = [
    'акимат',
    'дорога',
    'парк',
    'свет',
    'вода',
    'автобус',
    'школа',
    'тротуар',
    'ремонт',
    'жалоба'
  ]
  while (bytes < target) {
    let chunk = ''
    for (let k = 0; k < 500; k++) {
      id++
      const text = Array.from({ length: 20 }, (_, i) => words[(id * 7 + i) % words.length]).join(' ')
      const m = {
        id,
        type: id % 50 === 0 ? 'service' : 'message',
        date: '2026-08-24T10:00:00',
        date_unixtime: String(1787547600 + id * 60),
        from: 'Городской канал',
        from_id: 'channel1234567',
        text: [`Пост ${id}: ${text} `, { type: 'link', text: `https://t.me/city_chan/${id}` }],
        text_entities: [
          { type: 'plain', text: `Пост ${id}: ${text} ` },
          { type: 'link', text: `https://t.me/city_chan/${id}` }
        ],
        reactions: [{ type: 'emoji', count: id % 17, emoji: '👍' }]
      }
      chunk += (id > 1 ? ',\n' : '') + '  ' + JSON.stringify(m)
    }
    bytes += Buffer.byteLength(chunk)
    if (!out.write(chunk)) await once(out, 'drain')
  }
  out.end('\n ]\n}\n')
  await once(out, 'finish')
  return id
}

/** An Atom feed of one entry whose XHTML content nests `<div>`s to ~9.9 MB. */
export async function writeNestedXhtmlFeed(path: string, bytes = 9.9 * 1024 * 1024): Promise<void> {
  const depth = Math.floor((bytes - 600) / 11)
  const out = createWriteStream(path)
  out.write(
    '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>' +
      '<entry><id>urn:1</id><title>Вложенный</title><updated>2026-08-24T10:00:00Z</updated>' +
      '<link href="https://example.kz/1"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
  )
  const open = '<div>'.repeat(1000)
  const close = '</div>'.repeat(1000)
  for (let i = 0; i < depth / 1000; i++) if (!out.write(open)) await once(out, 'drain')
  out.write('текст')
  for (let i = 0; i < depth / 1000; i++) if (!out.write(close)) await once(out, 'drain')
  out.end('</div></content></entry></feed>\n')
  await once(out, 'finish')
}

/** An RSS feed whose items carry escaped HTML of many nested (but not deep) elements, ~9.9 MB in all. */
export async function writeWideHtmlFeed(path: string, bytes = 9.9 * 1024 * 1024): Promise<void> {
  const out = createWriteStream(path)
  out.write('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>F</title>')
  const cell = '&lt;div&gt;&lt;p&gt;&lt;b&gt;&lt;i&gt;слово&lt;/i&gt;&lt;/b&gt;&lt;/p&gt;&lt;/div&gt;'
  const per = 200
  const body = cell.repeat(2000)
  let n = 0
  for (let written = 0; written < bytes; written += body.length + per) {
    n++
    const item = `<item><title>Новость ${n}</title><link>https://example.kz/${n}</link><guid>g${n}</guid><pubDate>Mon, 24 Aug 2026 10:00:00 +0500</pubDate><description>${body}</description></item>`
    if (!out.write(item)) await once(out, 'drain')
  }
  out.end('</channel></rss>\n')
  await once(out, 'finish')
}

interface Measured {
  mode: string
  peakRssMB: number
  startRssMB: number
  ms: number
  outcome: string
}

function measure(mode: string, file: string, dir: string): Measured {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(__dirname, 'hostile-memory-child.ts'),
      mode,
      file,
      join(dir, `${mode}-${Date.now()}.db`)
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 }
  )
  return JSON.parse(out.trim().split('\n').pop()!) as Measured
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-hostile-mem-'))
  try {
    const mb = Number(arg('mb', '223'))
    const files: [string, string[]][] = []
    const tg = join(dir, 'result.json')
    const messages = await writeTelegramExport(tg, mb)
    files.push([tg, ['parse', 'inproc', 'worker']])
    const xhtml = join(dir, 'nested-xhtml.xml')
    await writeNestedXhtmlFeed(xhtml)
    files.push([xhtml, ['inproc', 'worker']])
    const wide = join(dir, 'wide-html.xml')
    await writeWideHtmlFeed(wide)
    files.push([wide, ['inproc', 'worker']])
    console.log(`Telegram export: ${messages} messages`)
    for (const [file, modes] of files) {
      console.log(`\n${file.split('/').pop()} (${(statSync(file).size / 1024 ** 2).toFixed(1)} MB)`)
      for (const mode of modes) {
        const m = measure(mode, file, dir)
        console.log(
          `  ${m.mode.padEnd(7)} peak RSS ${String(m.peakRssMB).padStart(5)} MB (${String(m.startRssMB).padStart(3)} MB before the import)  ${String(m.ms).padStart(6)} ms  ${m.outcome}`
        )
      }
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true })
    else console.log(`kept ${dir}`)
  }
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack : e)
    process.exit(1)
  })
