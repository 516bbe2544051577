import { type UiLang } from '../shared/types'
import { Worker } from 'node:worker_threads'
import { basename, join } from 'node:path'
import { runDueDigest } from './core/report/scheduled'
import { clock, now } from '../shared/clock'
import { CollectionScheduler } from './core/collect'
import { retrainDue } from './core/analysis/models'
import { subjectsMatcher } from './core/subjects'
import { findSpikes } from './core/analysis/spikes-db'
import { getDefaultNativeBinding } from './core/db/open'
import { workerFolderImporter } from './core/import/worker-client'
import { runScheduledBackup } from './core/db/backup'
import type { Workspace } from './core/workspace'
import { dateInZone } from '../shared/time'

/** Quiet spell after corrections before retraining (staff often correct in runs). */
const RETRAIN_DELAY_MS = 60_000
const DIGEST_NOTICE: Record<UiLang, { title: string }> = {
  ru: { title: 'Еженедельный дайджест готов' },
  kk: { title: 'Апталық дайджест дайын' },
  en: { title: 'The weekly digest is ready' }
}
/** After an import with labels: soon, once the import's own work has settled. */
const IMPORT_RETRAIN_DELAY_MS = 5_000

/**
 * Services that run while the app is open: scheduled collection (with catch-up), retraining the office's
 * sentiment model after label changes (in a worker thread), and spike notifications. Returns stop().
 */
export function startBackgroundServices(
  ws: Workspace,
  opts: {
    resolveProxy?: (url: string) => Promise<string>
    notify: (title: string, body: string) => void
    /** Where the scheduled digest is written (the Settings folder, else Documents/Otklik). */
    reportsDir?: () => string
  }
): () => Promise<void> {
  const scheduler = new CollectionScheduler(ws.db, {
    analyzer: ws.analyzer(),
    getMatcher: () => subjectsMatcher(ws.db),
    // Watched folders import in a worker thread, as manual imports do: the window stays responsive.
    importer: workerFolderImporter(ws.dbPath),
    settings: {
      resolveProxy: opts.resolveProxy ? async (url) => (await opts.resolveProxy!(url)) || null : undefined
    }
  })
  const notified = new Set<string>()
  scheduler.on('collect:status', (e) => {
    const r = e.result
    if (r) ws.events.emit('collect:status', { sourceId: r.id, status: r.status, new: r.new, error: r.error })
  })
  scheduler.on('mentions:new', (e) => {
    ws.changed('collect', e.count)
    checkSpikes()
  })
  void scheduler.start()

  function checkSpikes(): void {
    const tz = ws.settings().timeZone
    const today = dateInZone(clock.now(), tz)
    for (const s of findSpikes(ws.db, { from: today, to: today, timeZone: tz })) {
      const key = `${s.day}:${s.topicId}`
      if (notified.has(key)) continue
      notified.add(key)
      ws.events.emit('alerts:spike', s)
      opts.notify(
        'Всплеск негатива',
        `${s.topic ?? 'Все темы'}: ${s.negative} негативных упоминаний сегодня (обычно около ${s.usual})`
      )
    }
  }

  // The daily backup (7 daily + 4 weekly copies in <data folder>/backups): shortly after start, then every 6 h.
  const backup = (): void => {
    runScheduledBackup(ws.db, ws.dbPath).catch((e) => console.error('[backup]', e))
  }
  const backupStart = setTimeout(backup, 30_000)
  const backupEvery = setInterval(backup, 6 * 3600_000)

  // The scheduled digest: checked shortly after start (catch-up of a run missed while off), then each minute.
  let digestRunning = false
  const digest = (): void => {
    if (digestRunning || !opts.reportsDir) return
    digestRunning = true
    runDueDigest(ws.db, opts.reportsDir(), now())
      .then((r) => {
        if (!r) return
        ws.events.emit('reports:scheduled', r)
        opts.notify(
          (DIGEST_NOTICE[ws.settings().language] ?? DIGEST_NOTICE.ru).title,
          `${r.period.from} – ${r.period.to}: ${r.files.map((f) => basename(f)).join(', ')}`
        )
      })
      .catch((e) => console.error('[digest]', e))
      .finally(() => (digestRunning = false))
  }
  const digestStart = setTimeout(digest, 20_000)
  const digestEvery = setInterval(digest, 60_000)

  // Retraining: an import with labels and every RETRAIN_EVERY_CORRECTIONS corrections (retrainDue) schedule
  // one run after a quiet spell; a change while a run is busy schedules another after it.
  let retrainTimer: NodeJS.Timeout | null = null
  let training: Worker | null = null
  let again = false
  const schedule = (delay: number): void => {
    if (retrainTimer) clearTimeout(retrainTimer)
    retrainTimer = setTimeout(retrain, delay)
  }
  ws.onLabelsChanged = (change) => {
    try {
      if (retrainDue(ws.db, change))
        schedule(change.kind === 'import' ? IMPORT_RETRAIN_DELAY_MS : RETRAIN_DELAY_MS)
    } catch (e) {
      console.error('[retrain]', e)
    }
  }
  function retrain(): void {
    retrainTimer = null
    if (training) {
      again = true
      return
    }
    training = new Worker(join(__dirname, 'train-worker.js'), {
      workerData: {
        dbPath: ws.dbPath,
        nativeBinding: getDefaultNativeBinding(),
        // The worker's clock follows the app's (a pinned clock included): training times agree.
        now: clock.now(),
        clockPinned: clock.pinned
      }
    })
    training.once('message', (m: { ok: boolean }) => {
      if (m.ok) ws.changed('analysis')
    })
    training.once('exit', () => {
      training = null
      if (again) {
        again = false
        schedule(IMPORT_RETRAIN_DELAY_MS)
      }
    })
    training.once('error', (e) => console.error('[retrain]', e))
  }

  return async () => {
    clearTimeout(backupStart)
    clearInterval(backupEvery)
    clearTimeout(digestStart)
    clearInterval(digestEvery)
    if (retrainTimer) clearTimeout(retrainTimer)
    ws.onLabelsChanged = null
    await training?.terminate()
    await scheduler.stop()
  }
}
