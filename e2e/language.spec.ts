import type { Page } from '@playwright/test'
import { expect, openApp, resetSettings, shot, test } from './host'

test.afterEach(async ({ demoHost }) => resetSettings(demoHost))

async function switchTo(page: Page, lang: 'ru' | 'kk' | 'en'): Promise<void> {
  await page.getByTestId('lang-button').click()
  await page.getByTestId(`lang-${lang}`).click()
}

/** Opens the date column's filter menu (AG Grid's own texts). */
async function openDateFilter(page: Page): Promise<void> {
  const header = page.getByTestId('mentions-grid').locator('.ag-header-cell[col-id="publishedAt"]')
  await header.hover()
  await header.locator('.ag-header-cell-filter-button, .ag-header-icon').first().click()
  await expect(page.locator('.ag-filter')).toBeVisible()
}

test('the language switch changes the whole interface, grid menus included, at once', async ({
  page,
  demoHost
}) => {
  await openApp(page, demoHost)
  const grid = page.getByTestId('mentions-grid')
  await expect(grid.locator('.ag-row[row-index="0"]')).toContainText(/\d{2}\.\d{2}\.\d{4}/)
  await openDateFilter(page)
  await expect(page.locator('.ag-filter')).toContainText('Применить')
  await page.keyboard.press('Escape')

  await switchTo(page, 'kk')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Жарияланымдар')
  await expect(page.getByTestId('nav-authors')).toContainText('Авторлар')
  await expect(page.getByTestId('total-count')).toContainText('Табылды:')
  await expect(grid.locator('.ag-header-cell[col-id="sentiment"]')).toContainText('Тональдық')
  await expect(grid.locator('.ag-row[row-index="0"]')).toContainText(/\d{2}\.\d{2}\.\d{4}/)
  await shot(page, 'mentions-kk')
  await openDateFilter(page)
  await expect(page.locator('.ag-filter')).toContainText('Қолдану')
  await expect(page.locator('.ag-filter select, .ag-filter .ag-picker-field').first()).toContainText(
    /Аралығында|Тең/
  )
  await page.keyboard.press('Escape')

  // The choice is the workspace's: it survives a reload.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Жарияланымдар')

  await switchTo(page, 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mentions')
  await openDateFilter(page)
  await expect(page.locator('.ag-filter')).toContainText('Apply')
  await page.keyboard.press('Escape')

  await switchTo(page, 'ru')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Упоминания')
})

test('F1 lists the keyboard shortcuts; Alt+digits switch pages', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  await page.keyboard.press('F1')
  const help = page.getByTestId('help-dialog')
  await expect(help).toBeVisible()
  await expect(help).toContainText('Негатив · нейтрально · позитив')
  await shot(page, 'help-ru')
  await page.keyboard.press('Escape')
  await expect(help).not.toBeVisible()
  await page.keyboard.press('Alt+3')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Авторы')
  await page.keyboard.press('Alt+1')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Сводка')
})
