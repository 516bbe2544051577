import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, freshDir, openApp, otklik, shot, startHost, test, type Host } from './host'

// A workspace of its own: the office imports a vendor export with a sentiment column, sees how many
// more labels the model needs, imports more, trains, and reads the learning curve in Settings.
const dir = freshDir('model')
const db = join(dir, 'model.db')
const TONES = ['негатив', 'позитив', 'нейтрал']
const PHRASES = ['опять кринж', 'просто топчик', 'обсудили на встрече']
function exportFile(name: string, from: number, n: number): string {
  const lines = ['Дата,Текст,URL,Тональность']
  for (let i = from; i < from + n; i++) {
    const place = ['на Абая', 'в Самале', 'у школы', 'в парке', 'во дворе'][i % 5]
    lines.push(
      `2026-11-${String(1 + (i % 20)).padStart(2, '0')} 10:00,Ремонт ${place} — ${PHRASES[i % 3]} (${i}),https://vk.com/wall-3_${i},${TONES[i % 3]}`
    )
  }
  const file = join(dir, name)
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

let host: Host
test.beforeAll(async () => {
  otklik(['import', exportFile('first.csv', 0, 12), '--db', db, '--json'])
  host = await startHost(db)
})
test.afterAll(async () => host?.stop())

test('the model: labels needed, training from an import, the learning curve', async ({ page }) => {
  test.setTimeout(120_000)
  await openApp(page, host, { page: 'settings' })
  await page.getByTestId('settings-tab-model').click()
  await expect(page.getByTestId('model-needed')).toContainText('18')
  await expect(page.getByTestId('model-curve')).toHaveCount(0)

  otklik(['import', exportFile('second.csv', 12, 288), '--db', db, '--json'])
  await page.getByRole('button', { name: 'Обучить на оценках' }).click()
  await expect(page.getByTestId('model-kind')).toHaveText('Обученная на ваших оценках', { timeout: 90_000 })
  const points = page.getByTestId('model-curve-point')
  await expect(points).toHaveCount(2) // 100 labels, then all 300
  await expect(points.first()).toContainText('100')
  await expect(points.last()).toContainText('300')
  await expect(page.getByTestId('model-curve')).toContainText('Кривая обучения')
  await shot(page, 'settings-model-curve-ru')
})
