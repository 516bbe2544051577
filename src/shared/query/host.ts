/**
 * Host names as stored in mentions.host and compared by site:.
 * Lower case, no scheme, port, path, `www.` or `m.` (mobile) prefix.
 * normalizeHost('https://www.Tengrinews.kz/news/1') === 'tengrinews.kz'
 * normalizeHost('m.vk.com') === 'vk.com'
 */
export function normalizeHost(urlOrHost: string | null | undefined): string | null {
  if (!urlOrHost) return null
  let h = urlOrHost.trim().toLowerCase()
  h = h.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\/\//, '')
  h = h.replace(/[/?#\\].*$/s, '')
  h = h.replace(/^[^@]*@/, '')
  h = h.replace(/:\d*$/, '')
  // Trailing dots off without /\.+$/, which takes quadratic time on a long run of dots (a hostile URL).
  let end = h.length
  while (end > 0 && h[end - 1] === '.') end--
  h = h.slice(0, end)
  // Strip one www. and one m. (www.m.example.kz happens), but never down to a bare TLD.
  for (const prefix of ['www.', 'm.']) {
    if (h.startsWith(prefix) && h.slice(prefix.length).includes('.')) h = h.slice(prefix.length)
  }
  return h.length > 0 ? h : null
}
