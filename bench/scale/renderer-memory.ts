/**
 * Memory while browsing a large workspace in the real renderer: the test host (`otklik serve`) over the
 * scale database, Chromium driven by Playwright through the mentions grid (scrolling, a scrollbar jump),
 * the authors page and the dashboard. Prints the renderer's JS heap and the host process's resident memory.
 *
 *   npm run build && node --import tsx bench/scale/renderer-memory.ts [--db bench/data/scale-1000000.db]
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { startHost } from '../../e2e/host'

function flag(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : def
}

const rssMb = (pid: number, key = 'VmRSS') =>
  Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024

/** The largest Chromium renderer process's resident memory (our tab's), from /proc. */
function rendererRssMb(key = 'VmRSS'): number {
  let best = 0
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue
      best = Math.max(best, rssMb(Number(pid), key))
    } catch {
      // the process ended meanwhile
    }
  }
  return best
}

async function main(): Promise<void> {
  const db = flag('db', join(__dirname, '..', 'data', 'scale-1000000.db'))
  const host = await startHost(db)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--enable-precise-memory-info']
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const heap = async () => {
      const m = (await cdp.send('Performance.getMetrics')).metrics
      return (m.find((x) => x.name === 'JSHeapUsedSize')?.value ?? NaN) / 2 ** 20
    }
    const t0 = Date.now()
    await page.goto(host.url)
    await page.getByTestId('nav-mentions').click()
    const grid = page.getByTestId('mentions-grid')
    await grid.locator('.ag-row').first().waitFor({ timeout: 60_000 })
    const firstPage = Date.now() - t0
    const viewport = grid.locator('.ag-body-vertical-scroll-viewport, .ag-body-viewport').first()
    let peakHeap = await heap()
    let peakRss = rendererRssMb()
    let peakPrivate = rendererRssMb('RssAnon')
    for (let i = 0; i < 30; i++) {
      await viewport.evaluate((el) => el.scrollBy(0, 3000))
      await page.waitForTimeout(60)
      peakHeap = Math.max(peakHeap, await heap())
      peakRss = Math.max(peakRss, rendererRssMb())
      peakPrivate = Math.max(peakPrivate, rendererRssMb('RssAnon'))
    }
    const t1 = Date.now()
    await viewport.evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
    await page.waitForFunction(() => {
      const rows = document.querySelectorAll('[data-testid="mentions-grid"] .ag-row')
      return rows.length > 0 && !document.querySelector('[data-testid="mentions-grid"] .ag-loading')
    })
    await page.waitForTimeout(300)
    const jump = Date.now() - t1
    peakHeap = Math.max(peakHeap, await heap())
    for (const nav of ['nav-authors', 'nav-dashboard', 'nav-mentions']) {
      await page.getByTestId(nav).click()
      await page.waitForTimeout(2500)
      peakHeap = Math.max(peakHeap, await heap())
      peakRss = Math.max(peakRss, rendererRssMb())
      peakPrivate = Math.max(peakPrivate, rendererRssMb('RssAnon'))
    }
    await cdp.send('HeapProfiler.collectGarbage')
    const settled = await heap()
    console.log(
      `Renderer (Chromium ${browser.version()}): process RSS peak ${peakRss.toFixed(0)} MB (private ${peakPrivate.toFixed(0)} MB), JS heap peak ${peakHeap.toFixed(0)} MB, after GC ${settled.toFixed(0)} MB; ` +
        `first grid rows shown ${firstPage} ms after load, scrollbar jump to the middle ${jump} ms (incl. 300 ms settle). ` +
        `Host process (main's role) RSS ${rssMb(host.proc.pid!).toFixed(0)} MB, private ${rssMb(host.proc.pid!, 'RssAnon').toFixed(0)} MB.`
    )
  } finally {
    await browser.close()
    await host.stop()
  }
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
