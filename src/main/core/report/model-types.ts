// The digest model's shape is defined once, in src/shared/digest.ts (the renderer's preview reads it too).
export * from '../../../shared/digest'
