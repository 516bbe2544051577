/** Spike detection and emerging terms come from the shared analysis module. */
export { emergingTerms, SPIKE_RULE } from '../analysis/spikes'
