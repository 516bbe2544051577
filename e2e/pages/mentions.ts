import type { Locator, Page } from '@playwright/test'
import { expect } from '@playwright/test'
import { AppShell } from './app'
import { GridObject } from './grid'

/** The Mentions page: the grid, the total, the detail pane and the bulk bar. */
export class MentionsPageObject extends AppShell {
  readonly grid: GridObject
  constructor(page: Page) {
    super(page)
    this.grid = new GridObject(page, 'mentions-grid', 'publishedAt')
  }

  get total(): Locator {
    return this.page.getByTestId('total-count')
  }

  /** «Найдено: 1 234» → 1234, once a number is shown. */
  async totalCount(): Promise<number> {
    await expect(this.total).toContainText(/\d/)
    return Number((await this.total.innerText()).replace(/\D/g, ''))
  }

  /** The id of a loaded row (a block still loading shows placeholder rows without one). */
  async rowId(index: number): Promise<string> {
    await expect(this.grid.row(index)).toContainText(/\d{2}\.\d{2}\.\d{4}/)
    const id = await this.grid.row(index).getAttribute('row-id')
    expect(id).toMatch(/^\d+$/)
    return id!
  }

  get detail(): Locator {
    return this.page.getByTestId('mention-detail')
  }

  get bulkBar(): Locator {
    return this.page.getByTestId('bulk-bar')
  }

  /** Highlighted search terms in the grid. */
  get marks(): Locator {
    return this.grid.root.locator('mark.hl')
  }
}
