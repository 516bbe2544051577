import { type ResponseStatus } from '../../../shared/types'
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import type { MentionFilter } from '../../../shared/filter'
import type { AuthorType, Platform } from '../../../shared/types'
import { dateInZone } from '../../../shared/time'
import { periodRange, type PeriodPreset } from './period'
import { readStored, writeStored } from './useLocalStorage'
import { clock } from '../../../shared/clock'

export type SentimentKey = 'negative' | 'neutral' | 'positive' | 'unlabelled'
export type { ResponseStatus }

/** The filter panel's state. Shared by Mentions, Authors and Dashboard (one store, one truth). */
export interface FilterState {
  period: PeriodPreset
  /** The custom period's ends (used when period is 'custom'). */
  from: string | null
  to: string | null
  sentiments: SentimentKey[]
  platforms: Platform[]
  mediaType: 'media' | 'social' | null
  sourceIds: number[]
  outletIds: number[]
  authorIds: number[]
  authorTypes: AuthorType[]
  topicIds: number[]
  subjectIds: number[]
  langs: string[]
  /** The applied (valid) query; the box may hold a half-typed one. */
  search: string
  irrelevant: 'hide' | 'only' | 'all'
  response: ResponseStatus[]
  collapseStories: boolean
  storyId: number | null
  batchIds: number[]
  /** Labels for chips of ids the panel has no list for: 'authorIds:12' → 'Иван Петров'. */
  names: Record<string, string>
}

export type ListKey = {
  [K in keyof FilterState]: FilterState[K] extends unknown[] ? K : never
}[keyof FilterState]

export const EMPTY_FILTER: FilterState = {
  period: '30d',
  from: null,
  to: null,
  sentiments: [],
  platforms: [],
  mediaType: null,
  sourceIds: [],
  outletIds: [],
  authorIds: [],
  authorTypes: [],
  topicIds: [],
  subjectIds: [],
  langs: [],
  search: '',
  irrelevant: 'hide',
  response: [],
  collapseStories: false,
  storyId: null,
  batchIds: [],
  names: {}
}

/** The API filter for a state, with the period computed in the workspace zone and week. */
export function toMentionFilter(s: FilterState, today: string, weekStart: number): MentionFilter {
  const f: MentionFilter = {}
  const range = periodRange(s.period, today, weekStart, { from: s.from, to: s.to })
  if (range?.from) f.from = range.from
  if (range?.to) f.to = range.to
  const lists = [
    'sentiments',
    'platforms',
    'sourceIds',
    'outletIds',
    'authorIds',
    'authorTypes',
    'topicIds',
    'subjectIds',
    'langs',
    'response',
    'batchIds'
  ] as const
  for (const k of lists) if (s[k].length) (f as Record<string, unknown>)[k] = [...s[k]]
  if (s.mediaType) f.mediaType = s.mediaType
  if (s.search.trim()) f.search = s.search.trim()
  if (s.irrelevant !== 'hide') f.irrelevant = s.irrelevant
  if (s.collapseStories) f.collapseStories = true
  if (s.storyId) f.storyId = s.storyId
  return f
}

/** The state a saved view (or any API filter) stands for: fixed dates become a custom period. */
export function fromMentionFilter(f: MentionFilter): FilterState {
  const s: FilterState = { ...EMPTY_FILTER, names: {}, period: f.from || f.to ? 'custom' : 'all' }
  s.from = f.from ?? null
  s.to = f.to ?? null
  s.sentiments = f.sentiments ?? []
  s.platforms = f.platforms ?? []
  s.mediaType = f.mediaType ?? null
  s.sourceIds = f.sourceIds ?? []
  s.outletIds = f.outletIds ?? []
  s.authorIds = f.authorIds ?? []
  s.authorTypes = f.authorTypes ?? []
  s.topicIds = f.topicIds ?? []
  s.subjectIds = f.subjectIds ?? []
  s.langs = f.langs ?? []
  s.search = f.search ?? ''
  s.irrelevant = f.irrelevant ?? 'hide'
  s.response = f.response ?? []
  s.collapseStories = f.collapseStories ?? false
  s.storyId = f.storyId ?? null
  s.batchIds = f.batchIds ?? []
  return s
}

export interface FilterCtx {
  state: FilterState
  /** Memoised by content: effects depending on it run only when the filter really changes. */
  filter: MentionFilter
  today: string
  patch(p: Partial<FilterState>): void
  toggle<K extends ListKey>(key: K, value: FilterState[K][number], label?: string): void
  reset(): void
  replace(s: FilterState): void
  /** Whether anything narrows the view beyond the default period and hidden irrelevant rows. */
  active: boolean
}

const Ctx = createContext<FilterCtx | null>(null)
const STORE_KEY = 'otklik.filter.v1'

export function FilterProvider({
  timeZone,
  weekStart,
  children
}: {
  timeZone: string
  weekStart: number
  children: ReactNode
}) {
  const [state, setState] = useState<FilterState>(() => ({
    ...EMPTY_FILTER,
    ...readStored<Partial<FilterState>>(STORE_KEY, {})
  }))
  const commit = useCallback((next: FilterState) => {
    writeStored(STORE_KEY, next)
    return next
  }, [])
  const patch = useCallback(
    (p: Partial<FilterState>) => setState((s) => commit({ ...s, ...p, names: { ...s.names, ...p.names } })),
    [commit]
  )
  const toggle = useCallback(
    <K extends ListKey>(key: K, value: FilterState[K][number], label?: string) =>
      setState((s) => {
        const list = s[key] as unknown[]
        const next = list.includes(value) ? list.filter((x) => x !== value) : [...list, value]
        const names = label ? { ...s.names, [`${key}:${String(value)}`]: label } : s.names
        return commit({ ...s, [key]: next, names })
      }),
    [commit]
  )
  const reset = useCallback(() => setState(commit({ ...EMPTY_FILTER, names: {} })), [commit])
  const replace = useCallback((s: FilterState) => setState(commit(s)), [commit])
  const today = dateInZone(clock.now(), timeZone)
  const computed = toMentionFilter(state, today, weekStart)
  const json = JSON.stringify(computed)
  const last = useRef<{ json: string; filter: MentionFilter }>({ json, filter: computed })
  if (last.current.json !== json) last.current = { json, filter: computed }
  const filter = last.current.filter
  const active = useMemo(() => {
    const { period: _p, from: _f, to: _t, names: _n, ...rest } = state
    const { period: _p0, from: _f0, to: _t0, names: _n0, ...base } = EMPTY_FILTER
    return JSON.stringify(rest) !== JSON.stringify(base) || state.period !== EMPTY_FILTER.period
  }, [state])
  const value = useMemo<FilterCtx>(
    () => ({ state, filter, today, patch, toggle, reset, replace, active }),
    [state, filter, today, patch, toggle, reset, replace, active]
  )
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useFilter(): FilterCtx {
  const v = useContext(Ctx)
  if (!v) throw new Error('useFilter outside FilterProvider')
  return v
}
