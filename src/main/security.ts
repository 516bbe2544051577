/**
 * Security policy of the app window as plain data and functions (no electron import), so vitest checks
 * them here and the Electron e2e spec checks the live values where a binary exists.
 */

/** Content-Security-Policy of the renderer: no remote code, no eval; AG Grid needs inline styles. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** webPreferences of every window. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false
  } as const
}

/**
 * Whether a link may be handed to the system browser: only http(s) URLs after real parsing, with a
 * host, and no credentials. Substring checks are how others got this wrong.
 * isSafeExternalUrl('https://tengrinews.kz/x') === true; isSafeExternalUrl('javascript:alert(1)') === false
 */
export function isSafeExternalUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length > 8192) return false
  let u: URL
  try {
    u = new URL(raw.trim())
  } catch {
    return false
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false
  if (!u.hostname || u.username || u.password) return false
  return true
}

/** In-app navigation is only allowed to the app's own page (the dev server or the packaged file). */
export function isAllowedNavigation(target: string, appUrl: string): boolean {
  try {
    const t = new URL(target)
    const a = new URL(appUrl)
    if (a.protocol === 'file:') return t.protocol === 'file:' && t.pathname === a.pathname
    return t.origin === a.origin
  } catch {
    return false
  }
}

/** Electron fuses for the packaged app (applied by electron-builder's afterPack / @electron/fuses). */
export const FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false
} as const

/** Permission requests from web content: all denied (the app needs none). */
export function permissionDecision(_permission: string): boolean {
  return false
}
