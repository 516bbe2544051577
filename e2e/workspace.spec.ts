import type { Locator, Page } from '@playwright/test'
import { apiCall, expect, freshDir, openApp, otklik, resetSettings, shot, startHost, test } from './host'
import { AppShell } from './pages/app'
import { MentionsPageObject } from './pages/mentions'

/**
 * The workspace as a press officer uses it (issue 20): what got in the way on the demo workspace,
 * each done the way the user did it.
 */

const mentions = (page: Page): MentionsPageObject => new MentionsPageObject(page)
const grid = (page: Page): Locator => mentions(page).grid.root
const row = (page: Page, index: number): Locator => mentions(page).grid.row(index)
const box = (page: Page, index: number): Locator => mentions(page).grid.checkbox(index)
const toast = (page: Page): Locator => mentions(page).toast
const totalCount = (page: Page): Promise<number> => mentions(page).totalCount()

/** The sentiment class of a row's badge ('sentiment-negative' …, or '' when unlabelled). */
async function sentimentOf(page: Page, index: number): Promise<string> {
  await expect(row(page, index)).toContainText(/\d{2}\.\d{2}\.\d{4}/)
  const cls = (await row(page, index).locator('.sentiment').first().getAttribute('class')) ?? ''
  return /sentiment-(negative|neutral|positive)/.exec(cls)?.[0] ?? ''
}

test.beforeEach(async ({ demoHost }) => resetSettings(demoHost))
test.afterEach(async ({ demoHost }) => resetSettings(demoHost))

test('keys 1/2/3 act on the rows just ticked, and the toast undoes the edit', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  // Rows 3 and 4 start with whatever labels they have; the key sets the one they do not both have.
  const before = [await sentimentOf(page, 3), await sentimentOf(page, 4)]
  const [key, cls] = before.includes('sentiment-negative')
    ? ['3', 'sentiment-positive']
    : ['1', 'sentiment-negative']
  // Only checkboxes are clicked: the focus stays on the second checkbox, no cell was ever clicked.
  await box(page, 3).click()
  await box(page, 4).click()
  await expect(page.getByTestId('bulk-bar')).toContainText('Выбрано: 2')
  await expect(box(page, 4)).toBeFocused()
  await page.keyboard.press(key)
  await expect(row(page, 3).locator(`.${cls}`)).toBeVisible()
  await expect(row(page, 4).locator(`.${cls}`)).toBeVisible()
  await expect(toast(page)).toContainText('изменено публикаций — 2')
  await toast(page).getByTestId('toast-action').click()
  await expect(toast(page)).toContainText('Изменение отменено')
  await expect.poll(() => sentimentOf(page, 3)).toBe(before[0])
  await expect.poll(() => sentimentOf(page, 4)).toBe(before[1])
  // The undone labels are those of before, with their origin: no manual mark on rows that had none.
  const ids = await Promise.all([3, 4].map((i) => row(page, i).getAttribute('row-id')))
  for (const id of ids) {
    const d = await apiCall<{ manualSentiment: string | null; sentiment: string | null }>(
      demoHost,
      'mentions:get',
      { id: Number(id) }
    )
    expect(d.sentiment ? `sentiment-${d.sentiment}` : '').toBe(before[ids.indexOf(id)])
  }
})

