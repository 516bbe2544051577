/** Spike detection and emerging terms come from the shared analysis module. */
export { detectSpikes, emergingTerms, SPIKE_RULE } from '../analysis/spikes'
