/**
 * Problem topics, in one folder: matching a mention against the topics' queries (match.ts), the
 * workspace's stored topics (store.ts) and the default taxonomy a new workspace starts with
 * (defaults.ts).
 */
export * from './match'
export * from './store'
export * from './defaults'
