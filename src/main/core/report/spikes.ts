/** The spike rule comes from the shared analysis module (spikes: analysis/spikes-db, terms: analysis/emerging-db). */
export { SPIKE_RULE } from '../analysis/spikes'
