import type { Locator, Page } from '@playwright/test'
import { expect, openApp, resetSettings, shot, test } from './host'

const grid = (page: Page): Locator => page.getByTestId('authors-grid')
/** Rows of the grid's scrolling part (the one with the name cell). */
const rows = (page: Page): Locator =>
  grid(page)
    .locator('.ag-row')
    .filter({ has: page.locator('[col-id="name"]') })
const row = (page: Page, i: number): Locator => rows(page).and(page.locator(`[row-index="${i}"]`))

test.beforeEach(async ({ demoHost }) => resetSettings(demoHost))

test('private persons: orange and blue rows with the rule in the legend', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'authors' })
  await expect(page.getByTestId('authors-legend')).toContainText(
    'Оранжевым — авторы с ≥ 3 оценёнными упоминаниями, из которых ≥ 60 % негативные'
  )
  await expect(page.getByTestId('authors-legend')).toContainText('синим')
  await page
    .getByTestId('filter-panel')
    .getByLabel(/Частное лицо/)
    .check()
  await expect(page.getByTestId('filter-chips')).toContainText('Частное лицо')
  await expect(grid(page).locator('.ag-row.lean-negative').first()).toBeVisible()
  await expect(grid(page).locator('.ag-row.lean-positive').first()).toBeVisible()
  // Never colour alone: the row also says it in words.
  await expect(grid(page).locator('.lean-mark.lean-negative').first()).toHaveText('критикует')
  // Scroll just enough that an orange and a blue row are on screen together.
  await grid(page).locator('.ag-row.lean-positive [col-id="name"]').first().scrollIntoViewIfNeeded()
  await shot(page, 'authors-ru')
})

test('sorting by the share of negative puts the most critical authors first', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'authors' })
  await expect(row(page, 0)).toContainText(/\d/)
  await grid(page).locator('.ag-header-cell[col-id="negShare"]').click()
  await grid(page).locator('.ag-header-cell[col-id="negShare"]').click()
  await expect(grid(page).locator('.ag-header-cell[col-id="negShare"]')).toHaveAttribute(
    'aria-sort',
    'descending'
  )
  await expect(row(page, 0).locator('[col-id="negShare"]')).toContainText('100 %')
})

test('clicking an author opens their mentions on the Mentions page', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'authors' })
  await expect(row(page, 0)).toContainText(/\d/)
  const name = (await row(page, 0).locator('.author-link').innerText()).trim()
  const mentions = Number((await row(page, 0).locator('[col-id="mentions"]').innerText()).replace(/\D/g, ''))
  await row(page, 0).locator('.author-link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Упоминания')
  await expect(page.getByTestId('filter-chips')).toContainText(name)
  await expect(page.getByTestId('total-count')).toHaveText(`Найдено: ${mentions.toLocaleString('ru-RU')}`)
})

test('staff merge two accounts of one person and take the merge back', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'authors' })
  await expect(row(page, 20)).toContainText(/\d/)
  const box = (i: number): Locator => grid(page).locator(`.ag-row[row-index="${i}"] input[type="checkbox"]`)
  await box(19).click()
  await box(20).click()
  await page.getByRole('button', { name: 'Объединить' }).click()
  await page.getByTestId('merge-ok').click()
  await expect(page.getByTestId('toast').last()).toContainText('Объединено аккаунтов: 1')
  const merged = grid(page).locator('.ag-row .tag', { hasText: '+1' }).first()
  await expect(merged).toBeVisible()
  const mergedRow = grid(page)
    .locator('.ag-row')
    .filter({ has: page.locator('.tag', { hasText: '+1' }) })
    .first()
  const index = await mergedRow.getAttribute('row-index')
  await box(Number(index)).click()
  await page.getByRole('button', { name: 'Разъединить' }).click()
  await expect(page.getByTestId('toast').last()).toContainText('Разъединено')
})

test('the authors list exports to XLSX', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'authors' })
  await expect(row(page, 0)).toContainText(/\d/)
  await page.getByTestId('export-button').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-xlsx').click()
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/)
})

test('the quick switch shows only critics or supporters, and the page says what the lean counts', async ({
  page,
  demoHost
}) => {
  await openApp(page, demoHost, { page: 'authors' })
  await expect(page.getByTestId('lean-basis')).toContainText(
    'за период и выбранные темы, по всем тональностям'
  )
  await expect(row(page, 0)).toContainText(/\d/)
  const all = Number((await page.getByTestId('authors-total').innerText()).replace(/\D/g, ''))
  const sw = page.getByTestId('lean-switch')
  await sw.getByRole('button', { name: 'Критики' }).click()
  await expect(sw.getByRole('button', { name: 'Критики' })).toHaveAttribute('aria-pressed', 'true')
  await expect(row(page, 0).locator('.lean-mark')).toHaveText('критикует')
  const critics = Number((await page.getByTestId('authors-total').innerText()).replace(/\D/g, ''))
  expect(critics).toBeGreaterThan(0)
  expect(critics).toBeLessThan(all)
  await expect(grid(page).locator('.ag-row.lean-positive')).toHaveCount(0)
  // The share says, on hover, the lower bound the sort ranks by.
  await expect(row(page, 0).getByTestId('share-cell')).toHaveAttribute(
    'title',
    /с уверенностью 95\s%\s—\sне меньше \d+\s%/
  )
  await sw.getByRole('button', { name: 'Сторонники' }).click()
  await expect(row(page, 0).locator('.lean-mark')).toHaveText('поддерживает')
  await sw.getByRole('button', { name: 'Все' }).click()
  await expect(page.getByTestId('authors-total')).toHaveText(`Авторов: ${all.toLocaleString('ru-RU')}`)
})
