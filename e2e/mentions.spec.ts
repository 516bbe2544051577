import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { apiCall, expect, freshDir, openApp, otklik, resetSettings, shot, startHost, test } from './host'
import { MentionsPageObject } from './pages/mentions'

const mentions = (page: Page): MentionsPageObject => new MentionsPageObject(page)
const row = (page: Page, index: number): Locator => mentions(page).grid.row(index)
const total = (page: Page): Locator => mentions(page).total
const rowId = (page: Page, index: number): Promise<string> => mentions(page).rowId(index)
const totalCount = (page: Page): Promise<number> => mentions(page).totalCount()

test.beforeEach(async ({ demoHost }) => resetSettings(demoHost))

test('the grid shows demo mentions from SQLite, with counts and sentiment', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  await expect(row(page, 0)).toBeVisible()
  await expect(total(page)).toContainText(/Найдено: [\d\s ]{4,}/)
  await expect(row(page, 0).locator('.sentiment')).toBeVisible()
  await expect(page.getByTestId('facet-sentiment')).toContainText('Негатив')
  await shot(page, 'mentions-ru')
})

test('scrolling loads more rows than the first block', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  const grid = mentions(page).grid.root
  await expect(row(page, 0)).toBeVisible()
  await row(page, 0).hover()
  for (let i = 0; i < 14; i++) await page.mouse.wheel(0, 700)
  // Rows past the first 100-row block show data only if a second block was fetched from SQLite.
  await expect
    .poll(async () => {
      const found = await grid
        .locator('.ag-row')
        .evaluateAll((els) =>
          els.map((e) => ({ index: Number(e.getAttribute('row-index')), text: (e as HTMLElement).innerText }))
        )
      return found.filter((r) => r.index >= 120 && /\d{2}\.\d{2}\.\d{4}/.test(r.text)).length
    })
    .toBeGreaterThan(3)
})

test('a sentiment filter changes rows, counts and chips; removing the chip restores them', async ({
  page,
  demoHost
}) => {
  await openApp(page, demoHost)
  const before = await totalCount(page)
  await page
    .getByTestId('facet-sentiment')
    .getByLabel(/Негатив/)
    .check()
  await expect.poll(() => totalCount(page)).toBeLessThan(before)
  await expect(row(page, 0).locator('.sentiment-negative')).toBeVisible()
  await expect(mentions(page).grid.root.locator('.sentiment-positive')).toHaveCount(0)
  const chips = mentions(page).chips
  await expect(chips).toContainText('Негатив')
  await chips.getByRole('button', { name: /Убрать фильтр «Тональность: Негатив»/ }).click()
  await expect.poll(() => totalCount(page)).toBe(before)
})

test('search finds word forms and marks them; a broken query shows where it is wrong', async ({
  page,
  demoHost
}) => {
  await openApp(page, demoHost)
  const before = await totalCount(page)
  const box = page.getByTestId('search-input')
  await box.fill('акимат')
  await box.press('Enter')
  await expect.poll(() => totalCount(page)).toBeLessThan(before)
  // Other forms of the word are found and highlighted: «акимата», «акиматом», «акимату»…
  const marks = mentions(page).marks
  await expect(marks.first()).toBeVisible()
  const forms = (await marks.allInnerTexts()).map((s) => s.toLowerCase())
  expect(forms.every((f) => f.startsWith('акимат'))).toBe(true)
  expect(forms.some((f) => /^акимат(а|ом|у|е)$/.test(f))).toBe(true)
  const rowText = await mentions(page)
    .grid.rows.filter({ has: page.locator('mark.hl', { hasText: /^акимат(а|ом|у|е)$/i }) })
    .first()
    .innerText()
  expect(rowText.toLowerCase()).toMatch(/акимат(а|ом|у|е)(?![а-яё])/)
  await shot(page, 'mentions-search-ru')

  await box.fill('акимат AND (дороги')
  await expect(page.getByTestId('search-input-error')).toContainText(/позиции \d+/)
  await expect(page.getByTestId('search-input-error').locator('mark')).toBeVisible()
})

test('a sentiment set with a key persists after reload; bulk edit by selection', async ({
  page,
  demoHost
}) => {
  await openApp(page, demoHost)
  const first = row(page, 0)
  const id = await rowId(page, 0)
  const current = await first.locator('.sentiment').getAttribute('class')
  const [key, cls] = current?.includes('sentiment-positive')
    ? ['1', 'sentiment-negative']
    : ['3', 'sentiment-positive']
  await first.locator('.ag-cell[col-id="text"]').click()
  await expect(mentions(page).detail).toBeVisible()
  await page.keyboard.press(key)
  const edited = mentions(page).grid.rowById(id).first()
  await expect(edited.locator(`.${cls}`)).toBeVisible()
  await expect(edited.locator('.origin-mark')).toBeVisible()
  await page.reload()
  await expect(mentions(page).grid.rowById(id).locator(`.${cls}`).first()).toBeVisible()

  // Two rows selected → the bulk bar sets both.
  const box = (i: number): Locator => mentions(page).grid.checkbox(i)
  await rowId(page, 2)
  await box(1).click()
  await expect(mentions(page).bulkBar).toContainText('Выбрано: 1')
  await box(2).click()
  await expect(mentions(page).bulkBar).toContainText('Выбрано: 2')
  await page.getByTestId('bulk-neutral').click()
  await expect(mentions(page).toast).toContainText('Нейтрально')
  await expect(row(page, 1).locator('.sentiment-neutral')).toBeVisible()
  await expect(row(page, 2).locator('.sentiment-neutral')).toBeVisible()
})

