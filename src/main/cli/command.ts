import type { Args } from './args'

export interface Io {
  /** stdout: results only (one JSON document with --json). */
  out(text: string): void
  /** stderr: progress, warnings, errors. */
  err(text: string): void
  stdin: NodeJS.ReadableStream
}

export interface Command {
  name: string
  usage: string
  summary: string
  /** Options without a value. */
  booleans: readonly string[]
  /** Options with a value. */
  options: readonly string[]
  /** Returns the exit code, or null to keep running (serve). */
  run(args: Args, io: Io): Promise<number | null>
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value) + '\n')
}
