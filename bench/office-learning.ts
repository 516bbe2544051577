/**
 * The office's learned model end to end, through the real CLI, as the issue's figure is measured:
 * labelled posts imported as an export with a sentiment column, `otklik train --json`, then held-out
 * posts scored by ../shared/eval/score-sentiment.mjs with --db (the `classify --db` protocol, targets
 * given). RuSentNE-2023 train stands in for the office's tweets, split by sentence.
 *
 * The shipped model was trained on all of RuSentNE, so on any part of it the built-in figure is
 * in-sample. Two setups:
 *  - stand-in (default): the sentences in five parts; part 0 trains a stand-in built-in model (written as
 *    model.json of a copy of resources/, OTKLIK_RESOURCES), parts 1–2 are the office's labels (A, ~2.6k),
 *    parts 3–4 are held out (B). Nothing the CLI sees has seen B.
 *  - --shipped: halves A and B, the shipped model (in-sample on both; only checks the path).
 * A is written as a Brand Analytics-like CSV (labels Негатив/Нейтрал/Позитив or Negative/…) or a generic
 * CSV (-1/0/1). Baseline of the same run: the (stand-in) built-in model on B, through the same scorer.
 *   npx tsx bench/office-learning.ts [--seeds 1,2] [--formats ba-words,generic-signed,ba-english] [--limit all,2600] [--shipped]
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { assignFolds } from '../src/main/core/analysis/sentiment/evaluate'
import { findTrainingFile, readRuSentNE } from '../src/main/core/analysis/sentiment/rusentne'
import { trainLearnedModel, type LabelledExample } from '../src/main/core/analysis/sentiment'
import type { Sentiment } from '../src/shared/types'

const ROOT = resolve(__dirname, '..')
const TRAIN_FILE = findTrainingFile(ROOT)
const SCORER = join(dirname(TRAIN_FILE), 'score-sentiment.mjs')
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const seeds = (arg('--seeds') ?? '1').split(',').map(Number)
const formats = (arg('--formats') ?? 'ba-words,generic-signed,ba-english').split(',')
const shipped = process.argv.includes('--shipped')
const limits = (arg('--limit') ?? 'all,2600').split(',').map((s) => (s === 'all' ? Infinity : Number(s)))

type Format = {
  header: string[]
  row: (e: LabelledExample, i: number) => string[]
  word: Record<Sentiment, string>
}
const csvCell = (s: string): string => (/[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
const day = (i: number): string => `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`
const time = (i: number): string =>
  `${String(i % 24).padStart(2, '0')}:${String(Math.floor(i / 24) % 60).padStart(2, '0')}:00`

const BA_HEADER = ['Дата', 'Время', 'Hash сообщения', 'ID сообщения', 'Заголовок', 'Текст', 'Источник', 'Url', 'Тип источника', 'Тип сообщения', 'Автор', 'Url автора', 'Тип автора', 'Место публикации', 'Url места публикации', 'Аудитория', 'Комментариев', 'Репостов', 'Лайков', 'Просмотров', 'Тональность', 'Обработано'] // prettier-ignore
const ba = (word: Record<Sentiment, string>): Format => ({
  header: BA_HEADER,
  word,
  row: (e, i) => [day(i), time(i), `h${i}`, String(100000 + i), '', e.text, 'twitter.com', `https://twitter.com/u${i % 500}/status/${9000000 + i}`, 'Социальная сеть', 'Пост', `user${i % 500}`, `https://twitter.com/u${i % 500}`, 'Личный профиль', 'twitter.com', 'https://twitter.com', '120', '0', '0', '3', '40', word[e.label], 'Нет'] // prettier-ignore
})
const FORMATS: Record<string, Format> = {
  'ba-words': ba({ negative: 'Негатив', neutral: 'Нейтрал', positive: 'Позитив' }),
  'ba-english': ba({ negative: 'Negative', neutral: 'Neutral', positive: 'Positive' }),
  'generic-signed': {
    header: ['date', 'url', 'author', 'text', 'sentiment'],
    word: { negative: '-1', neutral: '0', positive: '1' },
    row: (e, i) => [`${day(i)} ${time(i)}`, `https://t.me/c/${i}`, `user${i % 500}`, e.text, '']
  }
}
FORMATS['generic-signed']!.row = (e, i) => [
  `${day(i)} ${time(i)}`,
  `https://t.me/c/${i}`,
  `user${i % 500}`,
  e.text,
  FORMATS['generic-signed']!.word[e.label]
]

function otklik(args: string[]): { out: string; err: string; status: number; wallS: number; cpuS: number } {
  const t0 = process.hrtime.bigint()
  // /usr/bin/time reports the CPU seconds of the CLI process (user + system) on stderr's last line
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'CPU %U %S', 'npm', 'run', '--silent', 'otklik', '--', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: childEnv
    }
  )
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr)
  return {
    out: r.stdout,
    err: r.stderr,
    status: r.status ?? -1,
    wallS,
    cpuS: m ? Number(m[1]) + Number(m[2]) : NaN
  }
}

function tsvOf(rows: LabelledExample[]): string {
  const gold = { negative: '-1', neutral: '0', positive: '1' }
  const cell = (s: string): string => (/["\t\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)
  return (
    'sentence\tentity\tentity_tag\tentity_pos_start_rel\tentity_pos_end_rel\tlabel\n' +
    rows.map((e) => `${cell(e.text)}\t${cell(e.target ?? '')}\tORG\t0\t0\t${gold[e.label]}`).join('\n') +
    '\n'
  )
}

function scoreTsv(file: string, db?: string): number {
  const r = spawnSync('node', [SCORER, file, ...(db ? ['--db', db] : [])], {
    cwd: ROOT,
    encoding: 'utf8',
    env: childEnv
  })
  const m = /F1_PN[^\d]*([\d.]+)\s*$/.exec(r.stdout.trim())
  if (r.status !== 0 || !m) throw new Error(`scorer failed: ${r.stdout}\n${r.stderr}`)
  return Number(m[1])
}

let childEnv: NodeJS.ProcessEnv = { ...process.env }

/** A copy of resources/ (links) whose sentiment/model.json is a stand-in trained on `rows`. */
function standInResources(rows: LabelledExample[], seed: number): string {
  const res = join(dir, `resources-${seed}`)
  const src = join(ROOT, 'resources')
  mkdirSync(join(res, 'sentiment'), { recursive: true })
  for (const f of readdirSync(src)) if (f !== 'sentiment') symlinkSync(join(src, f), join(res, f))
  for (const f of readdirSync(join(src, 'sentiment')))
    if (f !== 'model.json') symlinkSync(join(src, 'sentiment', f), join(res, 'sentiment', f))
  writeFileSync(
    join(res, 'sentiment', 'model.json'),
    JSON.stringify(trainLearnedModel(rows, { seed: 1, standalone: true }))
  )
  return res
}

