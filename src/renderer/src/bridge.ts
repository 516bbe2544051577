import { buildBridge, type Channel, type EventName, type OtklikBridge, type Result } from '../../shared/api'

/**
 * The browser test host's stand-in for the preload: the same `window.otklik`, over HTTP and
 * server-sent events. The token comes from the page URL once and is kept for this tab.
 */
function httpBridge(): OtklikBridge {
  const fromUrl = new URLSearchParams(location.search).get('token')
  if (fromUrl) sessionStorage.setItem('otklik-token', fromUrl)
  const token = fromUrl ?? sessionStorage.getItem('otklik-token') ?? ''
  let source: EventSource | null = null
  const invoke = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-otklik-token': token },
        body: input === undefined ? '' : JSON.stringify(input)
      })
      if (!res.ok) return { ok: false, error: { code: 'IO', message: `${res.status} ${await res.text()}` } }
      return (await res.json()) as Result<unknown>
    } catch (e) {
      return {
        ok: false,
        error: { code: 'IO', message: `The app is not answering (${(e as Error).message}).` }
      }
    }
  }
  const subscribe = (event: EventName, cb: (payload: unknown) => void): (() => void) => {
    source ??= new EventSource(`/events?token=${encodeURIComponent(token)}`)
    const listener = (e: MessageEvent): void => cb(JSON.parse(e.data as string))
    source.addEventListener(event, listener as EventListener)
    return () => source?.removeEventListener(event, listener as EventListener)
  }
  return buildBridge(invoke, subscribe)
}

export const bridge: OtklikBridge = window.otklik ?? httpBridge()
