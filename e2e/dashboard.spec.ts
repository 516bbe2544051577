import type { Page } from '@playwright/test'
import { expect, openApp, resetSettings, shot, test } from './host'

test.beforeEach(async ({ demoHost }) => resetSettings(demoHost))

/** Clicks the bar of series `series` on day index `day` of an ECharts chart, by its data coordinates. */
async function clickBar(page: Page, testId: string, series: number, day: number): Promise<void> {
  const chart = page.getByTestId(testId)
  const point = await chart.evaluate(
    (el, { s, d }) => {
      const c = (
        el as unknown as {
          __chart: {
            getOption(): { series: { data: number[] }[] }
            convertToPixel(f: object, v: number[]): number[]
          }
        }
      ).__chart
      const values = c.getOption().series.map((x) => Number(x.data[d] ?? 0))
      // The middle of segment `s` of the stacked bar.
      const below = values.slice(0, s).reduce((a, b) => a + b, 0)
      const [x, y] = c.convertToPixel({ seriesIndex: s }, [d, below + values[s]! / 2])
      return { x: x!, y: y! }
    },
    { s: series, d: day }
  )
  await chart.click({ position: point })
}

test('the dashboard shows volume, negative share, topics, spikes and responses', async ({
  page,
  demoHost
}) => {
  await openApp(page, demoHost, { page: 'dashboard' })
  await expect(page.getByTestId('kpi-total')).toContainText(/\d/)
  await expect(page.getByTestId('kpi-neg')).toContainText('%')
  await expect(page.getByTestId('kpi-neg')).toContainText(/п\. п\./)
  await expect(page.getByTestId('kpi-responses')).toContainText(/\d+ из \d+/)
  await expect(page.getByTestId('volume-chart').locator('svg')).toBeVisible()
  await expect(page.getByTestId('topics-card')).toContainText('ЖКХ')
  await expect(page.getByTestId('spikes-card')).toContainText('Правило:')
  await expect(page.getByTestId('spike-list')).toBeVisible()
  await expect(page.getByTestId('spikes-card')).toContainText('по всем темам вместе')
  await shot(page, 'dashboard-ru')
  await page.setViewportSize({ width: 1366, height: 1500 })
  await expect(page.getByTestId('audience-card')).toContainText('%')
  await shot(page, 'dashboard-full-ru')
})

test('clicking a bar of a day filters the grid to that day and sentiment', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'dashboard' })
  await expect(page.getByTestId('kpi-total')).toContainText(/\d/)
  await expect(page.getByTestId('volume-chart').locator('svg')).toBeVisible()
  // 30 days ending 22.11.2026: index 20 is 13.11.2026, inside the demo's spike of criticism.
  await clickBar(page, 'volume-chart', 0, 20)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Упоминания')
  const chips = page.getByTestId('filter-chips')
  await expect(chips).toContainText('13.11.2026 – 13.11.2026')
  await expect(chips).toContainText('Негатив')
  const grid = page.getByTestId('mentions-grid')
  await expect(grid.locator('.ag-row[row-index="0"] [col-id="publishedAt"]')).toContainText('13.11.2026')
  await expect(grid.locator('.ag-row[row-index="0"] .sentiment-negative')).toBeVisible()
  const total = Number((await page.getByTestId('total-count').innerText()).replace(/\D/g, ''))
  expect(total).toBeGreaterThan(100)
})

test('a problem topic opens its negative mentions; an empty period says so', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'dashboard' })
  await page.getByTestId('topics-card').getByRole('button').first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Упоминания')
  await expect(page.getByTestId('filter-chips')).toContainText('Темы')
  await page.getByTestId('nav-dashboard').click()
  await page.getByTestId('filter-reset').click()
  await page.getByTestId('period-select').selectOption('custom')
  await page.getByTestId('period-from').fill('01.01.2025')
  await page.getByTestId('period-to').fill('31.01.2025')
  await expect(page.getByTestId('dashboard')).toContainText('За выбранный период упоминаний нет')
  await expect(page.getByTestId('kpi-total')).toContainText('0')
})

test('a spike for all topics opens its negative mentions of that day, as many as it counts', async ({
  page,
  demoHost
}) => {
  await openApp(page, demoHost, { page: 'dashboard' })
  const row = page.getByTestId('spike-list').getByRole('button').filter({ hasText: 'Все темы' }).first()
  await expect(row).toBeVisible()
  const count = Number((await row.locator('.spike-count').innerText()).split('/')[0]!.replace(/\D/g, ''))
  expect(count).toBeGreaterThan(100)
  await row.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Упоминания')
  await expect(page.getByTestId('filter-chips')).toContainText('Негатив')
  await expect(page.getByTestId('total-count')).toHaveText(`Найдено: ${count.toLocaleString('ru-RU')}`)
})
