export {
  detectSpikes,
  detectHourlySpikes,
  describeSpikeRule,
  fillGaps,
  median,
  SPIKE_RULE,
  HOURLY_SPIKE_RULE,
  DAILY_SPIKE_DEFAULTS,
  HOURLY_SPIKE_DEFAULTS,
  type SeriesPoint,
  type SpikePoint,
  type SpikeOptions
} from './spikes'
export {
  emergingTerms,
  phrasesOf,
  termKey,
  type EmergingTerm,
  type EmergingOptions,
  type EmergingDoc
} from './emerging'
export { STOP_WORDS, isContentToken, isEdgeToken } from './stopwords'
