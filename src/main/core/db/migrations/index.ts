import { m0001 } from './0001-initial'
import { m0002 } from './0002-summaries'
import { m0003 } from './0003-kazakh-stems'
import { m0004 } from './0004-mention-sources'
import { m0005 } from './0005-clean-texts'
import { m0006 } from './0006-reach-index'
import { m0007 } from './0007-kazakh-agent-stems'
import { m0008 } from './0008-search-pending'
import type { Migration } from './types'

/**
 * Every migration in order of version. Never edit one that has shipped: add the next. Versions only
 * need to increase (migrations written in parallel take distinct numbers), so the schema version is the last.
 */
export const MIGRATIONS: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008]
export const SCHEMA_VERSION = (MIGRATIONS.at(-1) as Migration).version
export type { Migration }
