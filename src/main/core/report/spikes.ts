/** Spike detection and emerging terms come from the shared analysis module. */
export { SPIKE_RULE } from '../analysis/spikes'
