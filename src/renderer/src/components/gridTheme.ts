import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community'

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
