/**
 * A conservative Kazakh suffix stripper for nouns (nothing on npm stems Kazakh).
 *
 * A Kazakh noun is root + plural + possessive + case, each suffix chosen by vowel harmony (back а о ұ ы,
 * front ә е ө ү і) and by the sound it follows (vowel; sonorant р у й; л; nasal м н ң; з ж; voiceless or
 * б в г д). The stripper removes at most one suffix of each slot, from the end: case, then possessive,
 * then plural, and only when the suffix is the allomorph the remaining stem would take (Kazakh grammar,
 * e.g. Н. Оралбаева «Қазіргі қазақ тілі», септік жалғаулары). It never leaves fewer than 2 letters
 * (3 after a one-letter suffix) and never a stem without a vowel. Derivational suffixes (-лық/-лік,
 * -шы/-ші) stay: «әкімдік» is its own word, not «әкім».
 *
 * kazakhStem('әкімдіктердің') === 'әкімдік'   kazakhStem('қаласында') === 'қала'
 * kazakhStem('көшелерде') === 'көше'          kazakhStem('әкімдігі') === 'әкімдік' (г → к)
 */

/** Letters only Kazakh uses among Cyrillic alphabets (not Russian). */
export const KAZAKH_LETTER = /[әғқңөұүһі]/

const VOWELS = new Set('аәеёиоөуұүыіэюя')
const BACK = new Set('аоұы')
const FRONT = new Set('әеөүі')

type Sound = 'V' | 'RUY' | 'L' | 'MNNG' | 'ZZH' | 'VS' | 'OTHER'

/** The class of the stem's last sound that decides the suffix allomorph. */
function finalSound(stem: string): Sound {
  const c = stem.at(-1) ?? ''
  if (c === 'у' || c === 'и' || c === 'й' || c === 'р') return 'RUY'
  if (VOWELS.has(c)) return 'V'
  if (c === 'л') return 'L'
  if (c === 'м' || c === 'н' || c === 'ң') return 'MNNG'
  if (c === 'з' || c === 'ж') return 'ZZH'
  if ('кқпстфхцчшщбвгд'.includes(c) && c !== '') return 'VS'
  return 'OTHER'
}

/** 'back' | 'front' by the last vowel of the stem; null when it is one that loans use either way (и у ю я э ё). */
function harmonyOf(stem: string): 'back' | 'front' | null {
  for (let i = stem.length - 1; i >= 0; i--) {
    const c = stem[i] as string
    if (BACK.has(c)) return 'back'
    if (FRONT.has(c)) return 'front'
    if (VOWELS.has(c)) return null
  }
  return null
}

function hasVowel(s: string): boolean {
  for (const c of s) if (VOWELS.has(c)) return true
  return false
}

interface Suffix {
  s: string
  /** Sounds the suffix may follow; 'POSS3' = only after a 3rd-person possessive -ы/-і/-сы/-сі. */
  after: readonly (Sound | 'POSS3')[]
}

const VOICED: Sound[] = ['V', 'RUY', 'L', 'MNNG', 'ZZH']
const HARD: Sound[] = ['VS']

/** Both harmony forms of a suffix: back with а/ы, front with е/і (қ/ғ become к/г in front forms). */
function pair(back: string, front: string, after: readonly (Sound | 'POSS3')[]): Suffix[] {
  return [
    { s: back, after },
    { s: front, after }
  ]
}

