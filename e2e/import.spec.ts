import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, freshDir, openApp, resetSettings, shot, test } from './host'

test.beforeEach(async ({ demoHost }) => resetSettings(demoHost))

/** A small Brand Analytics-like export: four good rows and one without a date. */
function writeCsv(): string {
  const tag = Date.now().toString(36)
  const lines = [
    'Дата;Время;Заголовок;Текст;Url;Автор;Тональность',
    `20.11.2026;09:15;Ремонт на Абая;Акимат начал ремонт улицы Абая ${tag};https://example.kz/a-${tag};Ерлан Импортов;Позитивная`,
    `20.11.2026;10:40;;Опять нет горячей воды в 5 микрорайоне ${tag};https://example.kz/b-${tag};Жанна Импортова;Негативная`,
    `21.11.2026;12:05;Новый сквер;В сквере у акимата высадили деревья ${tag};https://example.kz/c-${tag};Ерлан Импортов;Нейтральная`,
    `21.11.2026;18:30;;Автобус 12 не ходит с утра ${tag};https://example.kz/d-${tag};Асель Импортова;Негативная`,
    `;;Без даты;Строка без даты ${tag};https://example.kz/e-${tag};Кто-то;Нейтральная`
  ]
  const file = join(freshDir('import'), 'ba-export.csv')
  writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n', 'utf8')
  return file
}

test('the import stepper previews a CSV, imports it with the mapping and shows the result', async ({
  page,
  demoHost
}) => {
  await openApp(page, demoHost, { page: 'import' })
  await expect(page.getByTestId('dropzone')).toBeVisible()
  await page.getByTestId('import-file-input').setInputFiles(writeCsv())

  // Step 2: columns guessed from the header, a live preview of the rows.
  await expect(page.getByTestId('preview-table')).toBeVisible()
  await expect(page.getByTestId('map-text')).toHaveValue('Текст')
  await expect(page.getByTestId('map-author')).toHaveValue('Автор')
  await expect(page.getByTestId('preview-table')).toContainText('Ремонт на Абая')
  await expect(page.getByTestId('preview-table')).toContainText('Новая')
  await expect(page.getByTestId('preview-table')).toContainText('Отклонена')
  await shot(page, 'import-mapping-ru')

  await page.getByTestId('import-commit').click()
  const result = page.getByTestId('import-result')
  await expect(result).toBeVisible({ timeout: 30_000 })
  await expect(result.locator('.figure').filter({ hasText: 'Добавлено' })).toContainText('4')
  await expect(result.locator('.figure').filter({ hasText: 'Отклонено' })).toContainText('1')
  await expect(page.getByTestId('rejected-list')).toContainText('6')
  await shot(page, 'import-result-ru')

  // The imported rows, in the grid.
  await page.getByTestId('import-show').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Упоминания')
  await expect(page.getByTestId('total-count')).toHaveText('Найдено: 4')
  await expect(page.getByTestId('filter-chips')).toContainText('Импорт')

  // History: the import is listed and can be undone.
  await page.getByTestId('nav-import').click()
  const history = page.getByTestId('import-history')
  await expect(history).toContainText('ba-export.csv')
  await history.getByTestId('import-undo').first().click()
  await page.getByTestId('confirm-ok').click()
  await expect(page.getByTestId('toast').last()).toContainText('Импорт отменён')
  await expect(history).toContainText('отменён')
})