test('marking irrelevant and a bulk response are undone from their toasts', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  const before = await totalCount(page)
  await expect(row(page, 1)).toContainText(/\d{2}\.\d{2}\.\d{4}/)
  const id = await row(page, 1).getAttribute('row-id')
  await box(page, 1).click()
  await page.getByTestId('bulk-irrelevant').click()
  await page.getByRole('button', { name: 'Спам' }).click()
  await expect(toast(page)).toContainText('Отмечено нерелевантным: 1')
  await expect.poll(() => totalCount(page)).toBe(before - 1)
  await toast(page).getByTestId('toast-action').click()
  await expect.poll(() => totalCount(page)).toBe(before)
  await expect(grid(page).locator(`.ag-row[row-id="${id}"]`).first()).toBeVisible()

  // A response status set on two rows, then undone: the rows are back to what they had.
  if (await page.getByTestId('bulk-bar').isVisible())
    await page.getByTestId('bulk-bar').getByRole('button', { name: 'Снять выбор' }).click()
  const ids = [await row(page, 5).getAttribute('row-id'), await row(page, 6).getAttribute('row-id')]
  const was = await Promise.all(
    ids.map((x) => apiCall<{ responseStatus: string | null }>(demoHost, 'mentions:get', { id: Number(x) }))
  )
  await box(page, 5).click()
  await box(page, 6).click()
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Ответ' }).click()
  const dialog = page.getByTestId('response-dialog')
  await dialog.getByLabel('Назначено').check()
  await dialog.getByLabel('Ответственный').fill('Жанар Омарова')
  await page.getByTestId('response-save').click()
  await expect(toast(page)).toContainText('Назначено')
  await expect(grid(page).locator(`.ag-row[row-id="${ids[0]}"] .response-assigned`).first()).toBeVisible()
  await toast(page).getByTestId('toast-action').click()
  await expect(toast(page)).toContainText('Изменение отменено')
  for (const [i, x] of ids.entries())
    await expect
      .poll(
        async () =>
          (await apiCall<{ responseStatus: string | null }>(demoHost, 'mentions:get', { id: Number(x) }))
            .responseStatus
      )
      .toBe(was[i]!.responseStatus)
})

test('the undo-import dialog names its actions in every language', async ({ page, demoHost }) => {
  const labels = {
    ru: ['Оставить', 'Удалить партию'],
    kk: ['Қалдыру', 'Топтаманы жою'],
    en: ['Keep', 'Delete the batch']
  } as const
  for (const lang of ['ru', 'kk', 'en'] as const) {
    await apiCall(demoHost, 'settings:set', { language: lang })
    await openApp(page, demoHost, { page: 'import' })
    await new AppShell(page).go('import')
    const history = page.getByTestId('import-history')
    await history.getByTestId('import-undo').first().click()
    const dialog = page.getByTestId('confirm-dialog')
    await expect(dialog.getByTestId('confirm-cancel')).toHaveText(labels[lang][0])
    await expect(dialog.getByTestId('confirm-ok')).toHaveText(labels[lang][1])
    await shot(page, `import-undo-dialog-${lang}`)
    // «Оставить» keeps the batch: nothing is undone.
    await dialog.getByTestId('confirm-cancel').click()
    await expect(dialog).toBeHidden()
    await expect(history.getByTestId('import-undo').first()).toBeVisible()
  }
})

test('outlets are a facet of the filter panel', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  const before = await totalCount(page)
  const facet = page.getByTestId('facet-outlet')
  await expect(facet).toContainText('Издания и каналы')
  const first = facet.locator('.facet-item').first()
  const name = (await first.locator('.facet-label').innerText()).trim()
  const count = Number((await first.locator('.facet-count').innerText()).replace(/\D/g, ''))
  expect(count).toBeGreaterThan(0)
  await first.locator('input').check()
  await expect.poll(() => totalCount(page)).toBe(count)
  expect(count).toBeLessThan(before)
  const chip = mentions(page).chips.locator('.fchip').filter({ hasText: 'Издания и каналы' })
  await expect(chip).toContainText(name)
  // Every row shown is from that outlet (its name is under the author in the source column).
  await expect(row(page, 0)).toContainText(name)
  await page
    .getByTestId('filter-chips')
    .getByRole('button', { name: new RegExp(`Убрать фильтр «Издания и каналы: `) })
    .click()
  await expect.poll(() => totalCount(page)).toBe(before)
})

test('a saved view with «Прошлая неделя» stays relative', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  await page.getByTestId('period-select').selectOption('lastWeek')
  await page.getByTestId('views-button').click()
  const name = `Критика ${Math.random().toString(36).slice(2, 7)}`
  await page.getByPlaceholder('Название вида').fill(name)
  await page.getByRole('button', { name: 'Сохранить текущий' }).click()
  await expect(toast(page)).toContainText(name)
  // Stored as the preset, not as the dates the preset meant on the day it was saved.
  const views = await apiCall<{ name: string; filter: Record<string, unknown>; period: string | null }[]>(
    demoHost,
    'views:list'
  )
  const saved = views.find((v) => v.name === name)
  expect(saved?.period).toBe('lastWeek')
  expect(saved?.filter.from).toBeUndefined()
  expect(saved?.filter.to).toBeUndefined()
  await page.getByTestId('period-select').selectOption('30d')
  await page.getByTestId('views-button').click()
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click()
  await expect(page.getByTestId('period-select')).toHaveValue('lastWeek')
  await expect(mentions(page).chips).toContainText('Прошлая неделя')
})

