/** Emerging terms and the spike rule come from the shared analysis module (spikes: analysis/spikes-db). */
export { emergingTerms, SPIKE_RULE } from '../analysis/spikes'
