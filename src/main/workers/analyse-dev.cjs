// Starts the analysis worker from the TypeScript sources (CLI, test host, tests run through tsx, with no
// build): registers tsx in this worker thread, then loads the worker itself. The Electron build starts
// out/main/analyse-worker.js instead (electron.vite.config.ts).
'use strict'
require('tsx/cjs/api').register()
require('./analyse.ts')
