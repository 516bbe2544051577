import { m0001 } from './0001-initial'
import { m0002 } from './0002-summaries'
import { m0003 } from './0003-mention-sources'
import type { Migration } from './types'

/** Every migration in order. Never edit one that has shipped: add the next. */
export const MIGRATIONS: Migration[] = [m0001, m0002, m0003]
export const SCHEMA_VERSION = MIGRATIONS.length
export type { Migration }
