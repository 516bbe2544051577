// electron-builder afterPack hook: flips the Electron fuses of the packaged binary to FUSES from
// src/main/security.ts (one source of truth, also checked by vitest), then reads them back.
// afterPack runs before electron-builder signs, so signing covers the flipped binary.
//
// @electron/fuses is not our own dependency: it comes with electron-builder (app-builder-lib depends
// on it). It is looked up from the project first, then from app-builder-lib's folder; if neither
// resolves, the build stops with a message instead of shipping an app without its fuses.
'use strict'
const path = require('node:path')

/** Bytes of the fuse wire: '0' off, '1' on (@electron/fuses' FuseState, which it does not export). */
const FUSE_OFF = 0x30
const FUSE_ON = 0x31

/** FUSES keys (src/main/security.ts) → @electron/fuses FuseV1Options names. */
const FUSE_OPTION_NAMES = {
  runAsNode: 'RunAsNode',
  enableCookieEncryption: 'EnableCookieEncryption',
  enableNodeOptionsEnvironmentVariable: 'EnableNodeOptionsEnvironmentVariable',
  enableNodeCliInspectArguments: 'EnableNodeCliInspectArguments',
  enableEmbeddedAsarIntegrityValidation: 'EnableEmbeddedAsarIntegrityValidation',
  onlyLoadAppFromAsar: 'OnlyLoadAppFromAsar',
  loadBrowserProcessSpecificV8Snapshot: 'LoadBrowserProcessSpecificV8Snapshot',
  grantFileProtocolExtraPrivileges: 'GrantFileProtocolExtraPrivileges'
}

/** FUSES from the TypeScript source, through tsx (a devDependency, present wherever we package). */
function loadFuses(projectDir) {
  const tsx = require(require.resolve('tsx/cjs/api', { paths: [projectDir] }))
  const security = tsx.require('./src/main/security.ts', path.join(projectDir, 'package.json'))
  if (!security.FUSES || typeof security.FUSES !== 'object') {
    throw new Error('after-pack: src/main/security.ts exports no FUSES object')
  }
  return security.FUSES
}

function loadFusesLibrary(projectDir) {
  const tried = []
  const roots = [projectDir]
  try {
    roots.push(path.dirname(require.resolve('app-builder-lib/package.json', { paths: [projectDir] })))
  } catch {
    // electron-builder not resolvable either: reported below
  }
  for (const root of roots) {
    try {
      return require(require.resolve('@electron/fuses', { paths: [root] }))
    } catch (e) {
      tried.push(`${root}: ${e.code || e.message}`)
    }
  }
  throw new Error(
    `after-pack: @electron/fuses cannot be resolved (${tried.join('; ')}). It is installed with ` +
      'electron-builder; add it to devDependencies if your installer layout hides it.'
  )
}

/** The file that holds the fuse wire: the executable (the .app bundle on macOS). */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`)
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`)
    default:
      return path.join(appOutDir, packager.executableName)
  }
}

/** @electron/fuses config (index → boolean) from FUSES; an unknown key is an error, not a no-op. */
function fuseConfig(fuses, lib) {
  const config = {
    version: lib.FuseVersion.V1,
    strictlyRequireAllFuses: false,
    resetAdHocDarwinSignature: false
  }
  for (const [key, value] of Object.entries(fuses)) {
    const name = FUSE_OPTION_NAMES[key]
    const index = name === undefined ? undefined : lib.FuseV1Options[name]
    if (typeof index !== 'number') throw new Error(`after-pack: unknown fuse "${key}" in FUSES`)
    if (typeof value !== 'boolean') throw new Error(`after-pack: fuse "${key}" must be true or false`)
    config[index] = value
  }
  return config
}

async function afterPack(context) {
  const projectDir = context.packager.projectDir || context.packager.info.projectDir
  const fuses = loadFuses(projectDir)
  const lib = loadFusesLibrary(projectDir)
  const binary = electronBinaryPath(context)
  const config = fuseConfig(fuses, lib)
  await lib.flipFuses(binary, config)

  // Read back: a wire shorter than expected, or a binary without one, must not pass silently.
  const wire = await lib.getCurrentFuseWire(binary)
  const wrong = []
  for (const [key, value] of Object.entries(fuses)) {
    const index = lib.FuseV1Options[FUSE_OPTION_NAMES[key]]
    const expected = value ? FUSE_ON : FUSE_OFF
    if (wire[index] !== expected)
      wrong.push(`${key}=${wire[index] === undefined ? 'missing' : String.fromCharCode(wire[index])}`)
  }
  if (wrong.length) throw new Error(`after-pack: fuses not set in ${binary}: ${wrong.join(', ')}`)
  const summary = Object.entries(fuses)
    .map(([k, v]) => `${k}=${v ? 'on' : 'off'}`)
    .join(' ')
  console.log(`  • after-pack: fuses set on ${path.relative(projectDir, binary)}: ${summary}`)
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.FUSE_OPTION_NAMES = FUSE_OPTION_NAMES
