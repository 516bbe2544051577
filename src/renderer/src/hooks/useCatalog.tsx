import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { SourceView, SubjectView, TopicView } from '../../../shared/views'
import { call, onEvent } from '../api'
import type { Lang } from '../i18n'

/** A collection source as the pickers need it. */
type Source = Pick<SourceView, 'id' | 'name'>

export interface Catalog {
  topics: TopicView[]
  subjects: SubjectView[]
  sources: Source[]
  reload(): void
  topicName(id: number, lang: Lang): string | null
  /** A topic's name as stored (on rows) → its name in `lang`; unknown names pass through. */
  topicLabel(name: string, lang: Lang): string
}

const Ctx = createContext<Catalog | null>(null)

/**
 * Names of topics, subjects and collection sources, for chips and pickers. Small lists, loaded once
 * and again when something changes them. A channel that fails leaves its list empty (never blocks).
 */
export function CatalogProvider({ children }: { children: ReactNode }) {
  const [topics, setTopics] = useState<TopicView[]>([])
  const [subjects, setSubjects] = useState<SubjectView[]>([])
  const [sources, setSources] = useState<Source[]>([])
  const [tick, setTick] = useState(0)
  const reload = useCallback(() => setTick((x) => x + 1), [])
  useEffect(() => {
    call('topics:list', {}).then(setTopics, () => undefined)
    call('subjects:list', {}).then(setSubjects, () => undefined)
    call('sources:list', {}).then(
      (s) => setSources(s.map((x) => ({ id: x.id, name: x.name }))),
      () => undefined
    )
  }, [tick])
  useEffect(() => onEvent('mentions:changed', (e) => e.reason === 'demo' && reload()), [reload])
  const value = useMemo<Catalog>(
    () => ({
      topics,
      subjects,
      sources,
      reload,
      topicName: (id, lang) => {
        const t = topics.find((x) => x.id === id)
        return t ? (t.names[lang] ?? t.name) : null
      },
      topicLabel: (name, lang) => {
        const t = topics.find((x) => x.name === name || x.names.ru === name)
        return t ? (t.names[lang] ?? t.name) : name
      }
    }),
    [topics, subjects, sources, reload]
  )
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>
}

export function useCatalog(): Catalog {
  const v = useContext(Ctx)
  if (!v) throw new Error('useCatalog outside CatalogProvider')
  return v
}

/** The catalog where there is one (null outside the provider): for parts that only add to what they show. */
export function useOptionalCatalog(): Catalog | null {
  return useContext(Ctx)
}
