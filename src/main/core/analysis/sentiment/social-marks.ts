/**
 * Emoticons, emoji and the other marks of a social post, found in one pass over the text (a scan per
 * text is on the classifier's hot path: one loop instead of several regular expressions).
 *
 * Smiles: «))» and longer runs (one each), «:)» «=)» «;)» «:-)», «:D», «xD» / «хD», a lone «)» after a
 * word in a text with no «(» («Спасибо)»), and the emoji in POSITIVE. Frowns: «((» and longer runs,
 * «:(» «=(» «:-(», a lone «(» at a word's end in a text with no «)» («Опять нет света(»), and the emoji
 * in NEGATIVE. Laughing faces 😂🤣 are in neither: in complaints they are as often mockery.
 * Social marks (news sentences have none): an emoticon or emoji, @mention, #hashtag, link, «!!», «??»
 * (stretched letters, «ужааас», are told by the tokeniser: WordForm.stretched).
 */
const POSITIVE = new Set(
  [...'👍❤♥😊🙂😍👏🥰😃😄🙏💪😀😁😆😉😘🤗☺😇🥳👌💯🔥💙💚💛💜🌹😋🤩✨'].map((c) => c.codePointAt(0)!)
)
const NEGATIVE = new Set(
  [...'👎😡😠🤬😢😭💩🤦😤😒😞😔😟😩😫😱🤮🤢👿💔😕🙁☹😣😖😓😰🙄😑🖕'].map((c) => c.codePointAt(0)!)
)

export interface Marks {
  /** smiles minus frowns */
  emoji: number
  /** a mark of a social post */
  social: boolean
}

const isAsciiLetterOrDigit = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
/** letters and digits, roughly: ASCII ones, and everything from Latin-1 letters to CJK (no emoji) */
const isWordish = (c: number) => isAsciiLetterOrDigit(c) || (c >= 0xc0 && c < 0x2000)
/** what may stand before a lone bracket that is a smile or a frown */
const beforeLone = (c: number) => isWordish(c) || c === 32 || c === 33 || c === 46 || c === 10
const isEyes = (c: number) => c === 58 || c === 61 || c === 59 // : = ;

/** where a mark can start: the scan jumps from one to the next (a regular expression finds them fastest) */
const CANDIDATE = /[()@#!?D]|https?:\/\/|www\.|[\u2600-\u27bf\ud83c-\ud83e]/g

export function scanMarks(text: string): Marks {
  let emoji = 0
  let social = false
  let opens = 0
  let closes = 0
  let loneSmile = false
  let loneFrown = false
  const n = text.length
  CANDIDATE.lastIndex = 0
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const i = m.index
    const c = text.charCodeAt(i)
    switch (c) {
      case 41: // )
      case 40: {
        // ( — a run of two or more is one mark; a single one may close an emoticon or stand alone
        let j = i + 1
        while (j < n && text.charCodeAt(j) === c) j++
        const run = j - i
        if (c === 41) closes += run
        else opens += run
        const eyes =
          isEyes(text.charCodeAt(i - 1)) || (text.charCodeAt(i - 1) === 45 && isEyes(text.charCodeAt(i - 2)))
        if (run >= 2 || (eyes && (c === 41 || text.charCodeAt(i - 1) !== 59))) {
          emoji += c === 41 ? 1 : -1
          social = true
        } else if (i > 0 && beforeLone(text.charCodeAt(i - 1))) {
          if (c === 41) loneSmile = true
          else if (!isWordish(text.charCodeAt(i + 1))) loneFrown = true
        }
        CANDIDATE.lastIndex = j
        break
      }
      case 68: {
        // D: «:D», «:-D», «xD», «хD», not inside a word
        if (isWordish(text.charCodeAt(i + 1))) break
        const p = text.charCodeAt(i - 1)
        const smile =
          p === 58 ||
          (p === 45 && text.charCodeAt(i - 2) === 58) ||
          ((p === 120 || p === 0x445) && !isWordish(text.charCodeAt(i - 2)))
        if (smile) {
          emoji++
          social = true
        }
        break
      }
      case 64: // @
      case 35: {
        // #
        const d = text.charCodeAt(i + 1)
        if (isWordish(d) || d === 95) social = true
        break
      }
      case 33: // !
      case 63: // ?
        if (text.charCodeAt(i + 1) === c) social = true
        break
      case 104: // h(ttp) and w(ww.): a link
      case 119:
        social = true
        break
      default: {
        const cp = text.codePointAt(i)!
        if (cp > 0xffff) CANDIDATE.lastIndex = i + 2
        if (POSITIVE.has(cp)) emoji++
        else if (NEGATIVE.has(cp)) emoji--
        else break
        social = true
      }
    }
  }
  if (loneSmile && opens === 0) emoji++
  if (loneFrown && closes === 0) emoji--
  if (emoji !== 0) social = true
  return { emoji, social }
}
