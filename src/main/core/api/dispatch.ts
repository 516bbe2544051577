import { api, type Channel, type Result } from '../../../shared/api'
import { OtklikError, type ApiError } from '../../../shared/errors'
import { translateIoError } from '../db/io-errors'

export type Handlers = { [C in Channel]: (input: never) => unknown }

/**
 * The one way a request reaches a service: look the channel up, validate the input with its zod
 * schema, call the handler, wrap the result. Errors become `{ok: false, error: {code, message}}`;
 * unexpected ones are logged and reported as INTERNAL without a stack trace.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  input: unknown,
  ctx: { dbPath?: string } = {}
): Promise<Result<unknown>> {
  if (!Object.prototype.hasOwnProperty.call(api, channel)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel: ${channel.slice(0, 100)}` } }
  }
  const def = api[channel as Channel]
  const parsed = def.input.safeParse(input ?? undefined)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `Invalid input for ${channel}: ${issues.join('; ')}`,
        details: { issues }
      }
    }
  }
  try {
    const handler = handlers[channel as Channel] as (i: unknown) => unknown
    const value = await handler(parsed.data)
    return { ok: true, value: value === undefined ? null : value }
  } catch (e) {
    return { ok: false, error: toApiError(e, channel, ctx.dbPath) }
  }
}

/**
 * An error as the renderer sees it. A full disk, a read-only folder or a missing permission becomes an
 * IO error in words (naming the database's folder), never INTERNAL.
 */
export function toApiError(e: unknown, channel = '', dbPath?: string): ApiError {
  const io = translateIoError(e, { path: dbPath })
  if (io) return { code: io.code, message: io.message, details: io.details }
  if (e instanceof OtklikError) return { code: e.code, message: e.message, details: e.details }
  console.error(`[api] ${channel} failed:`, e)
  return {
    code: 'INTERNAL',
    message: `Something went wrong in ${channel || 'the app'}: ${(e as Error)?.message ?? String(e)}`
  }
}
