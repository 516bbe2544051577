/**
 * A post names a company the way people type it, not as the office or the evaluation names the target:
 * «Sberbank» for «Сбербанк», «#банкмосквы» for «Банк Москвы», «ВТБ24» for «ВТБ», a target given as
 * «sberbank» for a text that says «Сбербанк». When the target is not found, the model cannot tell the
 * words about it from the words about others. This bench measures what such spellings cost and what
 * findTarget's spelling-tolerant match wins back, on the RuSentNE-2023 train file's ORGANIZATION and
 * PERSON rows: fixed-seed 5-fold CV (sentences kept within a fold), trained on the clean folds, the test
 * fold's entity respelled (the text at the entity's offsets, or the target string; never the label).
 *   npx tsx bench/sentiment-target-spelling.ts [--seeds N]
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { trainStandaloneModel, scorePredictions, type LabelledExample } from '../src/main/core/analysis/sentiment'
import { assignFolds } from '../src/main/core/analysis/sentiment/evaluate'
import { findTrainingFile } from '../src/main/core/analysis/sentiment/rusentne'
import { analyse } from '../src/main/core/analysis/sentiment/analyse'
import { loadLexicon } from '../src/main/core/analysis/sentiment/lexicon'
import { TARGET_SPELLING } from '../src/main/core/analysis/sentiment/tokens'
import { TARGET_FEATURES } from '../src/main/core/analysis/sentiment/features'

const args = process.argv.slice(2)
const seedsAt = args.indexOf('--seeds')
const seeds = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 2

interface Row extends LabelledExample {
  tag: string
  start: number
  end: number
}

const LABELS: Record<string, LabelledExample['label']> = { '-1': 'negative', '0': 'neutral', '1': 'positive' }
const unquote = (s: string) =>
  s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s
const rows: Row[] = []
for (const line of readFileSync(findTrainingFile(resolve(__dirname, '..')), 'utf8').split('\n').slice(1)) {
  const c = line.split('\t')
  const label = LABELS[(c[5] ?? '').trim()]
  if (!label || !c[0]) continue
  rows.push({
    text: unquote(c[0]),
    target: c[1] ? unquote(c[1]) : null,
    label,
    tag: c[2] ?? '',
    start: Number(c[3]),
    end: Number(c[4])
  })
}

/** Russian as typed in Latin letters (one common scheme; people vary, the match must not depend on it). */
const LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'sch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya'
}
function toLatin(s: string): string {
  let out = ''
  for (const ch of s) {
    const low = ch.toLowerCase()
    const l = LATIN[low]
    if (l === undefined) out += ch
    else out += ch !== low && l ? l[0]!.toUpperCase() + l.slice(1) : l
  }
  return out
}

type Respell = (r: Row) => { text: string; target?: string | null }
const inText = (r: Row, f: (entity: string) => string) => {
  const entity = r.text.slice(r.start, r.end)
  return { text: r.text.slice(0, r.start) + f(entity) + r.text.slice(r.end), target: r.target }
}
const VARIANTS: Array<[string, Respell]> = [
  ['as given', (r) => ({ text: r.text, target: r.target })],
  ['entity in Latin letters in the text («Sberbank»)', (r) => inText(r, toLatin)],
  ['target given in Latin lower case («sberbank»)', (r) => ({ text: r.text, target: toLatin(r.target ?? '').toLowerCase() })],
  [
    'entity as a hashtag («#банкмосквы»)',
    (r) => inText(r, (e) => '#' + e.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''))
  ],
  ['entity in lower case in the text («сбербанк»)', (r) => inText(r, (e) => e.toLowerCase())],
  ['entity with a number after it («ВТБ24»)', (r) => inText(r, (e) => e.replace(/[\s-]+/g, '') + '24')],
  ['target not in the text at all', (r) => ({ text: r.text, target: 'Ъъъ' })]
]

const usable = rows.filter((r) => r.target && r.text.slice(r.start, r.end) === r.target)
const tested = (r: Row) => r.tag === 'ORGANIZATION' || r.tag === 'PERSON'
const fold = assignFolds(
  rows.map((r) => r.text),
  5,
  42
)
const lexicon = loadLexicon()
const found = (v: Respell) => {
  const t = usable.filter(tested)
  return t.filter((r) => {
    const x = v(r)
    return analyse(lexicon, x.text, x.target).spans.length > 0
  }).length / t.length
}

function run(): Array<{ name: string; f1: number; found: number }> {
  const sums = VARIANTS.map(() => 0)
  for (let s = 1; s <= seeds; s++) {
    const predicted = VARIANTS.map(() => new Map<Row, LabelledExample['label']>())
    for (let f = 0; f < 5; f++) {
      const model = trainStandaloneModel(
        rows.filter((_, i) => fold[i] !== f),
        { seed: s }
      )
      rows.forEach((r, i) => {
        if (fold[i] !== f || !tested(r) || !usable.includes(r)) return
        VARIANTS.forEach(([, v], k) => {
          const x = v(r)
          predicted[k]!.set(r, model.classify(x.text, x.target).label)
        })
      })
    }
    VARIANTS.forEach((_, k) => {
      const m = predicted[k]!
      const keys = [...m.keys()]
      sums[k]! += scorePredictions(
        keys.map((r) => r.label),
        keys.map((r) => m.get(r)!)
      ).f1pn
    })
  }
  return VARIANTS.map(([name, v], k) => ({ name, f1: sums[k]! / seeds, found: found(v) }))
}

const n = usable.filter(tested).length
console.log(
  `RuSentNE-2023 train: ${n} ORGANIZATION and PERSON rows whose entity is at its offsets; 5 folds (seed 42), training seeds 1..${seeds}; F1_PN on those rows`
)
const CONFIGS: Array<[string, () => void]> = [
  [
    'exact match only (before)',
    () => ((TARGET_SPELLING.on = false), (TARGET_FEATURES.givenWhenLoose = false), (TARGET_FEATURES.capitalOverLower = false))
  ],
  [
    'loose match, features of the text',
    () => ((TARGET_SPELLING.on = true), (TARGET_FEATURES.givenWhenLoose = false), (TARGET_FEATURES.capitalOverLower = false))
  ],
  [
    'loose match, stems of a Cyrillic given target',
    () => ((TARGET_SPELLING.on = true), (TARGET_FEATURES.givenWhenLoose = true), (TARGET_FEATURES.capitalOverLower = false))
  ],
  [
    '+ shape of the given target over a lower-case one (shipped)',
    () => ((TARGET_SPELLING.on = true), (TARGET_FEATURES.givenWhenLoose = true), (TARGET_FEATURES.capitalOverLower = true))
  ]
]
const results = CONFIGS.map(([name, setup]) => (setup(), { name, rows: run() }))
console.log('| respelled | ' + results.map((r) => r.name).join(' | ') + ' |')
console.log('|---|' + results.map(() => '---|').join(''))
VARIANTS.forEach(([name], k) => {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`
  console.log(`| ${name} | ` + results.map((r) => `${r.rows[k]!.f1.toFixed(3)} (found ${pct(r.rows[k]!.found)})`).join(' | ') + ' |')
})
