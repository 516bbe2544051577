/** The period presets are a shared rule (saved views store them): see src/shared/period.ts. */
export { PERIOD_PRESETS, periodRange, weekday, type PeriodPreset } from '../../../shared/period'
