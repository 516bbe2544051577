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

/**
 * Every allomorph of the grammar's tables (көптік, тәуелдік, септік жалғаулары), each on a root of the
 * sound class it follows, both harmonies: plural -лар/-лер/-дар/-дер/-тар/-тер; possessive -ы/-і/-сы/-сі,
 * -мыз/-міз/-ымыз/-іміз, -ңыз/-ыңыз; genitive -ның/-нің/-дың/-дің/-тың/-тің; dative -ға/-ге/-қа/-ке/-на/-не;
 * accusative -ны/-ні/-ды/-ді/-ты/-ті/-н; locative -да/-де/-та/-те/-нда/-нде; ablative -дан/-ден/-тан/-тен/
 * -нан/-нен; instrumental -мен/-бен/-пен.
 */
const ALLOMORPHS: Array<[string, string, string]> = [
  // [suffix, form, root]
  ['-лар', 'балалар', 'бала'],
  ['-лер', 'көшелер', 'көше'],
  ['-лар after у', 'таулар', 'тау'],
  ['-дар after л', 'ауылдар', 'ауыл'],
  ['-дер after л', 'гүлдер', 'гүл'],
  ['-дер after н', 'күндер', 'күн'],
  ['-дер after з', 'сөздер', 'сөз'],
  ['-тар', 'кітаптар', 'кітап'],
  ['-тер', 'мектептер', 'мектеп'],
  ['-ы', 'ауылы', 'ауыл'],
  ['-і', 'дәрігері', 'дәрігер'],
  ['-сы', 'бағасы', 'баға'],
  ['-сі', 'көшесі', 'көше'],
  ['-сы after the agent -шы', 'сатушысы', 'сатушы'],
  ['-сі after the agent -ші', 'жүргізушісі', 'жүргізуші'],
  ['-мыз', 'қаламыз', 'қала'],
  ['-ымыз', 'ауылымыз', 'ауыл'],
  ['-іміз', 'еліміз', 'ел'],
  ['-ңыз', 'қалаңыз', 'қала'],
  ['-ыңыз', 'жолыңыз', 'жол'],
  ['-ның', 'қаланың', 'қала'],
  ['-ның after м', 'адамның', 'адам'],
  ['-нің', 'күннің', 'күн'],
  ['-дың', 'таудың', 'тау'],
  ['-дің', 'гүлдің', 'гүл'],
  ['-тың', 'кітаптың', 'кітап'],
  ['-тің', 'мектептің', 'мектеп'],
  ['-ға', 'тауға', 'тау'],
  ['-ге', 'гүлге', 'гүл'],
  ['-қа', 'тамаққа', 'тамақ'],
  ['-ке', 'интернетке', 'интернет'],
  ['-на', 'бағасына', 'баға'],
  ['-не', 'көшесіне', 'көше'],
  ['-ны', 'баланы', 'бала'],
  ['-ні', 'көшені', 'көше'],
  ['-ды', 'ауылды', 'ауыл'],
  ['-ді', 'сөзді', 'сөз'],
  ['-ты', 'тамақты', 'тамақ'],
  ['-ті', 'мектепті', 'мектеп'],
  ['-н', 'бағасын', 'баға'],
  ['-да', 'ауылда', 'ауыл'],
  ['-де', 'күнде', 'күн'],
  ['-та', 'тамақта', 'тамақ'],
  ['-те', 'мектепте', 'мектеп'],
  ['-нда', 'қаласында', 'қала'],
  ['-нде', 'көшесінде', 'көше'],
  ['-дан', 'таудан', 'тау'],
  ['-ден', 'сөзден', 'сөз'],
  ['-тан', 'тамақтан', 'тамақ'],
  ['-тен', 'мектептен', 'мектеп'],
  ['-нан', 'адамнан', 'адам'],
  ['-нен', 'күннен', 'күн'],
  ['-нан after -сы', 'бағасынан', 'баға'],
  ['-мен', 'ауылмен', 'ауыл'],
  ['-бен', 'сөзбен', 'сөз'],
  ['-пен', 'тамақпен', 'тамақ'],
  ['plural + possessive + case', 'сатушыларының', 'сатушы'],
  ['plural + 1st plural + genitive', 'тұрғындарымыздың', 'тұрғын'],
  ['plural + possessive + locative adjective', 'көшелеріміздегі', 'көше']
]

describe('kazakhStem: each allomorph of the grammar tables', () => {
  it.each(ALLOMORPHS)('%s: %s → %s', (_suffix, form, root) => {
    expect(kazakhStem(form)).toBe(root)
  })

  it('keeps the agent suffix -шы/-ші: the bare noun and its forms share one stem', () => {
    for (const [root, forms] of [
      ['сатушы', ['сатушы', 'сатушылар', 'сатушысы', 'сатушының', 'сатушыға', 'сатушысының']],
      ['тілші', ['тілші', 'тілшілер', 'тілшісі', 'тілшінің', 'тілшіге']],
      ['жүргізуші', ['жүргізуші', 'жүргізушілер', 'жүргізушісі', 'жүргізушімен']]
    ] as const)
      for (const f of forms) expect(kazakhStem(f), f).toBe(root)
    // -ыс/-іс nouns still take the possessive -ы/-і, not -сы/-сі
    expect(kazakhStem('жұмысы')).toBe('жұмыс')
  })

  it('leaves the 1st and 2nd person singular possessives (-м/-ым, -ң/-ың) alone: roots end so too', () => {
    // адам, білім, мұғалім end in -м; балам (my child) is not told from them without a dictionary
    expect(kazakhStem('балам')).toBe('балам')
    expect(kazakhStem('үйім')).toBe('үйім')
    expect(kazakhStem('баламның')).toBe('балам')
  })

  it('keeps adjectives in -сыз/-сіз (without) apart from their root: сапасыз is not сапа', () => {
    expect(kazakhStem('сапасыз')).toBe('сапасыз')
    expect(kazakhStem('ыңғайсыз')).toBe('ыңғайсыз')
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
