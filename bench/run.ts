/**
 * `npm run bench`: the scale benchmark (issue #9). Generates (or reuses) a workspace of --mentions
 * mentions (default 1,000,000; try 5000000) and prints, for every figure, our time next to the naive
 * query measured in the same run, with EXPLAIN QUERY PLAN.
 *
 *   npm run bench [-- --mentions 5000000] [--runs 15] [--fresh] [--skip-import] [--only search,jumps]
 *
 * Other benchmarks: bench/import-bench.ts, bench/collect-bench.ts, bench/digest.ts, bench/sentiment.ts,
 * bench/classify-speed.ts.
 */
import { runScaleBench } from './scale/run'

runScaleBench(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e)
  process.exit(1)
})
