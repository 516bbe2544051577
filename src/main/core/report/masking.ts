import type { AuthorType, Platform } from '../../../shared/types'
import { safeHttpUrl } from '../../../shared/url'
import { platformForUser, t, type Lang } from './i18n'

/** Authors the digest names: organisations and public accounts. Everyone else is masked by default. */
export function isPublicType(type: AuthorType | null | undefined): boolean {
  return type === 'media' || type === 'official' || type === 'blogger'
}

export interface KnownAuthor {
  id: number
  name: string
  url: string | null
  type: AuthorType
  platform: Platform
}

const HANDLE_IN_TEXT = /(^|[^\p{L}\p{N}_@])@([A-Za-z0-9_][A-Za-z0-9_.]{1,31}[A-Za-z0-9_])/gu
const URL_IN_TEXT = /\b(?:https?:\/\/|www\.|t\.me\/|vk\.com\/|instagram\.com\/)[^\s«»"“”<>]+/giu

/** The handle a profile URL names: https://t.me/ivan_p → 'ivan_p'; https://vk.com/id42 → 'id42'. */
export function handleFromUrl(url: string | null | undefined): string | null {
  const u = safeHttpUrl(url)
  if (!u) return null
  const seg = u.pathname.split('/').filter(Boolean)
  const first = seg[0]
  if (!first || seg.length > 2) return null
  const h = first.replace(/^@/, '')
  if (/^(channel|c|user|s|share|p|watch|groups?|pages?|profile\.php|public|club)$/i.test(h)) return null
  return /^[A-Za-z0-9_.]{2,64}$/.test(h) ? h.toLowerCase() : null
}

function handlesOf(a: { name: string; url: string | null }): string[] {
  const out: string[] = []
  const fromUrl = handleFromUrl(a.url)
  if (fromUrl) out.push(fromUrl)
  const n = a.name.trim()
  if (/^@?[A-Za-z0-9_.]{3,32}$/.test(n)) out.push(n.replace(/^@/, '').toLowerCase())
  return out
}

/**
 * Hides private persons and authors of unknown type: their names become "Пользователь Telegram №3"
 * (a number stable within one report, counted per platform in order of first appearance), their
 * @handles inside quoted text are replaced, their profile and post links are dropped.
 * With `enabled` false it only tidies quote text (bare URLs removed: the quote's own link carries it).
 */
export class Masker {
  private readonly numbers = new Map<number, string>()
  private readonly perPlatform = new Map<string, number>()
  private readonly maskedHandles = new Map<string, KnownAuthor>()
  private readonly publicHandles = new Set<string>()
  private readonly maskedNames = new Map<string, KnownAuthor>()

  constructor(
    readonly lang: Lang,
    readonly enabled: boolean,
    /** Looks a handle up among all authors; returns its type, or null when nobody has it. */
    private readonly lookupHandle: (handle: string) => AuthorType | null = () => null
  ) {}

  /** Makes an author's handles and name known, so quotes that mention them are masked too. */
  know(a: KnownAuthor): void {
    const masked = !isPublicType(a.type)
    for (const h of handlesOf(a)) {
      if (masked) this.maskedHandles.set(h, a)
      else this.publicHandles.add(h)
    }
    const name = a.name.trim().replace(/\s+/g, ' ')
    if (masked && name.length >= 5 && / /.test(name)) this.maskedNames.set(name.toLowerCase(), a)
  }

  masks(type: AuthorType | null | undefined): boolean {
    return this.enabled && !isPublicType(type)
  }

  /** The author's name as the report prints it. */
  label(a: KnownAuthor): string {
    if (!this.masks(a.type)) return a.name
    let label = this.numbers.get(a.id)
    if (!label) {
      const n = (this.perPlatform.get(a.platform) ?? 0) + 1
      this.perPlatform.set(a.platform, n)
      label = t(this.lang, 'maskedUser', { platform: platformForUser(this.lang, a.platform), n })
      label = label.charAt(0).toUpperCase() + label.slice(1)
      this.numbers.set(a.id, label)
    }
    return label
  }

  /** Quote text: bare URLs dropped; when masking, @handles and names of masked people replaced. */
  text(s: string, quoteAuthor?: KnownAuthor | null): string {
    let out = s.replace(URL_IN_TEXT, ' ').replace(/[ \t]{2,}/g, ' ')
    if (!this.enabled) return out
    if (quoteAuthor && this.masks(quoteAuthor.type)) this.know(quoteAuthor)
    out = out.replace(HANDLE_IN_TEXT, (m, pre: string, h: string) => {
      const key = h.toLowerCase()
      if (this.publicHandles.has(key)) return m
      const who = this.maskedHandles.get(key)
      if (who) return pre + this.label(who)
      const type = this.lookupHandle(key)
      if (isPublicType(type)) {
        this.publicHandles.add(key)
        return m
      }
      return pre + t(this.lang, 'maskedHandle')
    })
    return this.maskNames(out)
  }

  /** Replaces masked people's full names (two to four words) found among the text's word runs. */
  private maskNames(s: string): string {
    if (!this.maskedNames.size) return s
    const words = [...s.matchAll(/[\p{L}\p{N}'’-]+/gu)]
    const spans: { start: number; end: number; who: KnownAuthor }[] = []
    for (let i = 0; i < words.length; i++) {
      for (let n = Math.min(4, words.length - i); n >= 2; n--) {
        const first = words[i]!
        const last = words[i + n - 1]!
        const phrase = s.slice(first.index, last.index + last[0].length)
        const who = this.maskedNames.get(phrase.toLowerCase().replace(/\s+/g, ' '))
        if (who && !/[^\s\p{L}\p{N}'’-]/u.test(phrase)) {
          spans.push({ start: first.index, end: last.index + last[0].length, who })
          i += n - 1
          break
        }
      }
    }
    let out = s
    for (const sp of spans.reverse()) out = out.slice(0, sp.start) + this.label(sp.who) + out.slice(sp.end)
    return out
  }
}
