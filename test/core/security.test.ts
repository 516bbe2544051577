import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import {
  isAllowedNavigation,
  isSafeExternalUrl,
  permissionDecision,
  RENDERER_CSP,
  secureWebPreferences,
  FUSES
} from '../../src/main/security'
import { chooseNativeBinding, type NativeBindingContext } from '../../src/main/native'

describe('security policy', () => {
  it('opens only real http(s) links externally', () => {
    const good = [
      'https://tengrinews.kz/news/1',
      'http://example.kz',
      'https://t.me/beltau/12?x=1#y',
      'https://xn--80ak6aa92e.com/'
    ]
    const bad = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'https://user:pass@evil.example/',
      'http://',
      'https://',
      'app://otklik/index.html',
      '//evil.example/x',
      'evil.example',
      '',
      null,
      42,
      'https://' + 'a'.repeat(9000)
    ]
    for (const u of good) expect(isSafeExternalUrl(u), u).toBe(true)
    for (const u of bad) expect(isSafeExternalUrl(u), String(u)).toBe(false)
    // A URL that merely mentions the app's scheme is still an ordinary https link, not navigation into the app.
    expect(isSafeExternalUrl('https://evil.example/?next=app://otklik')).toBe(true)
    expect(
      isAllowedNavigation('https://evil.example/?next=file:///app/index.html', 'file:///app/index.html')
    ).toBe(false)
  })

  it('allows in-app navigation only to the app page itself', () => {
    expect(
      isAllowedNavigation(
        'file:///opt/otklik/out/renderer/index.html',
        'file:///opt/otklik/out/renderer/index.html'
      )
    ).toBe(true)
    expect(isAllowedNavigation('file:///etc/passwd', 'file:///opt/otklik/out/renderer/index.html')).toBe(
      false
    )
    expect(isAllowedNavigation('http://localhost:5173/#x', 'http://localhost:5173/')).toBe(true)
    expect(isAllowedNavigation('http://localhost:5174/', 'http://localhost:5173/')).toBe(false)
    expect(isAllowedNavigation('not a url', 'http://localhost:5173/')).toBe(false)
  })

  it('window, CSP, permissions and fuses are locked down', () => {
    const wp = secureWebPreferences('/x/preload.js')
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false
    })
    expect(RENDERER_CSP).toContain("script-src 'self'")
    expect(RENDERER_CSP).not.toContain('unsafe-eval')
    expect(RENDERER_CSP).toContain("object-src 'none'")
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read'])
      expect(permissionDecision(p)).toBe(false)
    expect(FUSES.runAsNode).toBe(false)
    expect(FUSES.enableNodeOptionsEnvironmentVariable).toBe(false)
  })
})

describe('native module choice', () => {
  const ctx = (over: Partial<NativeBindingContext>): NativeBindingContext => ({
    electronVersion: undefined,
    isPackaged: false,
    appPath: '/repo',
    resourcesPath: '/repo/resources',
    platform: 'linux',
    arch: 'x64',
    exists: () => false,
    ...over
  })
  it('uses node_modules under Node and in the packaged app', () => {
    expect(chooseNativeBinding(ctx({}))).toEqual({ kind: 'default' })
    expect(chooseNativeBinding(ctx({ electronVersion: '45.3.0', isPackaged: true }))).toEqual({
      kind: 'default'
    })
  })
  it('uses the Electron build beside node_modules in development, or says how to get it', () => {
    const expected = join('/repo', '.electron-native', 'linux-x64', 'electron-45.3.0', 'better_sqlite3.node')
    expect(chooseNativeBinding(ctx({ electronVersion: '45.3.0', exists: (p) => p === expected }))).toEqual({
      kind: 'path',
      path: expected
    })
    const missing = chooseNativeBinding(ctx({ electronVersion: '45.3.0' }))
    expect(missing.kind).toBe('missing')
    if (missing.kind === 'missing') {
      expect(missing.expected).toBe(expected)
      expect(missing.message).toMatch(/npm start/)
    }
  })
})
