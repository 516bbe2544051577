import type { Locator } from '@playwright/test'
import { expect, openApp, resetSettings, shot, test } from './host'
import { AuthorsPageObject } from './pages/authors'

test.beforeEach(async ({ demoHost }) => resetSettings(demoHost))

test('private persons: orange and blue rows with the rule in the legend', async ({ page, demoHost }) => {
  const a = new AuthorsPageObject(page)
  await openApp(page, demoHost, { page: 'authors' })
  await expect(a.legend).toContainText(
    'Оранжевым — авторы с ≥ 3 оценёнными упоминаниями, из которых ≥ 60 % негативные'
  )
  await expect(a.legend).toContainText('синим')
  await a.filterPanel.getByLabel(/Частное лицо/).check()
  await expect(a.chips).toContainText('Частное лицо')
  await expect(a.grid.root.locator('.ag-row.lean-negative').first()).toBeVisible()
  await expect(a.grid.root.locator('.ag-row.lean-positive').first()).toBeVisible()
  // Never colour alone: the row also says it in words.
  await expect(a.grid.root.locator('.lean-mark.lean-negative').first()).toHaveText('критикует')
  // Scroll just enough that an orange and a blue row are on screen together.
  await a.grid.root.locator('.ag-row.lean-positive [col-id="name"]').first().scrollIntoViewIfNeeded()
  await shot(page, 'authors-ru')
})

test('at 1366×768 every column fits: no sideways scrolling', async ({ page, demoHost }) => {
  const a = new AuthorsPageObject(page)
  await page.setViewportSize({ width: 1366, height: 768 })
  await openApp(page, demoHost, { page: 'authors' })
  await expect(a.grid.row(0)).toContainText(/\d/)
  for (const col of ['name', 'type', 'mentions', 'negative', 'neutral', 'positive', 'negShare', 'lastAt'])
    await expect(a.grid.header(col)).toBeInViewport({ ratio: 1 })
  expect(await a.grid.sidewaysOverflow()).toBe(0)
  await shot(page, 'authors-1366')
})

test('sorting by the share of negative puts the most critical authors first', async ({ page, demoHost }) => {
  const a = new AuthorsPageObject(page)
  await openApp(page, demoHost, { page: 'authors' })
  await expect(a.grid.row(0)).toContainText(/\d/)
  await a.grid.header('negShare').click()
  await a.grid.header('negShare').click()
  await expect(a.grid.header('negShare')).toHaveAttribute('aria-sort', 'descending')
  await expect(a.grid.cell(0, 'negShare')).toContainText('100 %')
})

test('clicking an author opens their mentions on the Mentions page', async ({ page, demoHost }) => {
  const a = new AuthorsPageObject(page)
  await openApp(page, demoHost, { page: 'authors' })
  await expect(a.grid.row(0)).toContainText(/\d/)
  const name = (await a.grid.row(0).locator('.author-link').innerText()).trim()
  const mentions = Number((await a.grid.cell(0, 'mentions').innerText()).replace(/\D/g, ''))
  await a.grid.row(0).locator('.author-link').click()
  await expect(a.heading).toHaveText('Упоминания')
  await expect(a.chips).toContainText(name)
  await expect(page.getByTestId('total-count')).toHaveText(`Найдено: ${mentions.toLocaleString('ru-RU')}`)
})

test('staff merge two accounts of one person and take the merge back', async ({ page, demoHost }) => {
  const a = new AuthorsPageObject(page)
  await openApp(page, demoHost, { page: 'authors' })
  await expect(a.grid.row(20)).toContainText(/\d/)
  await a.grid.checkbox(19).click()
  await a.grid.checkbox(20).click()
  await page.getByRole('button', { name: 'Объединить' }).click()
  await page.getByTestId('merge-ok').click()
  await expect(a.toast).toContainText('Объединено аккаунтов: 1')
  const merged = a.grid.root.locator('.ag-row .tag', { hasText: '+1' }).first()
  await expect(merged).toBeVisible()
  const mergedRow: Locator = a.grid.rows.filter({ has: page.locator('.tag', { hasText: '+1' }) }).first()
  const index = await mergedRow.getAttribute('row-index')
  await a.grid.checkbox(Number(index)).click()
  await page.getByRole('button', { name: 'Разъединить' }).click()
  await expect(a.toast).toContainText('Разъединено')
})

test('the authors list exports to XLSX', async ({ page, demoHost }) => {
  const a = new AuthorsPageObject(page)
  await openApp(page, demoHost, { page: 'authors' })
  await expect(a.grid.row(0)).toContainText(/\d/)
  await page.getByTestId('export-button').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-xlsx').click()
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/)
})

test('the quick switch shows only critics or supporters, and the page says what the lean counts', async ({
  page,
  demoHost
}) => {
  const a = new AuthorsPageObject(page)
  await openApp(page, demoHost, { page: 'authors' })
  await expect(page.getByTestId('lean-basis')).toContainText(
    'за период и выбранные темы, по всем тональностям'
  )
  await expect(a.grid.row(0)).toContainText(/\d/)
  const all = await a.totalCount()
  const sw = a.leanSwitch
  await sw.getByRole('button', { name: 'Критики' }).click()
  await expect(sw.getByRole('button', { name: 'Критики' })).toHaveAttribute('aria-pressed', 'true')
  await expect(a.grid.row(0).locator('.lean-mark')).toHaveText('критикует')
  const critics = await a.totalCount()
  expect(critics).toBeGreaterThan(0)
  expect(critics).toBeLessThan(all)
  await expect(a.grid.root.locator('.ag-row.lean-positive')).toHaveCount(0)
  // The share says, on hover, the lower bound the sort ranks by.
  await expect(a.grid.row(0).getByTestId('share-cell')).toHaveAttribute(
    'title',
    /с уверенностью 95\s%\s—\sне меньше \d+\s%/
  )
  await sw.getByRole('button', { name: 'Сторонники' }).click()
  await expect(a.grid.row(0).locator('.lean-mark')).toHaveText('поддерживает')
  await sw.getByRole('button', { name: 'Все' }).click()
  await expect(a.total).toHaveText(`Авторов: ${all.toLocaleString('ru-RU')}`)
})