test('a wrong date or a reversed period says what is wrong, in Reports and the filter panel', async ({
  page,
  demoHost
}) => {
  await apiCall(demoHost, 'settings:set', { reportsFolder: freshDir('reports') })
  await openApp(page, demoHost, { page: 'reports' })
  await new AppShell(page).go('reports')
  await page.getByTestId('report-period-from').fill('31.02.2026')
  const error = page.getByTestId('report-period-error')
  await expect(error).toHaveText('С: Такой даты нет: в месяце 02.2026 всего 28 дней')
  await expect(page.getByTestId('report-export-options')).toBeDisabled()
  await page.getByTestId('report-period-from').fill('20.11.2026')
  await expect(error).toHaveText('Укажите обе даты периода или оставьте обе пустыми')
  await page.getByTestId('report-period-to').fill('10.11.2026')
  await expect(error).toHaveText(
    'Начало периода (20.11.2026) позже его конца (10.11.2026): поменяйте даты местами'
  )
  await expect(page.getByTestId('report-preview')).toBeDisabled()
  await page.getByTestId('report-period-to').fill('13.45.2026')
  await expect(error).toHaveText('По: Месяца 45 нет: месяцы нумеруются от 01 до 12')
  await page.getByTestId('report-period-to').fill('26.11.2026')
  await expect(error).toBeHidden()
  await expect(page.getByTestId('report-preview')).toBeEnabled()
  await shot(page, 'reports-period-ru')

  await new AppShell(page).go('mentions')
  await page.getByTestId('period-select').selectOption('custom')
  await page.getByTestId('period-from').fill('20.11.2026')
  await page.getByTestId('period-to').fill('10.11.2026')
  await expect(page.getByTestId('period-error')).toContainText('Начало периода (20.11.2026) позже его конца')
  await page.getByTestId('period-to').fill('31.11.2026')
  await expect(page.getByTestId('period-error')).toHaveText(
    'По: Такой даты нет: в месяце 11.2026 всего 30 дней'
  )
  await page.getByTestId('period-select').selectOption('30d')
})

test('chart tooltips show days as dd.mm.yyyy', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'dashboard' })
  await new AppShell(page).go('dashboard')
  const chart = page.getByTestId('volume-chart')
  await expect(chart.locator('svg')).toBeVisible()
  const box = (await chart.boundingBox())!
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.7)
  const tip = chart
    .locator('div')
    .filter({ hasText: /Негатив/ })
    .last()
  await expect(tip).toBeVisible()
  const text = await tip.innerText()
  expect(text).toMatch(/\d{2}\.\d{2}\.2026/)
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/)
})

test('a demo made today has nothing in the future; its texts read right; the press service is official', async ({
  page
}) => {
  test.setTimeout(120_000)
  const db = `${freshDir('demo-today')}/today.db`
  // No --until: the demo ends today, at the moment it is made.
  otklik(['demo', '--db', db, '--weeks', '1', '--json'])
  const madeBy = Date.now()
  const host = await startHost(db)
  try {
    // The real clock here: "today" is the day the demo was made.
    await page.goto(host.url)
    const top = row(page, 0)
    await expect(top).toContainText(/\d{2}\.\d{2}\.\d{4}/)
    const [, d, m, y, hh, mm] = /(\d{2})\.(\d{2})\.(\d{4}),? (\d{2}):(\d{2})/.exec(
      await top.locator('[col-id="publishedAt"]').innerText()
    )!
    const newest = Date.parse(`${y}-${m}-${d}T${hh}:${mm}:00+05:00`)
    expect(newest).toBeLessThanOrEqual(madeBy)

    // «в Турксибский районе» was a search away: the district now agrees with «районе».
    const search = page.getByTestId('search-input')
    await search.fill('районе')
    await search.press('Enter')
    await expect(top).toContainText(/ском районе/i)
    const shown = await grid(page).locator('.ag-row').allInnerTexts()
    expect(shown.join('\n')).not.toMatch(/ский районе/)

    await search.fill('')
    await search.press('Enter')
    await page
      .getByTestId('filter-panel')
      .getByLabel(/Официальный/)
      .check()
    await expect(grid(page)).toContainText('Пресс-служба акимата Белтау')
  } finally {
    await host.stop()
  }
})

