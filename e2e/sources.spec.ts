import { expect, openApp, resetSettings, shot, test } from './host'
import { AppShell } from './pages/app'

test.beforeEach(async ({ demoHost }) => resetSettings(demoHost))

test('collection sources are listed with status and schedule', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'sources' })
  const table = page.getByTestId('sources-table')
  await expect(table).toContainText('Белтау Ньюс')
  await expect(table).toContainText('каждые 30 мин')
  await expect(table).toContainText('Ещё не запускался')
  await shot(page, 'sources-ru')
  await page.getByTestId('source-add').click()
  const dialog = page.getByTestId('source-dialog')
  await dialog.getByLabel('Как часто').fill('полчаса')
  await expect(dialog.getByText('Например 30m, 2h или 1d')).toHaveClass(/field-error/)
  await page.keyboard.press('Escape')
  await expect(dialog).not.toBeVisible()
})

test('a subject query is checked as typed and tested on the database', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'sources' })
  await page.getByTestId('tab-subjects').click()
  await expect(page.getByTestId('subject-list').locator('li').first()).toBeVisible()
  await page.getByTestId('subject-add').click()
  const query = page.getByTestId('subject-query')
  await query.fill('акимат AND (отопление')
  await expect(page.getByTestId('subject-query-error')).toContainText('Незакрытая скобка в позиции')
  await query.fill('отопление OR "горячей воды"')
  await expect(page.getByTestId('query-test-count')).toContainText(/Находит публикаций: [1-9]/)
  await expect(page.getByTestId('query-test').locator('mark.hl').first()).toBeVisible()
  await shot(page, 'sources-subject-ru')
  await page.keyboard.press('Escape')

  await page.getByTestId('tab-test').click()
  await page.getByTestId('test-query').fill('qqqzzzxxx')
  await expect(page.getByTestId('query-test-count')).toContainText('Находит публикаций: 0')
})

test('a subject saved in one window shows in another at once, and goes when removed (catalog:changed)', async ({
  page,
  demoHost
}) => {
  const other = await page.context().newPage()
  await openApp(other, demoHost, { page: 'sources' })
  await other.getByTestId('tab-subjects').click()
  await expect(other.getByTestId('subject-list').locator('li').first()).toBeVisible()

  await openApp(page, demoHost, { page: 'sources' })
  await page.getByTestId('tab-subjects').click()
  await page.getByTestId('subject-add').click()
  const dialog = new AppShell(page).dialog('subject-dialog')
  await dialog.getByLabel('Название').fill('Котельные e2e')
  await page.getByTestId('subject-query').fill('котельная OR котельной')
  await dialog.getByRole('button', { name: 'Сохранить' }).click()
  await expect(new AppShell(page).toast).toContainText('Сохранено; подходящих публикаций:')
  await expect(page.getByTestId('subject-list')).toContainText('Котельные e2e')
  await shot(page, 'sources-subjects-1366')
  // The other window was not reloaded: main's event brought the new subject.
  await expect(other.getByTestId('subject-list')).toContainText('Котельные e2e')

  await page.getByRole('button', { name: 'Удалить «Котельные e2e»' }).click()
  await page.locator('dialog[open]').getByRole('button', { name: 'Удалить', exact: true }).click()
  await expect(page.getByTestId('subject-list')).not.toContainText('Котельные e2e')
  await expect(other.getByTestId('subject-list')).not.toContainText('Котельные e2e')
  await other.close()
})
