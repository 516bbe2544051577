import type { Db } from '../db/open'
import type { MentionAnalyzer } from '../ingest'
import { WorkspaceAnalyzer } from './analyzer'

/**
 * The analyzer the demo runs with: the real one (built-in sentiment model, topics, subjects, stories),
 * so the demo shows what the product does with such texts.
 */
export function createDemoAnalyzer(db: Db): MentionAnalyzer | null {
  return new WorkspaceAnalyzer(db)
}
