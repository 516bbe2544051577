import { createContext, useContext } from 'react'

/**
 * The filter panel's visibility. `open` is the user's choice (remembered); `autoHidden` is a
 * temporary fold the Mentions page asks for while its detail pane needs the width on a small screen.
 */
export interface Layout {
  filtersOpen: boolean
  setFiltersOpen(open: boolean): void
  setAutoHidden(hidden: boolean): void
}

export const LayoutContext = createContext<Layout>({
  filtersOpen: true,
  setFiltersOpen: () => undefined,
  setAutoHidden: () => undefined
})

export function useLayout(): Layout {
  return useContext(LayoutContext)
}

/** Below this window width the detail pane and the filter panel do not both fit beside the grid. */
export const NARROW_WIDTH = 1500
