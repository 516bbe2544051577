import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { apiCall, expect, freshDir, openApp, resetSettings, shot, test } from './host'

type ReportRow = { periodFrom: string; periodTo: string; files: string[]; mentions: number | null }

test.beforeEach(async ({ demoHost }) => {
  await resetSettings(demoHost)
  // Digests go to a temporary folder, not the user's Documents.
  await apiCall(demoHost, 'settings:set', { reportsFolder: freshDir('reports') })
})

test('the weekly digest in one click: files to open, and the history', async ({ page, demoHost }) => {
  test.setTimeout(120_000)
  await openApp(page, demoHost, { page: 'reports' })
  await expect(page.getByTestId('digest-panel')).toContainText('Еженедельный дайджест')
  await page.getByTestId('report-export').click()
  const made = page.getByTestId('report-made')
  await expect(made).toBeVisible({ timeout: 90_000 })
  await expect(made.getByTestId('report-files')).toContainText('.docx')
  await expect(made.getByTestId('report-files')).toContainText('.pdf')
  await expect(made.getByRole('button', { name: 'Открыть' }).first()).toBeVisible()
  await expect(page.getByTestId('reports-history')).toContainText('.docx')
  // The default period is the last complete week before the host's (pinned) today, 22.11.2026: the
  // demo's week 16–22.11 is not complete yet, so 09.11–15.11, which holds the demo's mentions.
  const [last] = await apiCall<ReportRow[]>(demoHost, 'reports:list')
  expect(last).toBeDefined()
  expect(last!.periodFrom).toBe('2026-11-09')
  expect(last!.periodTo).toBe('2026-11-15')
  expect(last!.mentions ?? 0).toBeGreaterThan(100)
  const pdf = last!.files.find((f) => f.endsWith('.pdf'))!
  expect(existsSync(pdf)).toBe(true)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  expect(text).toContain('09.11.2026')
  expect(text).not.toContain('Упоминаний нет')
  // The browser host cannot open a file on the desktop: it hands it over as a download.
  const download = page.waitForEvent('download')
  await made.getByRole('button', { name: 'Открыть' }).first().click()
  expect((await download).suggestedFilename()).toMatch(/^otklik-digest-.*\.(docx|pdf)$/)
  await shot(page, 'reports-ru')
})

test('digest options start from the Settings masking value', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'reports' })
  await expect(page.getByTestId('report-mask')).toBeChecked()
})

test('digest options: quotes to pin or leave out come from the preview', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'reports' })
  await page.getByTestId('report-preview').click()
  const quotes = page.getByTestId('quote-list')
  await expect(quotes.locator('li').first()).toBeVisible({ timeout: 30_000 })
  expect(await quotes.locator('li').count()).toBeGreaterThan(2)
  await quotes.locator('li').first().getByLabel('Убрать').check()
  await expect(quotes.locator('li').first()).toHaveClass(/excluded/)
})
