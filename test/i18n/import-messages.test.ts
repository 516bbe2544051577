import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../src/renderer/src/i18n/en'
import { kk } from '../../src/renderer/src/i18n/kk'
import { ru } from '../../src/renderer/src/i18n/ru'
import {
  IMPORT_MESSAGES,
  importMessage,
  parseImportMessage,
  type ImportMessageCode
} from '../../src/shared/import-messages'
import { importFile } from '../../src/main/core/import'
import { tempDb, tempDir } from '../import/helpers'

const CODES = Object.keys(IMPORT_MESSAGES) as ImportMessageCode[]

describe('import rejection reasons and warnings in the UI language', () => {
  it('every message of the catalogue reads back into its code and values, and is in every dictionary', () => {
    for (const code of CODES) {
      const params = { value: '31.02.2026 10:00 "x"', field: 'Likes' }
      const english = importMessage(code, params)
      const back = parseImportMessage(english)
      expect(back?.code, english).toBe(code)
      for (const [k, v] of Object.entries(back!.params)) expect(v).toBe(params[k as keyof typeof params])
      for (const dict of [ru, kk, en] as Record<string, string>[])
        expect(dict[`import.msg.${code}`], `import.msg.${code}`).toBeTruthy()
    }
    expect(parseImportMessage('something main never says')).toBeNull()
  })

  it('what a real import reports is in the catalogue (so the UI can say it in ru, kk and en)', async () => {
    const { dir, cleanup } = tempDir()
    try {
      const db = tempDb(dir)
      const file = join(dir, 'bad.csv')
      writeFileSync(
        file,
        [
          'Дата;Заголовок;Текст;URL;Лайки',
          '24.08.2026 10:00;Парк;Парк открыли после ремонта;https://example.kz/a;12',
          '31.02.2026 10:00;Дорога;Яма на дороге;https://example.kz/b;3',
          '24.08.2026 11:00;;;https://example.kz/c;1',
          '24.08.2026 12:00;Вода;Нет воды;не ссылка;много',
          ';Свет;Нет света;https://example.kz/d;2'
        ].join('\n')
      )
      const r = await importFile(db, file)
      expect(r.errors.length).toBeGreaterThanOrEqual(3)
      for (const m of [...r.errors, ...r.warnings])
        expect(parseImportMessage(m.message), m.message).not.toBeNull()
      db.close()
    } finally {
      cleanup()
    }
  })
})
