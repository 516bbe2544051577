import type { Target } from './harness'
import { csvTarget, telegramTarget, xlsxTarget } from './targets-files'
import { feedTarget, queryTarget, telegramPageTarget } from './targets-text'
import { apiTarget } from './targets-api'

/** Every fuzzed parser. `hugeMax` bounds the huge fields mutations insert (bytes). */
export function allTargets(opts: { hugeMax: number }): Target[] {
  return [
    csvTarget(opts.hugeMax),
    xlsxTarget(opts.hugeMax),
    telegramTarget(opts.hugeMax),
    feedTarget(opts.hugeMax),
    telegramPageTarget(opts.hugeMax),
    queryTarget(),
    apiTarget()
  ] as Target[]
}