const PAGES = ['dashboard', 'mentions', 'authors', 'sources', 'import', 'reports', 'settings'] as const

/** Header texts wider than their box (cut with an ellipsis), in the grids and tables of the page. */
async function cutHeaders(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ag-header-cell-text, th')]
      .filter((el) => el.offsetParent !== null && el.innerText.trim() !== '')
      .filter((el) => el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1)
      .map((el) => el.innerText.trim())
  )
}

test('column headers are never cut, in every language, on every page at 1366×768', async ({
  page,
  demoHost
}) => {
  test.setTimeout(180_000)
  for (const lang of ['kk', 'ru', 'en'] as const) {
    await apiCall(demoHost, 'settings:set', { language: lang })
    await openApp(page, demoHost, { page: 'mentions' })
    for (const p of PAGES) {
      await new AppShell(page).go(p)
      if (p === 'mentions') await expect(row(page, 0)).toContainText(/\d{2}\.\d{2}\.\d{4}/)
      if (p === 'authors') await expect(page.locator('.ag-row[row-index="0"]').first()).toContainText(/\d/)
      if (p === 'dashboard') await expect(page.getByTestId('volume-chart').locator('svg')).toBeVisible()
      if (p === 'import') await expect(page.getByTestId('import-history').locator('th').first()).toBeVisible()
      await expect.poll(() => cutHeaders(page), { message: `${lang} ${p}` }).toEqual([])
      await shot(page, `page-${p}-${lang}`)
    }
  }
  // A header also shows its whole name on hover (narrowed by hand, a long word still cannot fit).
  await apiCall(demoHost, 'settings:set', { language: 'kk' })
  await openApp(page, demoHost, { page: 'mentions' })
  await new AppShell(page).go('mentions')
  const header = page.locator('.ag-header-cell[col-id="outlet"]')
  await header.hover()
  await expect(page.locator('.ag-tooltip')).toHaveText((await header.innerText()).trim())
})

/** Texts inside open dialogs and popovers that are cut (wider than their box), with their text. */
async function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('dialog[open] *, .popover-panel *')]
      .filter((el) => el.offsetParent !== null && el.children.length === 0 && el.innerText?.trim())
      .filter((el) => {
        const cs = getComputedStyle(el)
        return cs.overflow !== 'visible' && el.scrollWidth > el.clientWidth && el.tagName !== 'TEXTAREA'
      })
      .map((el) => el.innerText.trim())
  )
}

test('dialogs in Kazakh at 1366×768: nothing cut', async ({ page, demoHost }) => {
  await apiCall(demoHost, 'settings:set', { language: 'kk' })
  await openApp(page, demoHost)
  await new AppShell(page).go('mentions')
  await expect(row(page, 0)).toContainText(/\d{2}\.\d{2}\.\d{4}/)
  await box(page, 0).click()
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Жауап' }).click()
  await expect(page.getByTestId('response-dialog')).toBeVisible()
  await expect.poll(() => cutTexts(page)).toEqual([])
  await shot(page, 'dialog-response-kk')
  await page.keyboard.press('Escape')
  await page.getByTestId('columns-button').click()
  await expect.poll(() => cutTexts(page)).toEqual([])
  await shot(page, 'popover-columns-kk')
  await page.keyboard.press('Escape')
  await page.getByTestId('views-button').click()
  await expect.poll(() => cutTexts(page)).toEqual([])
  await shot(page, 'popover-views-kk')
  await page.keyboard.press('Escape')
  await page.keyboard.press('F1')
  await expect(page.getByTestId('help-dialog')).toBeVisible()
  await expect.poll(() => cutTexts(page)).toEqual([])
  await shot(page, 'dialog-help-kk')
  await page.keyboard.press('Escape')
  await new AppShell(page).go('sources')
  await page.getByTestId('source-add').click()
  await expect(page.getByTestId('source-dialog')).toBeVisible()
  await expect.poll(() => cutTexts(page)).toEqual([])
  await shot(page, 'dialog-source-kk')
})
