import type { Db } from '../db/open'
import type { MentionAnalysis, MentionAnalyzer } from '../ingest'
import type { MentionInput } from '../../../shared/types'
import { normalizeHost } from '../../../shared/query/host'
import { compileMatcher, parseQuery, type MatchDoc } from '../../../shared/query'
import { safeHttpUrl } from '../../../shared/url'
import { assignTopics, compileTopics, type CompiledTopic } from './topics'
import { signatureFromBytes, signatureToBytes, StoryIndex } from './stories'
import { currentSentimentModel } from './models'
import type { SentimentModel } from './sentiment'
import { SUBJECT_ORDER, targetOfQuery } from './subject-target'

const DAY = 86_400_000

/**
 * The analysis every write path runs on new mentions (import, collection, the demo, re-analysis, the
 * import worker): wired here, once. `Workspace.analyzer()` calls it; a process without a Workspace (a
 * worker, a CLI command) calls it with its own connection.
 */
export function workspaceAnalyzer(db: Db): WorkspaceAnalyzer {
  return new WorkspaceAnalyzer(db)
}

/**
 * The workspace's analysis of a new mention: language and sentiment (the office's learned model, or
 * the built-in one), problem topics, monitoring subjects, and its near-duplicate story. Used by
 * import, collection, the demo and re-analysis alike.
 */
export class WorkspaceAnalyzer implements MentionAnalyzer {
  readonly model: SentimentModel
  /** built from the workspace file alone (no model handed in): a worker opening the file builds the same */
  readonly fromWorkspace: boolean
  private readonly topics: CompiledTopic[]
  /** enabled subjects in SUBJECT_ORDER, each with the sentiment target its query names */
  private readonly subjects: { id: number; match: (d: MatchDoc) => boolean; target: string | null }[]
  private readonly stories = new StoryIndex()
  private readonly loadedDays = new Set<number>()
  private readonly sigs = new WeakMap<MentionInput, Uint32Array>()
  private readonly loadStmt

  constructor(
    private readonly db: Db,
    opts: { model?: SentimentModel } = {}
  ) {
    this.model = opts.model ?? currentSentimentModel(db)
    this.fromWorkspace = !opts.model
    this.topics = compileTopics(
      db.prepare('SELECT id, query FROM topics WHERE enabled = 1 ORDER BY sort, id').all() as {
        id: number
        query: string | null
      }[]
    )
    this.subjects = []
    for (const s of db.prepare(`SELECT id, query FROM subjects WHERE enabled = 1 ${SUBJECT_ORDER}`).all() as {
      id: number
      query: string
    }[]) {
      try {
        this.subjects.push({
          id: s.id,
          match: compileMatcher(parseQuery(s.query)),
          target: targetOfQuery(s.query)
        })
      } catch {
        // A subject saved with a broken query matches nothing until it is fixed (the Sources page says why).
      }
    }
    this.loadStmt = db.prepare(
      'SELECT id, story_sig, published_at, ifnull(story_id, id) AS story_id FROM mentions WHERE published_at >= ? AND published_at < ? AND story_sig IS NOT NULL'
    )
  }

  /** What a document looks like to queries (topics, subjects). */
  static matchDoc(rec: {
    title?: string | null
    text: string
    url?: string | null
    authorName?: string | null
  }): MatchDoc {
    return {
      title: rec.title ?? null,
      text: rec.text,
      url: rec.url ?? null,
      host: safeHttpUrl(rec.url) ? normalizeHost(rec.url) : null,
      authorName: rec.authorName ?? null
    }
  }

  analyze(rec: MentionInput): MentionAnalysis {
    const full = rec.title ? `${rec.title}. ${rec.text}` : rec.text
    const doc = WorkspaceAnalyzer.matchDoc({ ...rec, authorName: rec.author?.name })
    const subjects = this.subjects.filter((x) => x.match(doc))
    // toward the first subject the mention matches (subject-target.ts)
    const s = this.model.classify(full, subjects[0]?.target ?? null)
    const sig = this.stories.signature(rec.title ?? null, rec.text)
    this.sigs.set(rec, sig)
    return {
      lang: s.lang === 'other' ? (rec.lang ?? null) : s.lang,
      sentiment: {
        label: s.label,
        score: round(s.score),
        explanation: s.explanation,
        clause: s.clause ?? null
      },
      topicIds: assignTopics(doc, this.topics),
      subjectIds: subjects.map((x) => x.id),
      storySig: signatureToBytes(sig)
    }
  }

  story(id: number, rec: MentionInput): number | null {
    const sig = this.sigs.get(rec) ?? this.stories.signature(rec.title ?? null, rec.text)
    this.ensureLoaded(rec.publishedAt, id)
    return this.stories.addSignature(id, sig, rec.publishedAt)
  }

  storyOfSignature(id: number, sig: Uint8Array, publishedAt: number): number | null {
    this.ensureLoaded(publishedAt, id)
    return this.stories.addSignature(id, signatureFromBytes(sig), publishedAt)
  }

  /**
   * Loads stored signatures of the days around `t` once, so stories join across batches and sessions.
   * `self` (the mention being placed, already stored) is left out: it must find its story, not itself.
   */
  private ensureLoaded(t: number, self: number): void {
    const day = Math.floor(t / DAY)
    for (let d = day - 3; d <= day + 3; d++) {
      if (this.loadedDays.has(d)) continue
      this.loadedDays.add(d)
      const rows = this.loadStmt.all(d * DAY, (d + 1) * DAY) as {
        id: number
        story_sig: Uint8Array
        published_at: number
        story_id: number
      }[]
      this.stories.load(
        rows
          .filter((r) => r.id !== self)
          .map((r) => ({
            id: r.id,
            sig: signatureFromBytes(r.story_sig),
            publishedAt: r.published_at,
            storyId: r.story_id
          }))
      )
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