const NUM = { negative: -1, neutral: 0, positive: 1 }
const all = readRuSentNE(TRAIN_FILE)
const dir = mkdtempSync(join(tmpdir(), 'otklik-office-'))
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}; work dir ${dir}`
)
try {
  for (const seed of seeds) {
    const part = assignFolds(
      all.map((e) => e.text),
      shipped ? 2 : 5,
      seed
    )
    const A = all.filter((_, i) => (shipped ? part[i] === 0 : part[i] === 1 || part[i] === 2))
    const B = all.filter((_, i) => (shipped ? part[i] === 1 : part[i]! >= 3))
    const base = all.filter((_, i) => !shipped && part[i] === 0)
    childEnv = shipped
      ? { ...process.env }
      : { ...process.env, OTKLIK_RESOURCES: standInResources(base, seed) }
    const bFile = join(dir, `B-${seed}.tsv`)
    writeFileSync(bFile, tsvOf(B))
    const builtin = scoreTsv(bFile)
    console.log(
      `\nsplit seed ${seed}: ${shipped ? 'shipped model' : `stand-in built-in model trained on ${base.length} rows`}, A ${A.length} rows, B ${B.length} rows; built-in on B: F1_PN ${builtin.toFixed(3)}`
    )
    for (const limit of limits) {
      const labels = A.slice(0, Math.min(limit, A.length))
      for (const name of formats) {
        const f = FORMATS[name]!
        const csv = join(dir, `A-${seed}-${name}-${labels.length}.csv`)
        writeFileSync(
          csv,
          [f.header, ...labels.map(f.row)].map((r) => r.map(csvCell).join(';')).join('\n') + '\n'
        )
        const db = join(dir, `w-${seed}-${name}-${labels.length}.db`)
        const imp = otklik(['import', csv, '--db', db, '--json'])
        if (imp.status !== 0) throw new Error(`import failed: ${imp.err}`)
        const batch = (JSON.parse(imp.out) as { batches: Array<Record<string, unknown>> }).batches[0]!
        // what the import made of the vendor's column: every row a mention, every label the one written
        const w = new Database(db, { readonly: true })
        const stored = w
          .prepare('SELECT count(*) AS n, count(import_sentiment) AS labelled FROM mentions')
          .get() as {
          n: number
          labelled: number
        }
        // each row's label as written, found on its mention (by the text's link or hash)
        const got = w
          .prepare('SELECT import_sentiment AS s FROM mentions ORDER BY id')
          .pluck()
          .all() as number[]
        w.close()
        const wrong = labels.filter((e, i) => got[i] !== NUM[e.label]).length
        const tr = otklik(['train', '--db', db, '--json'])
        if (tr.status !== 0) throw new Error(`train failed: ${tr.err}`)
        const info = JSON.parse(tr.out) as {
          kind: string
          labels: number
          quality: { f1pn: number } | null
          strength?: number
        }
        const learned = scoreTsv(bFile, db)
        console.log(
          `  ${name.padEnd(15)} ${String(labels.length).padStart(5)} labels: import ${String(batch.inserted)} new / ${String(batch.duplicates)} dup / ${String(batch.rejected)} rejected, ` +
            `${stored.labelled} of ${stored.n} labelled (${labels.length} written, ${wrong} differ); train ${info.kind} on ${info.labels}, ` +
            `cross-validated F1_PN ${info.quality?.f1pn.toFixed(3)} (strength ${info.strength ?? '-'}), CPU ${tr.cpuS.toFixed(1)} s (wall ${tr.wallS.toFixed(1)} s); ` +
            `scorer on B with --db: F1_PN ${learned.toFixed(3)} (built-in ${builtin.toFixed(3)})`
        )
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
