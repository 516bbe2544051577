/**
 * What the digest says, as strings: shared by the DOCX and PDF writers so both print the same words.
 */
import { formatDate } from '../../../shared/time'
import { formatCompact, formatDay, formatDecimal, formatInt, formatPct, t, type LabelKey } from './i18n'
import type { AuthorItem, Change, DigestModel, QuoteItem } from './model-types'
import type { ColorName } from './style'

export type Tone = 'bad' | 'good' | 'neutral'
export interface FigureCard {
  label: string
  value: string
  /** '+12%', '−3,1 п. п.', 'новое', 'без изменений' */
  delta: string
  tone: Tone
  /** 'пред. период: 1 100' */
  prev: string
}

export function periodText(m: DigestModel): string {
  return `${formatDay(m.period.from)} – ${formatDay(m.period.to)}`
}
export function prevPeriodText(m: DigestModel): string {
  return `${formatDay(m.period.prevFrom)} – ${formatDay(m.period.prevTo)}`
}

function countCard(m: DigestModel, key: LabelKey, c: Change, compact = false): FigureCard {
  const lang = m.lang
  const fmt = (n: number): string => (compact ? formatCompact(lang, n) : formatInt(lang, n))
  let delta: string
  if (c.rel === null) delta = c.value > 0 ? t(lang, 'deltaNew') : t(lang, 'deltaSame')
  else if (c.diff === 0) delta = t(lang, 'deltaSame')
  else delta = `${c.rel > 0 ? '+' : '−'}${formatPct(lang, Math.abs(c.rel), Math.abs(c.rel) < 0.1 ? 1 : 0)}`
  return {
    label: t(lang, key),
    value: fmt(c.value),
    delta,
    tone: 'neutral',
    prev: t(lang, 'deltaPrev', { v: fmt(c.prev) })
  }
}

function shareCard(m: DigestModel, key: LabelKey, c: Change, upIs: Tone): FigureCard {
  const lang = m.lang
  const pp = c.diff * 100
  const flat = Math.abs(pp) < 0.05
  const delta = flat
    ? t(lang, 'deltaSame')
    : `${pp > 0 ? '+' : '−'}${formatDecimal(lang, Math.abs(pp), 1)} ${t(lang, 'ppUnit')}`
  const tone: Tone = flat || upIs === 'neutral' ? 'neutral' : pp > 0 ? upIs : upIs === 'bad' ? 'good' : 'bad'
  return {
    label: t(lang, key),
    value: formatPct(lang, c.value, 1),
    delta,
    tone,
    prev: t(lang, 'deltaPrev', { v: formatPct(lang, c.prev, 1) })
  }
}

/** The eight key-figure cards, in reading order (two rows of four). */
export function figureCards(m: DigestModel): FigureCard[] {
  const f = m.figures
  return [
    countCard(m, 'figMentions', f.mentions),
    shareCard(m, 'figNegative', f.negativeShare, 'bad'),
    shareCard(m, 'figNeutral', f.neutralShare, 'neutral'),
    shareCard(m, 'figPositive', f.positiveShare, 'good'),
    countCard(m, 'figStories', f.stories),
    countCard(m, 'figReach', f.reach, true),
    countCard(m, 'figOutlets', f.outlets),
    countCard(m, 'figAuthors', f.authors)
  ]
}

export function toneColor(tone: Tone): ColorName {
  return tone === 'bad' ? 'negative' : tone === 'good' ? 'positive' : 'muted'
}

/** '1 234 публикации в 812 сюжетах' */
export function storiesLine(m: DigestModel): string {
  return t(m.lang, 'figStoriesLine', {
    n: formatInt(m.lang, m.figures.mentions.value),
    m: formatInt(m.lang, m.figures.stories.value)
  })
}

/** The quote's byline: platform · source · author · date · reach (the link goes separately). */
export function quoteMeta(m: DigestModel, q: QuoteItem): string {
  const parts = [q.platformName]
  if (q.source && q.source !== q.platformName) parts.push(q.source)
  if (q.author) parts.push(q.author)
  parts.push(q.date)
  if (q.reach) parts.push(`${t(m.lang, 'reachWord')} ${formatInt(m.lang, q.reach)}`)
  if (q.storySize > 1) parts.push(t(m.lang, 'quoteFrom', { n: formatInt(m.lang, q.storySize) }))
  return parts.join(' · ')
}

/** The text of a publication in a table cell: its title, else its text (already trimmed). */
export function publicationText(q: QuoteItem, max = 220): string {
  const s = q.title ?? q.text
  return s.length > max ? s.slice(0, max - 1).replace(/\s+\S*$/, '') + '…' : s
}

