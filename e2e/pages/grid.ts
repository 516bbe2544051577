import type { Locator, Page } from '@playwright/test'

/**
 * An AG Grid on a page (its wrapper's test id). The checkbox column is pinned, so every row is drawn
 * twice (pinned part and scrolling part): `row(i)` is the scrolling part, the one with the data cells.
 */
export class GridObject {
  readonly root: Locator
  constructor(
    readonly page: Page,
    testId: string,
    /** A column only the scrolling part of a row has. */
    private readonly dataColumn: string
  ) {
    this.root = page.getByTestId(testId)
  }

  /** Rows of the scrolling part. */
  get rows(): Locator {
    return this.root.locator('.ag-row').filter({ has: this.page.locator(`[col-id="${this.dataColumn}"]`) })
  }

  row(index: number): Locator {
    return this.rows.and(this.page.locator(`[row-index="${index}"]`))
  }

  rowById(id: number | string): Locator {
    return this.root.locator(`.ag-row[row-id="${id}"]`)
  }

  cell(index: number, colId: string): Locator {
    return this.row(index).locator(`[col-id="${colId}"]`)
  }

  checkbox(index: number): Locator {
    return this.root.locator(`.ag-row[row-index="${index}"] input[type="checkbox"]`)
  }

  header(colId: string): Locator {
    return this.root.locator(`.ag-header-cell[col-id="${colId}"]`)
  }

  /** How far the columns overflow the grid sideways, in pixels (0: they fit, no horizontal scrollbar). */
  async sidewaysOverflow(): Promise<number> {
    return this.root.evaluate((el) => {
      const viewport = el.querySelector('.ag-center-cols-viewport')
      const scroll = el.querySelector('.ag-body-horizontal-scroll-viewport')
      const over = (x: Element | null): number => (x ? Math.max(0, x.scrollWidth - x.clientWidth) : 0)
      return Math.max(over(viewport), over(scroll))
    })
  }
}
