import { dbPathFrom } from '../args'
import { printJson, type Command } from '../command'
import { Workspace } from '../../core/workspace'
import { browserPlatform, createHandlers } from '../../core/api/handlers'
import { startTestHost } from '../../host/server'
import { ensureRendererBuilt } from '../../host/build'

export const serveCommand: Command = {
  name: 'serve',
  usage: 'serve --db PATH [--port N]',
  summary:
    'Starts the browser test host on 127.0.0.1 and prints {"url": …}; serves until killed. For development and tests.',
  booleans: ['json'],
  options: ['db', 'port'],
  async run(args, io) {
    const port = args.int('port')
    const rendererDir = ensureRendererBuilt((line) => io.err(line))
    const ws = Workspace.open(dbPathFrom(args))
    const host = await startTestHost({
      ws,
      handlers: createHandlers(ws, browserPlatform()),
      rendererDir,
      port
    })
    printJson(io, { url: host.url })
    const stop = (): void => {
      void host.close().then(() => {
        ws.close()
        process.exit(0)
      })
    }
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    return null
  }
}