/** Table rows of critical / positive publications: date, source (platform), text, reach. */
export function publicationRow(
  m: DigestModel,
  q: QuoteItem
): { date: string; source: string; platform: string; text: string; url: string | null; reach: string } {
  return {
    date: q.date,
    source: q.author && q.author !== q.source ? `${q.source} (${q.author})` : q.source,
    platform: q.platformName,
    text: publicationText(q),
    url: q.url,
    reach: q.reach ? formatInt(m.lang, q.reach) : '—'
  }
}

export function authorRow(m: DigestModel, a: AuthorItem, lean: 'negative' | 'positive'): string[] {
  const lang = m.lang
  const n = lean === 'negative' ? a.negative : a.positive
  return [
    a.label,
    a.typeName,
    a.platformName,
    formatInt(lang, a.labelled),
    `${formatInt(lang, n)} (${formatPct(lang, a.share, 0)})`,
    formatInt(lang, a.reach)
  ]
}

export function authorHeaders(m: DigestModel, lean: 'negative' | 'positive'): string[] {
  const lang = m.lang
  return [
    t(lang, 'colAuthor'),
    t(lang, 'colType'),
    t(lang, 'colPlatform'),
    t(lang, 'colLabelled'),
    t(lang, lean === 'negative' ? 'colNegShare' : 'colPosShare'),
    t(lang, 'colReach')
  ]
}

export function authorsRuleText(m: DigestModel): string {
  return t(m.lang, m.masked ? 'authorsRule' : 'authorsRuleUnmasked', {
    min: m.authors.minLabelled,
    share: formatPct(m.lang, m.authors.share, 0)
  })
}

export function spikeLines(m: DigestModel): string[] {
  return m.spikes.days.map((s) =>
    t(m.lang, 'spikeLine', {
      date: formatDay(s.day),
      topic: s.topicLabel ?? t(m.lang, 'spikeAllTopics'),
      count: formatInt(m.lang, s.negative),
      expected: formatInt(m.lang, s.usual)
    })
  )
}

export function termLines(m: DigestModel): string[] {
  return m.spikes.terms.map((x) =>
    t(m.lang, 'termLine', {
      term: x.term,
      recent: formatInt(m.lang, x.recent),
      baseline: formatInt(m.lang, x.baseline)
    })
  )
}

function qualityText(m: DigestModel, q: Record<string, number>): string {
  const names = new Map(
    t(m.lang, 'qualityNames')
      .split('|')
      .map((p) => p.split('=') as [string, string])
  )
  // Known measures in a fixed order (names' order), then any others the trainer wrote.
  const keys = [...[...names.keys()].filter((k) => k in q), ...Object.keys(q).filter((k) => !names.has(k))]
  const parts = keys.map((k) => {
    const v = q[k]!
    const name = names.get(k) ?? k
    return k === 'n' || v > 1 ? `${name} ${formatInt(m.lang, v)}` : `${name} ${formatDecimal(m.lang, v, 2)}`
  })
  return parts.length ? parts.join(', ') : '—'
}

/** A period without mentions: the section both writers print instead of figures and sections. */
export function emptySection(m: DigestModel): { title: string; text: string; prev: string } {
  return {
    title: t(m.lang, 'emptyTitle'),
    text: t(m.lang, 'emptyText', { from: formatDay(m.period.from), to: formatDay(m.period.to) }),
    prev: t(m.lang, 'emptyPrev', {
      from: formatDay(m.period.prevFrom),
      to: formatDay(m.period.prevTo),
      n: formatInt(m.lang, m.figures.mentions.prev)
    })
  }
}

/** The method section, paragraph by paragraph. */
export function methodParagraphs(m: DigestModel): string[] {
  const lang = m.lang
  const me = m.method
  const total = Math.max(me.mentions, 1)
  const share = (n: number): string => `${formatPct(lang, n / total, 1)} (${formatInt(lang, n)})`
  const out = [
    t(lang, 'methodPeriod', {
      from: formatDay(m.period.from),
      to: formatDay(m.period.to),
      tz: m.timeZone,
      pfrom: formatDay(m.period.prevFrom),
      pto: formatDay(m.period.prevTo)
    })
  ]
  if (!m.empty) {
    out.push(
      t(lang, 'methodSources', {
        mentions: formatInt(lang, me.mentions),
        outlets: formatInt(lang, me.outlets),
        platforms: formatInt(lang, me.platforms.length),
        list: me.platforms.map((p) => `${p.name} ${formatInt(lang, p.count)}`).join(', ')
      }),
      t(lang, 'methodStories', { stories: formatInt(lang, me.stories) }),
      t(lang, 'methodLabels', {
        manual: share(me.labels.manual),
        import: share(me.labels.import),
        model: share(me.labels.model),
        none: share(me.labels.none)
      }),
      me.model.kind === 'learned'
        ? t(lang, 'methodModelLearned', {
            date: formatDate(me.model.trainedAt, m.timeZone),
            labels: formatInt(lang, me.model.labels),
            quality: qualityText(m, me.model.quality)
          })
        : t(lang, 'methodModelBuiltin'),
      me.spikeRule,
      t(lang, 'termsRule')
    )
  }
  out.push(t(lang, 'methodIrrelevant'))
  if (m.masked) out.push(t(lang, 'methodMasking'))
  return out
}