/** Case endings (септік жалғаулары) with their allomorphs, and the locative adjective -дағы. */
const CASES: Suffix[] = [
  // locative + adjective: қаладағы, мектептегі, қаласындағы
  ...pair('дағы', 'дегі', VOICED),
  ...pair('тағы', 'тегі', HARD),
  ...pair('ндағы', 'ндегі', ['POSS3']),
  // genitive: қаланың, адамның, жердің, мектептің
  ...pair('ның', 'нің', ['V', 'MNNG']),
  ...pair('дың', 'дің', ['RUY', 'L', 'ZZH']),
  ...pair('тың', 'тің', HARD),
  // ablative: қаладан, адамнан, мектептен, қаласынан
  ...pair('дан', 'ден', ['V', 'RUY', 'L', 'ZZH']),
  ...pair('нан', 'нен', ['MNNG', 'POSS3']),
  ...pair('тан', 'тен', HARD),
  // locative: қалада, мектепте, қаласында
  ...pair('нда', 'нде', ['POSS3']),
  ...pair('да', 'де', VOICED),
  ...pair('та', 'те', HARD),
  // dative: қалаға, мектепке, қаласына
  ...pair('на', 'не', ['POSS3']),
  ...pair('ға', 'ге', VOICED),
  ...pair('қа', 'ке', HARD),
  // accusative: қаланы, адамды, мектепті, қаласын
  ...pair('ны', 'ні', ['V']),
  ...pair('ды', 'ді', ['RUY', 'L', 'MNNG', 'ZZH']),
  ...pair('ты', 'ті', HARD),
  { s: 'н', after: ['POSS3'] },
  // instrumental (one form for both harmonies): қаламен, қызбен, мектеппен
  { s: 'мен', after: ['V', 'RUY', 'L', 'MNNG'] },
  { s: 'бен', after: ['MNNG', 'ZZH'] },
  { s: 'пен', after: HARD }
]

const CONSONANT: Sound[] = ['RUY', 'L', 'MNNG', 'ZZH', 'VS', 'OTHER']

/**
 * Possessive endings (тәуелдік жалғаулары): 3rd person -сы/-ы, 1st plural -мыз/-ымыз, polite 2nd -ңыз/-ыңыз.
 * 1st and 2nd singular (-м, -ың) are left alone: too many roots end so (адам, білім, мұғалім).
 */
const POSSESSIVES: Suffix[] = [
  ...pair('ымыз', 'іміз', CONSONANT),
  ...pair('ыңыз', 'іңіз', CONSONANT),
  ...pair('мыз', 'міз', ['V']),
  ...pair('ңыз', 'ңіз', ['V']),
  ...pair('сы', 'сі', ['V']),
  ...pair('ы', 'і', CONSONANT)
]

/** Plural (көптік жалғау): қалалар, жерлер, адамдар, мектептер. */
const PLURALS: Suffix[] = [
  ...pair('лар', 'лер', ['V', 'RUY']),
  ...pair('дар', 'дер', ['L', 'MNNG', 'ZZH']),
  ...pair('тар', 'тер', HARD)
]

function byLength(list: Suffix[]): Suffix[] {
  return [...list].sort((a, b) => b.s.length - a.s.length)
}
const CASES_SORTED = byLength(CASES)
const POSS_SORTED = byLength(POSSESSIVES)
const PLURAL_SORTED = byLength(PLURALS)

function suffixHarmony(s: string): 'back' | 'front' | null {
  // The instrumental -мен/-бен/-пен has one form for both harmonies.
  if (/^[мбп]ен$/.test(s)) return null
  if (/[аы]/.test(s)) return 'back'
  if (/[еі]/.test(s)) return 'front'
  return null
}

/**
 * Whether the stem left by removing `suf` is long enough to be a root: 3 letters, or 2 ending in a
 * consonant (үй, ел, іс) after a longer suffix; never without a vowel. «уәде» is not уә + де.
 */
function longEnough(stem: string, suf: string): boolean {
  if (!hasVowel(stem)) return false
  if (stem.length >= 3) return true
  return stem.length === 2 && suf.length >= 2 && !VOWELS.has(stem[1] as string)
}

/** The agent-noun suffix -шы/-ші (сатушы, басшы, тұтынушы) at the end of a stem. */
const AGENT = /ш[ыі]$/

const VOWEL_THEN_CONSONANT = /[аәеёиоөуұүыіэюя][^аәеёиоөуұүыіэюя]$/

/**
 * Whether a stem ending in -ы/-і is a 3rd-person possessive that an н-case (-ның, -на, -нда, -нан, -н)
 * may follow. «тұрғында» is тұрғын + да, not тұрғы + нда: a root left with two final consonants (тұрғ)
 * is not taken, nor a root under 3 letters (орында is орын + да; so үйінде keeps «үйін»).
 */
function isPoss3(stem: string): boolean {
  if (!/[ыі]$/.test(stem)) return false
  const r = stripOne(stem, POSS_SORTED, false)
  if (!r) return false
  const [root, suf] = r
  return suf.length > 1 || VOWEL_THEN_CONSONANT.test(root)
}

