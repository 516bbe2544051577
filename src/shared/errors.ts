/** Stable error codes shared by the API, the CLI and the UI (which translates them). */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'DB_MISSING'
  | 'DB_NEWER'
  | 'DB_CORRUPT'
  | 'DB_LOCKED'
  | 'BUSY'
  | 'IMPORT_UNREADABLE'
  | 'QUERY_SYNTAX'
  | 'NEEDS_FORCE'
  | 'LIMIT'
  | 'IO'
  | 'INTERNAL'

/** An error meant for people: a stable code plus a message that says what happened and what to do. */
export class OtklikError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'OtklikError'
    this.code = code
    this.details = details
  }
}

export interface ApiError {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}
