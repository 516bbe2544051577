import type { Locator, Page } from '@playwright/test'
import { apiCall, expect, openApp, resetSettings, shot, test } from './host'
import { MentionsPageObject } from './pages/mentions'

/** Search and queries (issue 20): word forms in both languages, phrases, bilingual hints, errors in the UI language. */

const total = (page: Page): Locator => new MentionsPageObject(page).total
const box = (page: Page): Locator => page.getByTestId('search-input')
const marks = (page: Page): Locator => new MentionsPageObject(page).marks

async function totalCount(page: Page): Promise<number> {
  await expect(total(page)).toContainText(/\d/)
  return Number((await total(page).innerText()).replace(/\D/g, ''))
}

/** Types a query, applies it at once (Enter) and waits until the count answers for it. */
async function search(page: Page, query: string): Promise<number> {
  const before = await total(page).innerText()
  await box(page).fill(query)
  await box(page).press('Enter')
  await expect
    .poll(async () => (await total(page).innerText()) !== before || (await box(page).inputValue()) === query)
    .toBe(true)
  await page.waitForLoadState('networkidle')
  return totalCount(page)
}

test.beforeEach(async ({ demoHost }) => resetSettings(demoHost))
test.afterEach(async ({ demoHost }) => resetSettings(demoHost))

test('a Kazakh word finds its forms without a wildcard', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  const all = await totalCount(page)
  const star = await search(page, 'әкімдік*')
  expect(star).toBeGreaterThan(0)
  expect(star).toBeLessThan(all)
  await expect.poll(() => search(page, 'әкімдік')).toBe(star)
  // The forms themselves are highlighted: әкімдікке, әкімдіктің, әкімдіктегі…
  await expect(marks(page).first()).toBeVisible()
  const forms = (await marks(page).allInnerTexts()).map((s) => s.toLowerCase())
  expect(forms.every((f) => f.startsWith('әкімдік'))).toBe(true)
  await expect.poll(async () => search(page, 'көше')).toBeGreaterThan(0)
  await shot(page, 'search-kazakh-forms')
})

test('a phrase finds the forms of its words', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  const exactForms = await search(page, '"горячей воды"')
  expect(exactForms).toBeGreaterThan(0)
  await expect.poll(() => search(page, '"горячая вода"')).toBeGreaterThanOrEqual(exactForms)
  const forms = (await marks(page).allInnerTexts()).map((s) => s.toLowerCase())
  expect(forms.some((f) => f === 'горячей' || f === 'воды')).toBe(true)
  expect(await search(page, 'горячая NEAR/1 вода')).toBeGreaterThanOrEqual(exactForms)
  await shot(page, 'search-phrase-forms')
})

test('the query box offers the other language’s form of a subject’s term', async ({ page, demoHost }) => {
  const subjects = await apiCall<{ name: string; query: string }[]>(demoHost, 'subjects:list')
  expect(subjects.some((s) => /әкімдік/.test(s.query) && /акимат/.test(s.query))).toBe(true)
  await openApp(page, demoHost)
  const ru = await search(page, 'акимат')
  const hints = page.getByTestId('search-input-hints')
  await expect(hints).toContainText('акимат')
  await hints.getByRole('button', { name: 'әкімдік*' }).click()
  await expect(box(page)).toHaveValue('(акимат OR әкімдік*)')
  await box(page).press('Enter')
  await expect.poll(() => totalCount(page)).toBeGreaterThan(ru)
  await shot(page, 'search-bilingual-hint')
  // …and the Kazakh word offers the Russian one.
  await box(page).fill('әкімдік')
  await expect(hints.getByRole('button', { name: 'акимат' })).toBeVisible()
})

test('a query syntax error reads in the UI language', async ({ page, demoHost }) => {
  await openApp(page, demoHost)
  await box(page).fill('акимат AND (дороги')
  await expect(page.getByTestId('search-input-error')).toContainText('Незакрытая скобка в позиции 11')
  await apiCall(demoHost, 'settings:set', { language: 'kk' })
  await page.reload()
  await box(page).fill('акимат AND (дороги')
  await expect(page.getByTestId('search-input-error')).toContainText('11 позициясында жақша жабылмаған')
  await shot(page, 'search-error-kk')
  await apiCall(demoHost, 'settings:set', { language: 'en' })
  await page.reload()
  await box(page).fill('акимат OR')
  await expect(page.getByTestId('search-input-error')).toContainText('Expected a term after OR at position 7')
})
