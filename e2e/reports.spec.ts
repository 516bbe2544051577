import { apiCall, expect, freshDir, openApp, resetSettings, shot, test } from './host'

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
  await quotes.locator('li').first().getByLabel('Убрать').check()
  await expect(quotes.locator('li').first()).toHaveClass(/excluded/)
})
