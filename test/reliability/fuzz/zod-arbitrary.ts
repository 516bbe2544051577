import type { z } from 'zod'
import type { Prng } from '../prng'
import { randomJson, randomText } from './mutate'

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  in?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  entries?: Record<string, string>
  values?: unknown[]
  keyType?: z.ZodType
  valueType?: z.ZodType
  checks?: { _zod: { def: CheckDef } }[]
}
interface CheckDef {
  check: string
  value?: number
  inclusive?: boolean
  minimum?: number
  maximum?: number
  format?: string
  pattern?: RegExp
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def
const checksOf = (d: Def): CheckDef[] => (d.checks ?? []).map((c) => c._zod.def)

const WORDS = [
  'акимат',
  'дорог*',
  '"город Алматы"',
  'аким NEAR/5 власт*',
  'site:nur.kz',
  'author:Иван',
  'NOT спам',
  'әкімдік*',
  '(a OR b',
  'x*',
  'title:парк'
]

/**
 * A random value shaped by a zod 4 schema (walking its definition): mostly valid, often at the edges of
 * its bounds, sometimes just outside them, and now and then a value of the wrong type.
 */
export function arbitrary(schema: z.ZodType, rng: Prng, depth = 0): unknown {
  if (depth > 12 || rng.chance(0.03)) return randomJson(rng, 3)
  const d = defOf(schema)
  const checks = checksOf(d)
  switch (d.type) {
    case 'optional':
      return rng.chance(0.35) ? undefined : arbitrary(d.innerType!, rng, depth + 1)
    case 'nullable':
      return rng.chance(0.2) ? null : arbitrary(d.innerType!, rng, depth + 1)
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return arbitrary(d.innerType!, rng, depth + 1)
    case 'pipe':
      return arbitrary(d.in!, rng, depth + 1)
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [k, v] of Object.entries(d.shape ?? {})) {
        const val = arbitrary(v, rng, depth + 1)
        if (val !== undefined) out[k] = val
      }
      if (rng.chance(0.03)) out[rng.pick(['extra', '__proto__', 'id'])] = randomJson(rng, 3)
      return out
    }
    case 'array': {
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0
      const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 20
      const n = rng.chance(0.05)
        ? max + 1
        : rng.chance(0.05)
          ? Math.max(0, min - 1)
          : min + rng.int(Math.min(max - min, 6) + 1)
      return Array.from({ length: Math.min(n, 5000) }, () => arbitrary(d.element!, rng, depth + 1))
    }
    case 'union':
      return arbitrary(rng.pick(d.options!), rng, depth + 1)
    case 'enum': {
      const values = Object.values(d.entries ?? {})
      return rng.chance(0.05) ? randomText(rng, 10) : rng.pick(values)
    }
    case 'literal':
      return rng.pick(d.values ?? [null])
    case 'boolean':
      return rng.chance(0.5)
    case 'number':
      return number(rng, checks)
    case 'string':
      return string(rng, checks)
    case 'record': {
      const out: Record<string, unknown> = {}
      for (let i = rng.int(4); i > 0; i--)
        out[String(arbitrary(d.keyType!, rng, depth + 1))] = arbitrary(d.valueType!, rng, depth + 1)
      return out
    }
    default:
      return randomJson(rng, 2)
  }
}

function number(rng: Prng, checks: CheckDef[]): number {
  const int = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''))
  const lo = checks.find((c) => c.check === 'greater_than')
  const hi = checks.find((c) => c.check === 'less_than')
  const min = lo ? lo.value! + (lo.inclusive ? 0 : 1) : -1000
  const max = hi ? hi.value! - (hi.inclusive ? 0 : 1) : 1_000_000
  const edge = rng.pick([min, max, min - 1, max + 1, 0, 1, 2, 3])
  const v = rng.chance(0.3)
    ? edge
    : rng.chance(0.7)
      ? min + rng.int(Math.min(max - min, 12) + 1)
      : min + rng.next() * (max - min)
  return int && rng.chance(0.95) ? Math.round(v) : v
}

function string(rng: Prng, checks: CheckDef[]): string {
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0
  const max = checks.find((c) => c.check === 'max_length')?.maximum ?? 64
  const regex = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern?.source ?? ''
  if (/\\d\{4\}-W/.test(regex)) return `${rng.range(1990, 2100)}-W${String(rng.int(60)).padStart(2, '0')}`
  if (/\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(regex))
    return rng.chance(0.1)
      ? randomText(rng, 12)
      : `${rng.range(1900, 2200)}-${String(rng.int(14)).padStart(2, '0')}-${String(rng.int(33)).padStart(2, '0')}`
  const r = rng.int(10)
  let s: string
  if (r < 3) s = rng.pick(WORDS) + (rng.chance(0.5) ? ` ${rng.pick(WORDS)}` : '')
  else if (r < 4)
    s = rng.pick([
      '/tmp/none.csv',
      '/',
      '.',
      '',
      'C:\\Users\\x.xlsx',
      'http://127.0.0.1:1/x',
      'https://t.me/s/x',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'Europe/Nowhere',
      'UTC',
      'Asia/Almaty'
    ])
  // At the limit and just past it; limits in the hundreds of MB (uploads) are probed at 1 MB.
  else if (r < 5) s = max > 1 << 20 ? 'x'.repeat(1 << 20) : 'x'.repeat(rng.chance(0.5) ? max : max + 1)
  else s = randomText(rng, Math.min(max, 40))
  if (s.length < min && rng.chance(0.9)) s = s.padEnd(min, 'ы')
  return s
}