export const SENTIMENT_COLOR: Record<string, ColorName> = {
  negative: 'negative',
  positive: 'positive',
  neutral: 'neutral'
}

/** 'рост на 25 % к пред. периоду (8)', 'новая тема (в пред. периоде 0)' */
export function trendText(lang: DigestModel['lang'], growth: number | null, prev: number): string {
  const pv = formatInt(lang, prev)
  if (growth === null) return t(lang, 'trendNew')
  if (growth > 0) return t(lang, 'trendUp', { pct: formatPct(lang, growth, 0), prev: pv })
  if (growth < 0) return t(lang, 'trendDown', { pct: formatPct(lang, -growth, 0), prev: pv })
  return t(lang, 'trendSame', { prev: pv })
}

/** «Главное за неделю» for a week, «Главное за период» otherwise. */
export function headlineTitle(m: DigestModel): string {
  return t(m.lang, m.period.days === 7 ? 'secHeadline' : 'secHeadlinePeriod')
}

/** 'ЖКХ: 458 негативных публикаций, рост на 332 % к пред. периоду (106)' */
export function headlineProblemLines(m: DigestModel): string[] {
  return m.headline.problems.map((p) =>
    t(m.lang, 'headProblemLine', {
      name: p.name,
      neg: formatInt(m.lang, p.negative),
      trend: trendText(m.lang, p.growth, p.prevNegative)
    })
  )
}

/** 'всплеск: ЖКХ, 23.11, 179 негативных при обычных 48' */
export function headlineSpikeLines(m: DigestModel): string[] {
  // In the order of the week, all topics together first on each day, then the largest.
  const days = [...m.spikes.days].sort(
    (x, y) =>
      x.day.localeCompare(y.day) ||
      Number(x.topicId !== null) - Number(y.topicId !== null) ||
      y.negative - x.negative
  )
  return days.map((s) =>
    t(m.lang, 'headSpikeLine', {
      topic: s.topicLabel ?? t(m.lang, 'headSpikeAll'),
      date: formatDay(s.day).slice(0, 5),
      count: formatInt(m.lang, s.negative),
      expected: formatInt(m.lang, s.usual)
    })
  )
}

/** 'Отвечено 3 из 714 критических публикаций.' */
export function answeredLine(m: DigestModel): string {
  return t(m.lang, 'headAnswered', {
    n: formatInt(m.lang, m.responses.criticalAnswered),
    m: formatInt(m.lang, m.responses.critical)
  })
}

export function responsesCountsLine(m: DigestModel): string {
  const r = m.responses
  return t(m.lang, 'respCounts', {
    needed: formatInt(m.lang, r.needed),
    assigned: formatInt(m.lang, r.assigned),
    answered: formatInt(m.lang, r.answered)
  })
}

/** An answered publication: 'date · outlet — what', then the note. */
export function answeredItemText(
  m: DigestModel,
  a: DigestModel['responses']['answeredItems'][number]
): { head: string; note: string | null } {
  const parts = [a.date, a.platformName]
  if (a.source !== a.platformName) parts.push(a.source)
  return {
    head: parts.join(' · ') + (a.what ? ` — ${a.what}` : ''),
    note: a.note ? t(m.lang, 'respNote', { note: a.note }) : null
  }
}

/** Page 1's closing line of key figures: 'Упоминания 1 323 (+44 %) · Негатив 54 % (+16,4 п. п.) · …' */
export function headlineFiguresLine(m: DigestModel): string {
  const cards = figureCards(m)
  const pick = ['figMentions', 'figNegative', 'figPositive', 'figReach', 'figAuthors'].map((k) =>
    t(m.lang, k as LabelKey)
  )
  return cards
    .filter((c) => pick.includes(c.label))
    .map((c) => `${c.label} ${c.value} (${c.delta})`)
    .join(' · ')
}
