/**
 * Robustness of the built-in model to the look of social posts, on a "social-ified" copy of the shared
 * RuSentNE-2023 train file: every text lower-cased and stripped of punctuation, a third of them reposted
 * («RT @news_3: …»), half with a link appended, a quarter with one word stretched («ужааасно»). Every
 * change is chosen by a hash of the text alone, never by its label (emoticons, which carry polarity,
 * are not added: that would leak the labels).
 * Fixed-seed 5-fold CV (sentences kept within a fold), retrained per fold with training seeds 1..N:
 *   - clean: train and test on the clean texts (the figure of bench/sentiment.ts);
 *   - news → social: train on the clean training folds, test on the social-ified test fold (what
 *     the shipped model meets: trained on news, asked about posts), as shipped, without the social-post
 *     normalisation of tokens.ts, and with other weights of the lexicon on posts (Rules.lexiconSocial);
 *   - social: train and test on the social-ified copy.
 *   npx tsx bench/sentiment-social.ts [--seeds N]
 */
import { resolve } from 'node:path'
import {
  lexiconOnlyModel,
  trainStandaloneModel,
  type LabelledExample,
  type SentimentModel
} from '../src/main/core/analysis/sentiment'
import { crossValidateWith } from '../src/main/core/analysis/sentiment/evaluate'
import { findTrainingFile, readRuSentNE } from '../src/main/core/analysis/sentiment/rusentne'
import { setSocialNormalisation } from '../src/main/core/analysis/sentiment/tokens'
import { RULES } from '../src/main/core/analysis/sentiment/model'

const args = process.argv.slice(2)
const seedsAt = args.indexOf('--seeds')
const seeds = seedsAt >= 0 ? Number(args[seedsAt + 1]) : 3
const examples = readRuSentNE(findTrainingFile(resolve(__dirname, '..')))

function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

const VOWEL = /[аеиоуыэюяё]/

/** The social-post look of a text: decided by the text's hash, the same for every row of a sentence. */
export function socialify(text: string): string {
  const h = hash(text)
  let s = text
    .toLowerCase()
    .replace(/[.,;:!?«»"“”„—–()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (h % 4 === 0) {
    const words = s.split(' ')
    const i = (h >>> 8) % words.length
    const w = words[i]!
    const v = w.search(VOWEL)
    if (v >= 0) words[i] = w.slice(0, v + 1) + w[v]!.repeat(3) + w.slice(v + 1)
    s = words.join(' ')
  }
  if ((h >>> 3) % 3 === 0) s = `RT @news_${(h >>> 5) % 10}: ` + s
  if ((h >>> 4) % 2 === 0) s += ` https://t.co/${(h % 1e6).toString(36)}`
  return s
}

const social = new Map<string, string>()
for (const e of examples) if (!social.has(e.text)) social.set(e.text, socialify(e.text))
const socialExamples: LabelledExample[] = examples.map((e) => ({
  ...e,
  text: social.get(e.text)!,
  target: e.target?.toLowerCase() ?? null
}))

/** Asks the model about the social-ified text of each clean one. */
const askSocial = (m: SentimentModel): SentimentModel => ({
  kind: m.kind,
  classify: (text, target) => m.classify(social.get(text) ?? text, target?.toLowerCase())
})

function cv(
  ex: LabelledExample[],
  train: (seed: number) => (ex: LabelledExample[]) => SentimentModel
): { mean: number; min: number; max: number } {
  const f1 = Array.from({ length: seeds }, (_, k) => crossValidateWith(ex, train(k + 1), 5, 42).f1pn)
  return {
    mean: f1.reduce((a, b) => a + b, 0) / f1.length,
    min: Math.min(...f1),
    max: Math.max(...f1)
  }
}

const f = (x: number) => x.toFixed(3)
const rows: Array<
  [string, () => void, LabelledExample[], (s: number) => (ex: LabelledExample[]) => SentimentModel]
> = [
  [
    'clean',
    () => setSocialNormalisation(true),
    examples,
    (seed) => (ex) => trainStandaloneModel(ex, { seed })
  ],
  [
    'news → social, as shipped',
    () => setSocialNormalisation(true),
    examples,
    (seed) => (ex) => askSocial(trainStandaloneModel(ex, { seed }))
  ],
  [
    'news → social, tokens not normalised',
    () => setSocialNormalisation(false),
    examples,
    (seed) => (ex) => askSocial(trainStandaloneModel(ex, { seed }))
  ],
  ...[0.5, 0.8, 1.6, 2].map((w): (typeof rows)[number] => [
    `news → social, lexicon ×${w} on posts`,
    () => (setSocialNormalisation(true), (RULES.lexiconSocial = w)),
    examples,
    (seed) => (ex) => askSocial(trainStandaloneModel(ex, { seed }))
  ]),
  [
    'social → social, as shipped',
    () => setSocialNormalisation(true),
    socialExamples,
    (seed) => (ex) => trainStandaloneModel(ex, { seed })
  ],
  [
    'social → social, tokens not normalised',
    () => setSocialNormalisation(false),
    socialExamples,
    (seed) => (ex) => trainStandaloneModel(ex, { seed })
  ]
]
console.log(`RuSentNE-2023 train, ${examples.length} rows, 5 folds (seed 42), training seeds 1..${seeds}`)
const shippedSocial = RULES.lexiconSocial
for (const [name, setup, ex, train] of rows) {
  RULES.lexiconSocial = shippedSocial
  setup()
  const full = cv(ex, train)
  const lexEx = name.startsWith('news') ? examples : ex
  const lex = crossValidateWith(
    lexEx,
    () => (name.startsWith('news') ? askSocial(lexiconOnlyModel()) : lexiconOnlyModel()),
    5,
    42
  ).f1pn
  console.log(
    `${name.padEnd(40)} full ${f(full.mean)} (${f(full.min)}–${f(full.max)})  lexicon only ${f(lex)}`
  )
}
setSocialNormalisation(true)
