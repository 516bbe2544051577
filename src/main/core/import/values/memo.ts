/**
 * Caches a pure function of a string: export columns repeat the same few labels ('Русский', 'Пост',
 * 'vk.com') on every row, and a million rows should not parse them a million times. Bounded.
 */
export function memo<T>(fn: (s: string) => T, limit = 20_000): (s: string) => T {
  const cache = new Map<string, T>()
  return (s: string): T => {
    const hit = cache.get(s)
    if (hit !== undefined || cache.has(s)) return hit as T
    const v = fn(s)
    if (cache.size >= limit) cache.clear()
    cache.set(flat(s), typeof v === 'string' ? (flat(v) as T) : v)
    return v
  }
}

/**
 * A copy of a string that does not hold on to the string it was cut from. Cells are slices of a whole
 * decoded chunk (hundreds of KB); keeping a slice in a long-lived cache would keep the chunk alive.
 */
export function flat(s: string): string {
  return (' ' + s).slice(1)
}
