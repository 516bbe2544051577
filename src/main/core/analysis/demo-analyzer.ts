import type { Db } from '../db/open'
import type { MentionAnalyzer } from '../ingest'

/** The analyzer the demo runs with; null means the demo's own simulated labels. */
export function createDemoAnalyzer(_db: Db): MentionAnalyzer | null {
  return null
}
