/**
 * Admission of requests: at most `max` at once overall and `perKey` at once per key (host:port),
 * first come first served among those that may run.
 */
export class RequestLimiter {
  private readonly max: number
  private readonly perKey: number
  private active = 0
  private readonly byKey = new Map<string, number>()
  private readonly queue: { key: string; go: () => void }[] = []

  constructor(max: number, perKey: number) {
    this.max = Math.max(1, max)
    this.perKey = Math.max(1, perKey)
  }

  /** Resolves with a release function once a slot for `key` is free. */
  acquire(key: string, signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason)
      const entry = {
        key,
        go: () => {
          signal?.removeEventListener('abort', onAbort)
          this.active++
          this.byKey.set(key, (this.byKey.get(key) ?? 0) + 1)
          let released = false
          resolve(() => {
            if (released) return
            released = true
            this.active--
            const n = (this.byKey.get(key) ?? 1) - 1
            if (n > 0) this.byKey.set(key, n)
            else this.byKey.delete(key)
            this.pump()
          })
        }
      }
      const onAbort = (): void => {
        const i = this.queue.indexOf(entry)
        if (i >= 0) this.queue.splice(i, 1)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.queue.push(entry)
      this.pump()
    })
  }

  private pump(): void {
    for (let i = 0; i < this.queue.length && this.active < this.max;) {
      const e = this.queue[i]!
      if ((this.byKey.get(e.key) ?? 0) < this.perKey) {
        this.queue.splice(i, 1)
        e.go()
      } else i++
    }
  }
}
