import { isIP } from 'node:net'

/** The kinds of address a collector must not reach on a feed's say-so (issue 21: SSRF through redirects). */
export type InternalClass = 'loopback' | 'link-local' | 'private' | 'multicast' | 'unspecified' | 'reserved'

/** How the classes are named in messages. */
export const INTERNAL_CLASS_NAMES: Record<InternalClass, string> = {
  loopback: 'a loopback address (this computer)',
  'link-local': 'a link-local address (cloud metadata, autoconfiguration)',
  private: 'a private network address',
  multicast: 'a multicast address',
  unspecified: 'an unspecified address (0.0.0.0, ::)',
  reserved: 'a reserved address'
}

/**
 * The internal class of an IP address, or null for a public one (or not an IP at all).
 * internalClass('169.254.169.254') === 'link-local'; internalClass('::ffff:7f00:1') === 'loopback';
 * internalClass('93.184.216.34') === null
 */
export function internalClass(ip: string): InternalClass | null {
  const a = ip.replace(/^\[|\]$/g, '')
  const v = isIP(a)
  if (v === 4) return v4Class(a.split('.').map(Number))
  if (v === 6) return v6Class(a)
  return null
}

function v4Class([a = 0, b = 0]: number[]): InternalClass | null {
  if (a === 0) return 'unspecified'
  if (a === 127) return 'loopback'
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private'
  if (a === 100 && b >= 64 && b <= 127) return 'private' // carrier-grade NAT (RFC 6598)
  if (a === 169 && b === 254) return 'link-local'
  if (a >= 224 && a <= 239) return 'multicast'
  if (a >= 240) return 'reserved' // incl. 255.255.255.255
  return null
}

function v6Class(s: string): InternalClass | null {
  const g = v6Groups(s.replace(/%.*$/, ''))
  if (!g) return 'reserved'
  if (g.every((x) => x === 0)) return 'unspecified'
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback'
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  const mapped = g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)
  const nat64 = g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)
  if (mapped || nat64) return v4Class([g[6]! >> 8, g[6]! & 0xff, g[7]! >> 8, g[7]! & 0xff])
  const top = g[0]!
  if ((top & 0xffc0) === 0xfe80) return 'link-local'
  if ((top & 0xfe00) === 0xfc00 || (top & 0xffc0) === 0xfec0) return 'private' // unique local, old site-local
  if ((top & 0xff00) === 0xff00) return 'multicast'
  return null
}

/** '::ffff:1.2.3.4' → eight 16-bit groups; null if it does not parse. */
function v6Groups(s: string): number[] | null {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number]
    s = s.slice(0, dotted.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16)
  }
  const halves = s.split('::')
  if (halves.length > 2) return null
  const parse = (h: string): number[] => (h ? h.split(':').map((x) => parseInt(x, 16)) : [])
  const head = parse(halves[0]!)
  const rest = halves.length === 2 ? parse(halves[1]!) : []
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0
  if (fill < 0) return null
  const g = [...head, ...new Array<number>(fill).fill(0), ...rest]
  return g.length === 8 && g.every((x) => Number.isInteger(x) && x >= 0 && x <= 0xffff) ? g : null
}
