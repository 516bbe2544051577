import type { Migration } from './types'
import { hasKazakhStems, reindexSearch } from '../../ingest/fts'
import { normalizeText } from '../../../../shared/text'

/**
 * The Kazakh stemmer (src/shared/stem-kk.ts) keeps the agent suffix -шы/-ші: «сатушы», «тілші»,
 * «жүргізушісі» now stem to «сатушы», «тілші», «жүргізуші» (before: «сатуш», «тілш», «жүргізушіс», so the
 * bare noun did not find its possessive forms). Rewrites the stem columns of the mentions with a Kazakh
 * word holding -шы/-ші; other entries are unchanged.
 */
const AGENT = /ш[ыі]/

export const m0007: Migration = {
  version: 7,
  name: 'kazakh-agent-stems',
  up: (db) => {
    const changed = (s: string | null) => !!s && hasKazakhStems(s) && AGENT.test(normalizeText(s))
    reindexSearch(db, (title, text) => changed(title) || changed(text))
  }
}
