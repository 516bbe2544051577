import { join } from 'node:path'
import { expect, freshDir, openApp, otklik, shot, startHost, test } from './host'

test('when the app stops answering, every page says so in words, not a stack trace', async ({ page }) => {
  const db = join(freshDir('errors'), 'small.db')
  otklik(['demo', '--db', db, '--weeks', '1', '--until', '2026-11-22'])
  const host = await startHost(db)
  await openApp(page, host)
  await expect(page.getByTestId('total-count')).toContainText(/\d/)
  await host.stop()

  // A new filter needs main: the grid and the counts report it.
  await page
    .getByTestId('facet-sentiment')
    .getByLabel(/Негатив/)
    .check()
  const note = page.getByTestId('error-note').first()
  await expect(note).toContainText('Приложение не отвечает или файл недоступен')
  await expect(note).toContainText('Повторить')
  await expect(note).not.toContainText(/\bat \w+ \(/)
  await shot(page, 'mentions-error-ru')

  for (const [nav, heading] of [
    ['nav-dashboard', 'Сводка'],
    ['nav-authors', 'Авторы'],
    ['nav-sources', 'Источники'],
    ['nav-import', 'Импорт'],
    ['nav-reports', 'Отчёты']
  ] as const) {
    await page.getByTestId(nav).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    await expect(page.getByTestId('error-note').first()).toContainText('Приложение не отвечает')
  }
})
