import { expect, openApp, resetSettings, shot, test } from './host'

test.beforeEach(async ({ demoHost }) => resetSettings(demoHost))
test.afterEach(async ({ demoHost }) => resetSettings(demoHost))

test('settings: general, topics with a checked query, the model, about', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'settings' })
  await expect(page.getByTestId('settings-general')).toContainText('Название организации')
  await shot(page, 'settings-ru')

  await page.getByTestId('settings-tab-topics').click()
  await expect(page.getByTestId('settings-topics')).toContainText('Дороги')
  await shot(page, 'settings-topics-1366')
  await page.getByTestId('settings-topics').getByRole('button', { name: 'Добавить тему' }).click()
  await page.getByTestId('topic-query').fill('"пробки')
  await expect(page.getByTestId('topic-query-error')).toContainText('Незакрытая кавычка в позиции 0')
  await page.getByTestId('topic-query').fill('пробк* OR затор*')
  await expect(page.getByTestId('query-test-count')).toContainText(/Находит публикаций: [1-9]/)
  await shot(page, 'settings-topic-dialog-1366')
  await page.keyboard.press('Escape')

  await page.getByTestId('settings-tab-model').click()
  await expect(page.getByTestId('model-kind')).not.toBeEmpty()
  await page.getByTestId('settings-tab-about').click()
  await expect(page.getByTestId('app-version')).toHaveText(/\d+\.\d+\.\d+/)
  await expect(page.getByTestId('settings-about')).toContainText('Apache-2.0')
  await expect(page.getByTestId('settings-about')).toContainText('RuSentNE-2023')
})

test('the dark theme applies at once and is kept', async ({ page, demoHost }) => {
  await openApp(page, demoHost, { page: 'dashboard' })
  await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByTestId('volume-chart').locator('svg')).toBeVisible()
  await shot(page, 'dashboard-dark-ru')
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
})
