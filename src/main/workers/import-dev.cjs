// Starts the import worker from the TypeScript sources (the CLI's test host and the tests run through tsx,
// with no build): registers tsx in this worker thread, then loads the worker itself. The Electron build
// starts out/main/import-worker.js instead (electron.vite.config.ts).
'use strict'
require('tsx/cjs/api').register()
require('./import.ts')
