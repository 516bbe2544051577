import { createContext, useContext } from 'react'

export const PAGES = ['dashboard', 'mentions', 'authors', 'sources', 'import', 'reports', 'settings'] as const
export type Page = (typeof PAGES)[number]

export interface Nav {
  page: Page
  go(page: Page): void
}

export const NavContext = createContext<Nav>({ page: 'mentions', go: () => undefined })

export function useNav(): Nav {
  return useContext(NavContext)
}
