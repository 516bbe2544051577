#!/usr/bin/env node
// The `otklik` CLI in a checkout: runs the TypeScript sources directly through tsx, so it works right
// after `npm ci` with no build step. The installed app runs the same CLI through its own binary.
'use strict'
const path = require('node:path')
require('tsx/cjs/api').register()
const { runCli } = require(path.join(__dirname, '..', 'src', 'main', 'cli', 'main.ts'))
runCli(process.argv.slice(2)).then(
  (code) => {
    if (code !== null) process.exitCode = code
  },
  (e) => {
    process.stderr.write(`otklik: ${e && e.message ? e.message : String(e)}\n`)
    process.exitCode = 1
  }
)