test('irrelevant mentions are hidden and can be shown again; response workflow', async ({
  page,
  demoHost
}) => {
  await openApp(page, demoHost)
  const before = await totalCount(page)
  const first = row(page, 0)
  const id = await rowId(page, 0)
  await first.locator('.ag-cell[col-id="text"]').click()
  await page.getByTestId('detail-response').click()
  const dialog = page.getByTestId('response-dialog')
  await dialog.getByLabel('Назначено').check()
  await dialog.getByLabel('Ответственный').fill('Айгерим Садыкова')
  await page.getByTestId('response-save').click()
  await expect(mentions(page).grid.rowById(id).locator('.response-assigned').first()).toBeVisible()
  await expect(mentions(page).detail).toContainText('Айгерим Садыкова')

  await page.getByTestId('detail-irrelevant').click()
  await page.getByRole('button', { name: 'Спам' }).click()
  await expect.poll(() => totalCount(page)).toBe(before - 1)
  await expect(mentions(page).grid.rowById(id)).toHaveCount(0)
  // The open detail pane folded the filter panel away (1366 px): closing it brings the panel back.
  await mentions(page).detail.getByRole('button', { name: 'Закрыть' }).click()
  await mentions(page).filterPanel.getByRole('button', { name: 'Только они' }).click()
  await expect(mentions(page).grid.rowById(id).first()).toBeVisible()
  await mentions(page).filterPanel.getByRole('button', { name: 'Скрыть', exact: true }).click()
})

test('a saved view brings its filters back', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  const before = await totalCount(page)
  await page
    .getByTestId('facet-platform')
    .getByLabel(/Telegram/)
    .check()
  await expect.poll(() => totalCount(page)).toBeLessThan(before)
  const telegram = await totalCount(page)
  await page.getByTestId('views-button').click()
  const name = `Телеграм ${Date.now()}`
  await page.getByPlaceholder('Название вида').fill(name)
  await page.getByRole('button', { name: 'Сохранить текущий' }).click()
  await expect(mentions(page).toast).toContainText(name)
  await page
    .getByTestId('filter-chips')
    .getByRole('button', { name: /Убрать фильтр «Площадки: Telegram»/ })
    .click()
  await expect.poll(() => totalCount(page)).toBe(before)
  await page.getByTestId('views-button').click()
  await page.getByRole('button', { name, exact: true }).click()
  await expect.poll(() => totalCount(page)).toBe(telegram)
  await expect(mentions(page).chips).toContainText('Telegram')
})

test('the filtered table exports to XLSX and CSV', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  await expect(row(page, 0)).toBeVisible()
  for (const format of ['xlsx', 'csv']) {
    await page.getByTestId('export-button').click()
    const download = page.waitForEvent('download')
    await page.getByTestId(`export-${format}`).click()
    expect((await download).suggestedFilename()).toMatch(new RegExp(`\\.${format}$`))
  }
})

test('an empty workspace offers the demo and creates it', async ({ page }) => {
  test.setTimeout(120_000)
  const db = join(freshDir('empty'), 'empty.db')
  otklik(['demo', '--db', db, '--weeks', '1', '--until', '2026-11-22']) // create the file…
  const Database = (await import('better-sqlite3')).default
  const raw = new Database(db)
  raw.exec(
    'DELETE FROM mentions_fts; DELETE FROM mention_topics; DELETE FROM mention_subjects; DELETE FROM batch_duplicates; DELETE FROM mentions'
  )
  raw.close()
  const host = await startHost(db)
  try {
    await openApp(page, host)
    await expect(page.getByTestId('empty-state')).toBeVisible()
    await shot(page, 'mentions-empty-ru')
    await mentions(page).go('dashboard')
    await expect(page.getByTestId('empty-state')).toBeVisible()
    await mentions(page).go('mentions')
    await page.getByTestId('create-demo').click()
    await expect(row(page, 0)).toBeVisible({ timeout: 90_000 })
    expect(await apiCall<{ mentions: number }>(host, 'stats:get', {})).toMatchObject({
      mentions: expect.any(Number)
    })
  } finally {
    await host.stop()
  }
})
