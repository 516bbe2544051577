import type { Channel, EventName, Events, Input, Output } from '../../shared/api'
import type { ApiError } from '../../shared/errors'
import { bridge } from './bridge'

/** An API call that failed: carries the stable code and the human message from main. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
  }
}

/** Calls a channel and unwraps its result: `await call('mentions:page', {...})`. */
export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const [domain, verb] = channel.split(':') as [string, string]
  const fn = (bridge as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[
    domain
  ]?.[verb]
  if (!fn) throw new ApiCallError({ code: 'NOT_FOUND', message: `No channel ${channel}` })
  const r = (await fn(input)) as { ok: true; value: Output<C> } | { ok: false; error: ApiError }
  if (!r.ok) throw new ApiCallError(r.error)
  return r.value
}

export function onEvent<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
  return bridge.on(event, cb)
}

export type { Input, Output } from '../../shared/api'
