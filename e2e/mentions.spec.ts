import { join } from 'node:path'
import { expect, freshDir, SHOTS, startHost, test } from './host'

test('the grid shows demo mentions from SQLite, with counts and sentiment', async ({ page, demoHost }) => {
  await page.goto(demoHost.url)
  const grid = page.getByTestId('mentions-grid')
  await expect(grid.locator('.ag-row').first()).toBeVisible()
  await expect(page.getByTestId('total-count')).toContainText(/Найдено: [\d\s ]{4,}/)
  await expect(grid.locator('.sentiment').first()).toBeVisible()
  await page.screenshot({ path: join(SHOTS, 'mentions-ru.png') })
})

test('scrolling loads more rows than the first block', async ({ page, demoHost }) => {
  await page.goto(demoHost.url)
  const grid = page.getByTestId('mentions-grid')
  await expect(grid.locator('.ag-row').first()).toBeVisible()
  await grid.locator('.ag-row').first().hover()
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 600)
  // Rows past the first 100-row block show data only if a second block was fetched from SQLite.
  await expect
    .poll(async () => {
      const rows = await grid
        .locator('.ag-row')
        .evaluateAll((els) =>
          els.map((e) => ({ index: Number(e.getAttribute('row-index')), text: (e as HTMLElement).innerText }))
        )
      return rows.filter((r) => r.index >= 120 && /\d{2}\.\d{2}\.\d{4}/.test(r.text)).length
    })
    .toBeGreaterThan(3)
})

test('a sentiment chip filters the grid and the counts', async ({ page, demoHost }) => {
  await page.goto(demoHost.url)
  const total = page.getByTestId('total-count')
  await expect(total).toContainText(/\d/)
  const before = await total.innerText()
  await page.getByTestId('filter-negative').click()
  await expect(total).not.toHaveText(before)
  const grid = page.getByTestId('mentions-grid')
  await expect(grid.locator('.ag-row').first().locator('.sentiment-negative')).toBeVisible()
  await expect(grid.locator('.sentiment-positive')).toHaveCount(0)
})

test('an empty workspace offers the demo and creates it', async ({ page }) => {
  const db = join(freshDir('empty'), 'empty.db')
  const { otklik } = await import('./host')
  otklik(['demo', '--db', db, '--weeks', '1', '--until', '2026-11-22']) // create the file…
  const Database = (await import('better-sqlite3')).default
  const raw = new Database(db)
  raw.exec(
    'DELETE FROM mentions_fts; DELETE FROM mention_topics; DELETE FROM mention_subjects; DELETE FROM batch_duplicates; DELETE FROM mentions'
  )
  raw.close()
  const host = await startHost(db)
  try {
    await page.goto(host.url)
    await expect(page.getByTestId('empty-state')).toBeVisible()
    await page.screenshot({ path: join(SHOTS, 'mentions-empty-ru.png') })
    await page.getByTestId('create-demo').click()
    await expect(page.getByTestId('mentions-grid').locator('.ag-row').first()).toBeVisible({
      timeout: 30_000
    })
  } finally {
    await host.stop()
  }
})
