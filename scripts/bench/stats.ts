/** Timing and summary statistics for the benchmark: medians, nearest-rank percentiles, one-call timing. */
import { performance } from 'node:perf_hooks';

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Nearest-rank percentile: always a value that was measured, never an interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function max(samples: readonly number[]): number {
  return samples.length === 0 ? NaN : Math.max(...samples);
}

/** Wall time of one call of `fn`, in ms. */
export function timeOnce(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}
