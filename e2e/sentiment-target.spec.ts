import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, freshDir, openApp, otklik, shot, startHost, test } from './host'

// Two organisations in one post, one praised and one blamed: with the administration as the monitoring
// subject, the label is for the administration, and the detail pane shows the words and the clause.
test('a mention naming two organisations is labelled toward the subject, with the deciding clause', async ({
  page
}) => {
  test.setTimeout(120_000)
  const dir = freshDir('target')
  const db = join(dir, 'target.db')
  const csv = join(dir, 'posts.csv')
  writeFileSync(
    csv,
    '\ufeffДата;Время;Текст;Url;Автор\r\n' +
      '20.11.2026;09:15;Жители благодарят акимат за новый парк, а компанию «Тазалык» критикуют за горы мусора.;https://example.kz/p1;Ерлан Жителев\r\n',
    'utf8'
  )
  otklik(['subject', 'add', 'Акимат', '--query', 'акимат OR аким', '--db', db])
  otklik(['import', csv, '--db', db, '--json'])
  const host = await startHost(db)
  try {
    await openApp(page, host)
    const first = page.getByTestId('mentions-grid').locator('.ag-row[row-index="0"] .ag-cell[col-id="text"]')
    await first.click()
    const detail = page.getByTestId('mention-detail')
    await expect(detail).toBeVisible()
    await expect(detail.locator('.sentiment-positive').first()).toBeVisible()
    await expect(detail).toContainText('благодарят')
    await expect(detail.getByTestId('explanation-clause')).toContainText(
      'Жители благодарят акимат за новый парк'
    )
    await shot(page, 'mention-target-clause-ru')
  } finally {
    await host.stop()
  }
})
