/** Why a source failed, in words for people, plus what to do about it. */
export type CollectErrorKind =
  | 'http'
  | 'timeout'
  | 'too-large'
  | 'redirect'
  | 'internal-address'
  | 'network'
  | 'proxy'
  | 'not-feed'
  | 'parse'
  | 'no-preview'
  | 'folder'
  | 'no-matcher'
  | 'aborted'

export class CollectError extends Error {
  readonly kind: CollectErrorKind
  /** What the user can do, one sentence. */
  readonly advice: string
  constructor(kind: CollectErrorKind, message: string, advice: string) {
    super(message)
    this.name = 'CollectError'
    this.kind = kind
    this.advice = advice
  }
}

/** The stored/displayed message: which source, what happened, what to do. */
export function describeFailure(source: { id: number; name: string; url: string }, e: unknown): string {
  const label = `Source #${source.id} "${source.name}" (${source.url})`
  if (e instanceof CollectError) return `${label}: ${e.message}. ${e.advice}`
  const msg = e instanceof Error ? e.message : String(e)
  return `${label}: unexpected error: ${msg}. Try again later; if it repeats, report it with this message.`
}

export function isAbort(e: unknown): boolean {
  return e instanceof CollectError && e.kind === 'aborted'
}
