/**
 * Pairwise precision and recall of a grouping against labels: over all pairs of items,
 * precision = share of pairs put together that belong together, recall = share of pairs that
 * belong together and were put together.
 */
export interface PairwiseScores {
  precision: number
  recall: number
  truePairs: number
  predictedPairs: number
  correctPairs: number
}

export function pairwiseScores<K, L>(predicted: Map<K, unknown>, truth: Map<K, L>): PairwiseScores {
  const ids = [...truth.keys()]
  let truePairs = 0
  let predictedPairs = 0
  let correctPairs = 0
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const a = ids[i] as K
      const b = ids[j] as K
      const same = truth.get(a) === truth.get(b)
      const together = predicted.has(a) && predicted.get(a) === predicted.get(b)
      if (same) truePairs++
      if (together) predictedPairs++
      if (same && together) correctPairs++
    }
  }
  return {
    precision: predictedPairs === 0 ? 1 : correctPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    truePairs,
    predictedPairs,
    correctPairs
  }
}

/** One labelled item of a story fixture (test/fixtures/stories/*.json). */
export interface LabelledStoryItem {
  story: string
  title: string | null
  text: string
  publishedAt: number
}

/**
 * Runs items through a fresh grouping, in the given order, and scores the result.
 * `group` adds one item and returns its story key (e.g. a StoryIndex's add).
 */
export function evaluateStories(
  items: LabelledStoryItem[],
  group: (id: number, item: LabelledStoryItem) => number
): PairwiseScores {
  const predicted = new Map<number, number>()
  const truth = new Map<number, string>()
  items.forEach((item, i) => {
    predicted.set(i + 1, group(i + 1, item))
    truth.set(i + 1, item.story)
  })
  return pairwiseScores(predicted, truth)
}

export function formatScores(name: string, s: PairwiseScores): string {
  return `${name}: precision ${s.precision.toFixed(3)} (${s.correctPairs}/${s.predictedPairs} pairs), recall ${s.recall.toFixed(3)} (${s.correctPairs}/${s.truePairs} pairs)`
}
