import { useEffect, useState } from 'react'
import { AllCommunityModule, ModuleRegistry, themeQuartz, type ColDef } from 'ag-grid-community'

ModuleRegistry.registerModules([AllCommunityModule])

/** One grid look for every table; colours come from the app's CSS variables, so dark mode follows. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 12.5,
  headerFontWeight: 600,
  backgroundColor: 'var(--surface)',
  foregroundColor: 'var(--text)',
  borderColor: 'var(--line)',
  headerBackgroundColor: 'var(--surface-2)',
  headerTextColor: 'var(--muted)',
  rowHoverColor: 'var(--hover)',
  selectedRowBackgroundColor: 'var(--selected)',
  accentColor: 'var(--accent)',
  oddRowBackgroundColor: 'var(--surface)',
  chromeBackgroundColor: 'var(--surface-2)',
  wrapperBorderRadius: 8,
  wrapperBorder: { color: 'var(--line)' },
  rowBorder: { color: 'var(--line-soft)' },
  spacing: 6,
  cellHorizontalPadding: 10,
  checkboxCheckedBackgroundColor: 'var(--accent)',
  focusShadow: { radius: 0, spread: 2, color: 'var(--accent)' }
})

/**
 * Column defaults of every grid: a header too long for its column («Жазылушылар») wraps to a second
 * line and the header grows to fit, instead of being cut with an ellipsis.
 */
export const gridColumnDefaults: ColDef = {
  resizable: true,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true
}

/** The header font (gridTheme's headerFontSize and weight), for measuring header words. */
const HEADER_FONT = '600 12.5px "PT Sans"'

/**
 * Whether the header font is loaded: until then a canvas measures in a wider fallback font, so
 * fitHeaders waits for it (the bundled font loads in milliseconds).
 */
export function useHeaderFontReady(): boolean {
  const [ready, setReady] = useState(() => document.fonts?.check(HEADER_FONT) ?? true)
  useEffect(() => {
    if (ready) return
    const done = (): void => setReady(true)
    void document.fonts.load(HEADER_FONT).then(done, done)
  }, [ready])
  return ready
}
let measure: CanvasRenderingContext2D | null | undefined

function textWidth(text: string): number {
  if (measure === undefined) measure = document.createElement('canvas').getContext('2d')
  if (!measure) return text.length * 8
  measure.font = HEADER_FONT
  return measure.measureText(text).width
}

/**
 * Columns whose headers fit: each column is at least as wide as the longest word of its header (plus
 * padding and the header's icons), so a header wraps between words («Жағымсыз / үлесі») and never
 * inside one («Жазылушыл / ар»); the whole name also shows on hover.
 */
export function fitHeaders<T>(cols: ColDef<T>[], fontReady: boolean): ColDef<T>[] {
  return cols.map((c) => {
    const iconOnly = String(c.headerClass ?? '').includes('header-icon-only')
    if (!c.headerName || iconOnly) return c
    if (!fontReady) return { ...c, headerTooltip: c.headerTooltip ?? c.headerName }
    const word = Math.max(...c.headerName.split(/\s+/).map(textWidth))
    // Cell padding on both sides, the sort arrow where the column starts sorted, the filter button.
    const need = Math.ceil(word) + 2 * 10 + (c.sort ? 18 : 0) + (c.filter ? 24 : 0) + 4
    return {
      ...c,
      headerTooltip: c.headerTooltip ?? c.headerName,
      minWidth: Math.max(c.minWidth ?? 0, need),
      ...(c.width !== undefined ? { width: Math.max(c.width, need) } : {})
    }
  })
}
