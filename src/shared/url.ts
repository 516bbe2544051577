/** Query parameters that only track a click; dropped when comparing URLs. */
const TRACKING =
  /^(utm_.*|fbclid|gclid|yclid|ysclid|igshid|mc_cid|mc_eid|_openstat|from|ref|ref_src|share|si|feature|rcm|__twitter_impression)$/i

/**
 * Parses an http(s) URL, or returns null for anything else (javascript:, file:, garbage).
 * safeHttpUrl('https://x.kz/a') → URL; safeHttpUrl('javascript:alert(1)') → null
 */
export function safeHttpUrl(raw: string | null | undefined): URL | null {
  if (!raw) return null
  const s = raw.trim()
  if (!s) return null
  let u: URL
  try {
    u = new URL(s)
  } catch {
    return null
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null
  if (!u.hostname) return null
  return u
}

/** Host without `www.` / `m.` prefixes, lower case: the `site:` key. hostKey('https://M.Tengrinews.kz/x') → 'tengrinews.kz' */
export function hostKey(raw: string | null | undefined): string | null {
  const u = safeHttpUrl(raw)
  if (!u) return null
  return u.hostname.toLowerCase().replace(/^(www\d*|m|mobile)\./, '')
}

/**
 * The comparison key of a URL: scheme dropped, host without www./m., tracking parameters and fragment
 * removed, remaining parameters sorted, trailing slash dropped.
 * urlKey('https://www.site.kz/news/1/?utm_source=x&b=2&a=1#top') → 'site.kz/news/1?a=1&b=2'
 */
export function urlKey(raw: string | null | undefined): string | null {
  const u = safeHttpUrl(raw)
  if (!u) return null
  const host = u.hostname.toLowerCase().replace(/^(www\d*|m|mobile)\./, '')
  const params = [...u.searchParams.entries()]
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const path = u.pathname.replace(/\/+$/, '')
  const query = params.length ? '?' + params.map(([k, v]) => `${k}=${v}`).join('&') : ''
  const port = u.port ? `:${u.port}` : ''
  return `${host}${port}${path}${query}`
}
