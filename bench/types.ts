/**
 * A benchmark file (bench/<name>.bench.ts) default-exports a function that measures and returns figures.
 * Every figure is compared with a baseline measured in the same run on the same machine, so the numbers mean
 * something on any machine; `npm run bench` prints them as one table and writes bench/results/latest.json.
 */
export interface BenchFigure {
  /** What was measured, e.g. "durable submissions/s". */
  name: string;
  value: number;
  unit: string;
  /** What it is compared with, e.g. "raw better-sqlite3 inserts/s (synchronous=FULL)". */
  baselineName: string;
  baselineValue: number;
  /** value / baselineValue, or the inverse where smaller is better; say which in `target`. */
  ratio: number;
  /** The target in words and whether this run met it, e.g. "ratio >= 0.5". */
  target: string;
  met: boolean;
}

export type Benchmark = () => Promise<BenchFigure[]>;
