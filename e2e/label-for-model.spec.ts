import { join } from 'node:path'
import { apiCall, expect, freshDir, openApp, otklik, shot, startHost, test, type Host } from './host'

// A demo workspace of its own: labelling here changes its labels and trains its model.
let host: Host
test.beforeAll(async () => {
  const db = join(freshDir('label'), 'label.db')
  otklik(['demo', '--db', db, '--until', '2026-11-22', '--json'])
  host = await startHost(db)
})
test.afterAll(async () => host?.stop())

test('«Разметить для модели»: 20 unsure mentions, keys 1/2/3, quality before and after training', async ({
  page
}) => {
  test.setTimeout(180_000)
  await openApp(page, host, { page: 'mentions' })
  await page.getByTestId('label-for-model').click()
  const dialog = page.getByTestId('label-dialog')
  await expect(dialog.getByTestId('label-progress')).toContainText('1 из 20')
  const first = await dialog.getByTestId('label-current').getAttribute('data-id')
  await shot(page, 'label-for-model-ru')

  await page.keyboard.press('1')
  await expect(dialog.getByTestId('label-progress')).toContainText('2 из 20')
  expect(await dialog.getByTestId('label-current').getAttribute('data-id')).not.toBe(first)
  await page.keyboard.press('s') // skip
  await expect(dialog.getByTestId('label-progress')).toContainText('3 из 20')
  for (let i = 3; i <= 20; i++) {
    await page.keyboard.press(String(1 + (i % 3)))
    if (i < 20) await expect(dialog.getByTestId('label-progress')).toContainText(`${i + 1} из 20`)
  }
  const summary = dialog.getByTestId('label-summary')
  await expect(summary).toContainText('Размечено публикаций: 19')

  // the labels are stored as manual ones: the first mention now carries the negative label
  const detail = await apiCall<{ sentiment: string; sentimentOrigin: string }>(host, 'mentions:get', {
    id: Number(first)
  })
  expect(detail).toMatchObject({ sentiment: 'negative', sentimentOrigin: 'manual' })

  await summary.getByRole('button', { name: 'Обучить модель сейчас' }).click()
  await expect(summary.getByTestId('label-f1-after')).toHaveText(/\d+,\d\s%/, { timeout: 150_000 })
  await expect(summary).toContainText('→')
  await shot(page, 'label-for-model-after-ru')
})
