import type { DuplicateRow } from './types'

const REASON: Record<DuplicateRow['reason'], string> = {
  id: 'the same id',
  url: 'the same address',
  content: 'the same author, time and text'
}

/**
 * The warning for a file whose rows collapse among themselves: how many, and the first pair with its
 * reason, so a wrong mapping (an avatar taken for the post's URL) shows before anything is lost.
 */
export function withinFileMessage(
  count: number,
  first: { line: number; matchedLine: number | null; reason: DuplicateRow['reason'] }
): string {
  return `${count} row(s) of this file were taken as duplicates of earlier rows of it (line ${first.line} = line ${first.matchedLine}: ${REASON[first.reason]}); check the mapping if they are different publications.`
}
