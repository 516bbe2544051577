import type { Token } from './tokens'

/**
 * Kazakh grammar the sentiment rules need (one place; lexicon.ts and patterns.ts use it).
 *
 * Verb negation is a suffix: -ма/-ме after vowels and р й у, -ба/-бе after м н ң з ж (and л), -па/-пе
 * after voiceless consonants, between the verb stem (with its voice suffix) and the tense/person ending:
 * ұна-ма-ды, кел-ме-ді, істе-ме-й-ді, көрсет-пе-ді, жөнде-л-ме-ген, бар-ма-ңыз.
 */

/**
 * A finite Kazakh verb in its negative form: past (бермеді, бармадым, алмадық), present (істемейді,
 * келмеймін, өкінбейсіз), participles (ұнамаған), imperatives (бармаңыз, алмаңыздар): ends so.
 */
export const KK_NEG_VERB =
  /(?:ма|ме|ба|бе|па|пе)(?:ды|ді|д[ыі]м|д[ыі]қ|д[ыі]к|д[ыі]ңыз|йды|йді|ймын|ймін|йсың|йсің|йсыз|йсіз|йтын|йтін|ған|ген|с|сын|сін|ңыз|ңіз|ңыздар|ңіздер|ңдар|ңдер|й|йм[ыі]з|ғанбыз|генбіз)$/

/** The negative suffix right after a verb stem, maybe after a voice suffix (жөнде-л-ме-ді, ашыл-ма-йды). */
export const KK_NEG_AFTER_STEM =
  /^(?:[ыі]?л|[ыі]?н|[ыі]?с|т|д[ыі]р|т[ыі]р|[ғгқк][ыі]з)?(?:ма|ме|ба|бе|па|пе)(?![кқ])/

/** Whether a word is a negative Kazakh verb form (kept on the shared word form). */
export function isKazakhNegativeVerb(w: Pick<Token, 'norm' | 'form'>): boolean {
  const form = w.form
  let neg = form?.kkNeg
  if (neg === undefined) {
    neg = w.norm.length >= 6 && KK_NEG_VERB.test(w.norm)
    if (form) form.kkNeg = neg
  }
  return neg
}

/**
 * A word matched by a plain prefix pattern («ашыл*», «кешік*») is that word negated when the prefix is
 * followed directly by the negative suffix and the word is a negative verb form (ашылмайды, кешікпеді).
 * `rest` is what follows the prefix.
 */
export function negatesAfterPrefix(w: Pick<Token, 'norm' | 'form'>, rest: string): boolean {
  return rest.length >= 2 && isKazakhNegativeVerb(w) && KK_NEG_AFTER_STEM.test(rest)
}

/**
 * Kazakh negative pronouns and adverbs (еш, ешқандай, ешкім, ештеңе, ешқашан, түк, дәнеңе) agree with the
 * negative verb rather than negate again: «ешқандай көмек көрсетпеді» is one negation (no help at all).
 */
const CONCORD_NEGATOR = /^(?:еш|түк$|дәнеңе)/

export function isConcordNegator(norm: string): boolean {
  return CONCORD_NEGATOR.test(norm)
}

/**
 * A negative converb (-май/-мей/-бай/-бей/-пай/-пей) before the auxiliary «жатыр»/«тұр» is the negative
 * progressive: «ақша түспей жатыр», «қосымша кірмей тұр» (it keeps not coming, not opening), a complaint.
 */
const NEG_CONVERB = /(?:ма|ме|ба|бе|па|пе)й$/
const PROGRESSIVE_AUX = /^(?:жатыр|жатқан|тұр(?:$|мын|мыз|сыз|ған|ады))/
export const NEGATIVE_PROGRESSIVE_WEIGHT = -1

export function isNegativeProgressive(converb: Pick<Token, 'norm'>, aux: Pick<Token, 'norm'>): boolean {
  return converb.norm.length >= 5 && PROGRESSIVE_AUX.test(aux.norm) && NEG_CONVERB.test(converb.norm)
}

/** Contrast words of Kazakh written without its own letters (бірақ as «бирак»). */
export const KK_PLAIN_CONTRAST = ['бирак']
