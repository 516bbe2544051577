import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { CatalogPart } from '../../../shared/api'
import type { TopicView } from '../../../shared/views'
import { call, onEvent } from '../api'
import type { Lang } from '../i18n'

type Subject = { id: number; name: string; query: string; enabled: boolean }
type Source = { id: number; name: string }

export interface Catalog {
  topics: TopicView[]
  subjects: Subject[]
  sources: Source[]
  topicName(id: number, lang: Lang): string | null
  /** A topic's name as stored (on rows) → its name in `lang`; unknown names pass through. */
  topicLabel(name: string, lang: Lang): string
}

const Ctx = createContext<Catalog | null>(null)

/**
 * A number that moves whenever main says `part` of the catalog changed (`catalog:changed`, from this
 * window's edits or another's): a list passes it to `useQuery`'s deps and reloads by itself, so no
 * page has to remember to reload after an edit.
 */
export function useCatalogVersion(part: Exclude<CatalogPart, 'all'>): number {
  const [v, setV] = useState(0)
  useEffect(
    () => onEvent('catalog:changed', (e) => (e.part === part || e.part === 'all') && setV((x) => x + 1)),
    [part]
  )
  return v
}

/**
 * Names of topics, subjects and collection sources, for chips and pickers. Small lists, loaded once
 * and again when main says they changed. A channel that fails leaves its list empty (never blocks).
 */
export function CatalogProvider({ children }: { children: ReactNode }) {
  const [topics, setTopics] = useState<TopicView[]>([])
  const [subjects, setSubjects] = useState<Subject[]>([])
  const [sources, setSources] = useState<Source[]>([])
  const topicsVersion = useCatalogVersion('topics')
  const subjectsVersion = useCatalogVersion('subjects')
  const sourcesVersion = useCatalogVersion('sources')
  useEffect(() => {
    call('topics:list', {}).then(setTopics, () => undefined)
  }, [topicsVersion])
  useEffect(() => {
    call('subjects:list', {}).then(setSubjects, () => undefined)
  }, [subjectsVersion])
  useEffect(() => {
    call('sources:list', {}).then(
      (s) => setSources(s.map((x) => ({ id: x.id, name: x.name }))),
      () => undefined
    )
  }, [sourcesVersion])
  const value = useMemo<Catalog>(
    () => ({
      topics,
      subjects,
      sources,
      topicName: (id, lang) => {
        const t = topics.find((x) => x.id === id)
        return t ? (t.names[lang] ?? t.name) : null
      },
      topicLabel: (name, lang) => {
        const t = topics.find((x) => x.name === name || x.names.ru === name)
        return t ? (t.names[lang] ?? t.name) : name
      }
    }),
    [topics, subjects, sources]
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
