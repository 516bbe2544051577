import type { Locator, Page } from '@playwright/test'
import { AppShell } from './app'
import { GridObject } from './grid'

/** The Authors page: the grid, its legend and total, the lean switch. */
export class AuthorsPageObject extends AppShell {
  readonly grid: GridObject
  constructor(page: Page) {
    super(page)
    this.grid = new GridObject(page, 'authors-grid', 'name')
  }

  get legend(): Locator {
    return this.page.getByTestId('authors-legend')
  }

  get leanSwitch(): Locator {
    return this.page.getByTestId('lean-switch')
  }

  get total(): Locator {
    return this.page.getByTestId('authors-total')
  }

  /** «Авторов: 1 234» → 1234. */
  async totalCount(): Promise<number> {
    return Number((await this.total.innerText()).replace(/\D/g, ''))
  }
}