/** A plural followed by the 3rd-person possessive: кілттері, қалалары. */
const PLURAL_POSS3 = /(?:лар|лер|дар|дер|тар|тер)[ыі]$/

function fits(stem: string, suf: Suffix, allowPoss3: boolean): boolean {
  if (!longEnough(stem, suf.s)) return false
  // «қозғалысы» is қозғалыс + ы, not қозғалы + сы: -сы/-сі follows other vowels than ы/і, except after
  // the agent suffix -шы/-ші (сатушы + сы, басшы + сы, жүргізуші + сі: no root ends in -шыс/-шіс).
  if ((suf.s === 'сы' || suf.s === 'сі') && /[ыі]$/.test(stem) && !AGENT.test(stem)) return false
  // A final -шы/-ші is the agent suffix (сатушы, тілші), not a root in -ш with the possessive -ы/-і:
  // the few such roots (ағаш → ағашы) lose less than every agent noun would.
  if ((suf.s === 'ы' || suf.s === 'і') && stem.endsWith('ш')) return false
  // A bare accusative -н only where the possessive is certain (қаласын, кілттерін), not after
  // roots that end in -ын/-ін (түтін, ақын).
  if (suf.s === 'н' && !/с[ыі]$/.test(stem) && !PLURAL_POSS3.test(stem)) return false
  const h = suffixHarmony(suf.s)
  const sh = harmonyOf(stem)
  if (h !== null && sh !== null && h !== sh) return false
  const sound = finalSound(stem)
  for (const a of suf.after) {
    if (a === 'POSS3') {
      if (allowPoss3 && isPoss3(stem)) return true
    } else if (a === sound) return true
  }
  return false
}

/** Removes the first (longest) suffix of the list that fits; returns [stem, suffix] or null. */
function stripOne(word: string, list: Suffix[], allowPoss3: boolean): [string, string] | null {
  for (const suf of list) {
    if (word.length > suf.s.length && word.endsWith(suf.s)) {
      const stem = word.slice(0, -suf.s.length)
      if (fits(stem, suf, allowPoss3)) return [stem, suf.s]
    }
  }
  return null
}

function stripPossessive(word: string): string | null {
  const r = stripOne(word, POSS_SORTED, false)
  if (!r) return null
  const [stem, suf] = r
  // A vowel-initial suffix voices the root's last consonant: кітап → кітабы, әкімдік → әкімдігі, тарақ → тарағы.
  return /^[ыі]/.test(suf) ? devoice(stem) : stem
}

function devoice(stem: string): string {
  const last = stem.at(-1)
  const h = harmonyOf(stem)
  if (last === 'ғ') return stem.slice(0, -1) + 'қ'
  if (last === 'г' && h === 'front') return stem.slice(0, -1) + 'к'
  // б → п for native words (кітабы, мектебі), not for loans like «клуб» (their last vowel у, о, и…).
  if (last === 'б' && h !== null && !/[уоиюяэё][^аәеёиоөуұүыіэюя]*$/.test(stem))
    return stem.slice(0, -1) + 'п'
  return stem
}

/**
 * The stem of one normalised Kazakh word (lower case): case, possessive and plural suffixes removed.
 * Words it does not recognise come back unchanged.
 */
export function kazakhStem(word: string): string {
  let w = word
  const c = stripOne(w, CASES_SORTED, true)
  if (c) w = c[0]
  const p = stripPossessive(w)
  if (p !== null) w = p
  const pl = stripOne(w, PLURAL_SORTED, false)
  if (pl) w = pl[0]
  return w
}

/**
 * Plural + case chains that no Russian word ends with, for Kazakh words written without any Kazakh-only
 * letter (жолдарды, балаларда, мектептерде). A bare -лар/-тер or a lone case ending is not enough there:
 * «доллар», «компьютер», «вода», «работы» are Russian.
 */
const PLAIN_CHAIN = /(?:лар|дар|тар)(?:ды|да|дан|ға|мен)$|(?:лер|дер|тер)(?:де|ден|ге|мен)$/

/** Whether a word without Kazakh-only letters still carries an unmistakable Kazakh suffix chain. */
export function isPlainKazakhForm(word: string): boolean {
  return PLAIN_CHAIN.test(word) && /^[а-я]+$/.test(word)
}
