import { describe, expect, it } from 'vitest'
import { newStemmer } from 'snowball-stemmers'
import { kazakhStem, isPlainKazakhForm } from '../../src/shared/stem-kk'
import { stemText, stemWord } from '../../src/shared/stem'

/**
 * Noun paradigms written from the case, possessive and plural tables of a Kazakh grammar
 * (септік, тәуелдік, көптік жалғаулары): every form must come back to its root.
 * Roots chosen for each sound class the allomorphs depend on: a vowel (қала, көше), р (жер), й (үй),
 * л (жол), a nasal (адам, әкім, Қазақстан), з (қыз), a voiceless consonant (мектеп, әкімдік, кітап).
 */
const PARADIGMS: Record<string, string[]> = {
  әкімдік: [
    'әкімдік',
    'әкімдіктің',
    'әкімдікке',
    'әкімдікті',
    'әкімдікте',
    'әкімдіктен',
    'әкімдікпен',
    'әкімдіктер',
    'әкімдіктердің',
    'әкімдіктерге',
    'әкімдіктерді',
    'әкімдіктерде',
    'әкімдіктерден',
    'әкімдіктермен',
    'әкімдігі',
    'әкімдігінің',
    'әкімдігіне',
    'әкімдіктерін',
    'әкімдігінде',
    'әкімдігінен',
    'әкімдігімен',
    'әкімдіктері',
    'әкімдіктерінің',
    'әкімдіктегі',
    'әкімдігіміз',
    'әкімдігіңіз'
  ],
  қала: [
    'қала',
    'қаланың',
    'қалаға',
    'қаланы',
    'қалада',
    'қаладан',
    'қаламен',
    'қалалар',
    'қалалардың',
    'қалаларға',
    'қалаларды',
    'қалаларда',
    'қалалардан',
    'қалалармен',
    'қаласы',
    'қаласының',
    'қаласына',
    'қаласын',
    'қаласында',
    'қаласынан',
    'қаласымен',
    'қалалары',
    'қалаларының',
    'қаладағы',
    'қаласындағы',
    'қаламыз',
    'қалаңыз'
  ],
  көше: [
    'көше',
    'көшенің',
    'көшеге',
    'көшені',
    'көшеде',
    'көшеден',
    'көшемен',
    'көшелер',
    'көшелердің',
    'көшелерге',
    'көшелерде',
    'көшесі',
    'көшесінің',
    'көшесіне',
    'көшесінде',
    'көшелері',
    'көшелерінде',
    'көшедегі',
    'көшелердегі'
  ],
  мектеп: [
    'мектептің',
    'мектепке',
    'мектепті',
    'мектептен',
    'мектеппен',
    'мектептердің',
    'мектебі',
    'мектебінде'
  ],
  кітап: ['кітаптың', 'кітапқа', 'кітапты', 'кітапта', 'кітаптан', 'кітаптар', 'кітабы', 'кітабының'],
  жер: ['жердің', 'жерге', 'жерді', 'жерде', 'жерден', 'жермен', 'жерлер', 'жерлердің', 'жері', 'жерінде'],
  үй: ['үйдің', 'үйге', 'үйді', 'үйде', 'үйден', 'үймен', 'үйлер', 'үйлердің', 'үйлері'],
  жол: ['жолдың', 'жолға', 'жолда', 'жолдан', 'жолдар', 'жолдардың', 'жолдарға', 'жолдары', 'жолдағы'],
  адам: ['адамның', 'адамға', 'адамды', 'адамда', 'адамнан', 'адаммен', 'адамдар', 'адамдардың', 'адамы'],
  әкім: [
    'әкімнің',
    'әкімге',
    'әкімді',
    'әкімде',
    'әкімнен',
    'әкіммен',
    'әкімдер',
    'әкімі',
    'әкімінің',
    'әкімінде'
  ],
  қыз: ['қыздың', 'қызға', 'қызды', 'қызда', 'қыздан', 'қызбен', 'қыздар', 'қыздардың', 'қызы'],
  қазақстан: ['қазақстанның', 'қазақстанға', 'қазақстанды', 'қазақстанда', 'қазақстаннан', 'қазақстандағы'],
  шұңқыр: ['шұңқырдың', 'шұңқырға', 'шұңқырлар', 'шұңқырлардың', 'шұңқырларды', 'шұңқыры']
}

describe('kazakhStem: noun paradigms come back to their root', () => {
  for (const [root, forms] of Object.entries(PARADIGMS)) {
    it.each(forms.map((f) => [f]))(`${root} ← %s`, (form) => {
      expect(kazakhStem(form)).toBe(root)
    })
  }
})

