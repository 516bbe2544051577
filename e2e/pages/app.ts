import type { Locator, Page } from '@playwright/test'

/** The pages of the sidebar (their `nav-…` test ids). */
export type PageName = 'dashboard' | 'mentions' | 'authors' | 'sources' | 'import' | 'reports' | 'settings'

/** What every page has: the sidebar, the heading, the filter panel and its chips, the toasts. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Goes to a page through the sidebar. */
  async go(name: PageName): Promise<void> {
    await this.page.getByTestId(`nav-${name}`).click()
  }

  nav(name: PageName): Locator {
    return this.page.getByTestId(`nav-${name}`)
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  get filterPanel(): Locator {
    return this.page.getByTestId('filter-panel')
  }

  get chips(): Locator {
    return this.page.getByTestId('filter-chips')
  }

  /** The newest toast. */
  get toast(): Locator {
    return this.page.getByTestId('toast').last()
  }

  /** A dialog by its test id (or the open one). */
  dialog(testId?: string): Locator {
    return testId ? this.page.getByTestId(testId) : this.page.locator('dialog[open]')
  }
}
