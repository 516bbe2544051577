import type { Sentiment } from '../../../../shared/types'

/** Keys that set a sentiment (1 negative, 2 neutral, 3 positive, 0 clears): the grid and the labelling dialog. */
export const KEY_SENTIMENT: Record<string, Sentiment | null> = {
  Digit1: 'negative',
  Numpad1: 'negative',
  Digit2: 'neutral',
  Numpad2: 'neutral',
  Digit3: 'positive',
  Numpad3: 'positive',
  Digit0: null,
  Numpad0: null
}