describe('kazakhStem is conservative', () => {
  it('leaves bare roots, short words and derivational suffixes alone', () => {
    for (const w of [
      'әкімдік',
      'қала',
      'көше',
      'үй',
      'су',
      'ұлы',
      'орын',
      'мұғалім',
      'білім',
      'адам',
      'тұрғын',
      'ақын'
    ]) {
      expect(kazakhStem(w), w).toBe(w)
    }
    // -дік makes a new word: the akimat (әкімдік) is not the akim (әкім).
    expect(kazakhStem('әкімдікке')).not.toBe(kazakhStem('әкімге'))
  })

  it('never leaves fewer than two letters, and two only when they end in a consonant', () => {
    expect(kazakhStem('үйге')).toBe('үй')
    expect(kazakhStem('елдің')).toBe('ел')
    expect(kazakhStem('уәде')).toBe('уәде')
    expect(kazakhStem('ақы')).toBe('ақы')
    expect(kazakhStem('орында')).toBe('орын')
    expect(kazakhStem('орынның')).toBe('орын')
    // тұрғын + да, not тұрғы + нда
    expect(kazakhStem('тұрғында')).toBe('тұрғын')
    expect(kazakhStem('тұрғындарға')).toBe('тұрғын')
    expect(kazakhStem('үйі')).toBe('үйі')
    // -ы after с, not -сы after ы; a bare -н only after a certain possessive
    expect(kazakhStem('қозғалысының')).toBe('қозғалыс')
    expect(kazakhStem('құрылысы')).toBe('құрылыс')
    expect(kazakhStem('түтін')).toBe('түтін')
    expect(kazakhStem('кілттерін')).toBe('кілт')
    // the price: «әкімін» (his akim, accusative) is not told from a root in -ін and stays whole
    expect(kazakhStem('әкімін')).toBe('әкімін')
  })

  it('strips only the allomorph the stem would take (vowel harmony and the sound before it)', () => {
    // After a vowel the locative is -да, never -та; a back stem never takes the front -де, -ге, -нің.
    expect(kazakhStem('қалата')).toBe('қалата')
    expect(kazakhStem('қаладе')).toBe('қаладе')
    expect(kazakhStem('қаланің')).toBe('қаланің')
    expect(kazakhStem('кітапге')).toBe('кітапге')
    // After a voiceless consonant it is -тың, not -дың; after a vowel the plural is -лар, not -тар.
    expect(kazakhStem('мектепдің')).toBe('мектепдің')
    expect(kazakhStem('қалатар')).toBe('қалатар')
  })

  it('keeps loans ending in б with a back loan vowel (клуб), voices native roots back (кітабы → кітап)', () => {
    expect(kazakhStem('клубының')).toBe('клуб')
    expect(kazakhStem('кітабының')).toBe('кітап')
    expect(kazakhStem('тарағы')).toBe('тарақ')
    expect(kazakhStem('жүрегі')).toBe('жүрек')
  })
})

describe('stemWord picks the language per word', () => {
  const russian = newStemmer('russian')

  it('stems Russian words with Snowball, even those that end like Kazakh suffixes', () => {
    for (const w of [
      'доллар',
      'компьютер',
      'вода',
      'работы',
      'правда',
      'года',
      'дилер',
      'удары',
      'акимата'
    ]) {
      expect(stemWord(w), w).toBe(russian.stem(w))
    }
    expect(isPlainKazakhForm('доллары')).toBe(false)
  })

  it('stems words with Kazakh-only letters, and plural + case chains without them, as Kazakh', () => {
    expect(stemWord('Әкімдіктердің')).toBe('әкімдік')
    expect(stemWord('ҚАЛАСЫНДА')).toBe('қала')
    expect(isPlainKazakhForm('жолдарды')).toBe(true)
    expect(stemWord('жолдарды')).toBe('жол')
  })

  it('gives a Kazakh form without Kazakh-only letters the stem its bare form has', () => {
    // «бала» is written with Russian letters only and stems as Russian: its forms must meet it there.
    expect(stemWord('балаға')).toBe(stemWord('бала'))
    expect(stemWord('балаларда')).toBe(stemWord('бала'))
    expect(stemWord('адамның')).toBe(stemWord('адам'))
    expect(stemWord('Алматының')).toBe(stemWord('Алматы'))
  })

  it('builds the stem column of a mixed text word by word', () => {
    expect(stemText('Алматы әкімдігі: горячей воды нет, көшелерде су жоқ')).toBe(
      'алмат әкімдік горяч вод нет көше су жоқ'
    )
  })
})
