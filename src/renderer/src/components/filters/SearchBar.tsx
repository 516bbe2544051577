import type { ReactNode } from 'react'
import { useEffect, useRef, useState } from 'react'
import { useFilter } from '../../hooks/useFilter'
import { useI18n } from '../../i18n'
import { QueryInput, useQueryCheck } from '../QueryInput'
import { FilterChips } from './FilterChips'
import { SavedViews } from './SavedViews'

/**
 * The search box of the shared filter (query language, checked as you type, applied a moment after
 * typing stops or at once on Enter), the saved views and the active-filter chips.
 */
export function SearchBar({ actions }: { actions?: ReactNode }) {
  const { state, patch } = useFilter()
  const { t } = useI18n()
  const [text, setText] = useState(state.search)
  const check = useQueryCheck(text)
  const input = useRef<HTMLInputElement>(null)
  // A chip removed or a view applied elsewhere replaces what the box shows.
  useEffect(() => setText(state.search), [state.search])
  useEffect(() => {
    if (text === state.search || !check.ok) return
    const h = setTimeout(() => patch({ search: text }), 600)
    return () => clearTimeout(h)
  }, [text, check.ok, state.search, patch])
  // "/" or Ctrl+F focuses the search from anywhere on the page.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = (e.target as HTMLElement).closest('input, textarea, select, [contenteditable]')
      if ((e.key === '/' && !typing) || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f')) {
        e.preventDefault()
        input.current?.focus()
        input.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
  return (
    <div className="search-bar">
      <div className="search-row">
        <span className="search-icon" aria-hidden="true">
          ⌕
        </span>
        <QueryInput
          value={text}
          onChange={setText}
          onSubmit={() => check.ok && patch({ search: text })}
          placeholder={t('search.placeholder')}
          label={t('search.label')}
          testId="search-input"
          inputRef={input}
        />
        <SavedViews />
        {actions}
      </div>
      <FilterChips />
    </div>
  )
}
