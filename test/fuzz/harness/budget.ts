/**
 * Bounds for the fuzz suite. Inputs get a time bound proportional to their size: a linear engine
 * stays far inside it, a quadratic path (what this suite exists to catch: they took minutes on
 * 0.25 MB inputs) runs into it. Generous, because CI shares two cores with other test files.
 */

/** Milliseconds one input may take: a base plus a per-megabyte allowance (about 8 µs a byte). */
export function timeBoundMs(text: string): number {
  return 3_000 + Math.ceil((text.length / (1024 * 1024)) * 8_000);
}

/**
 * The seed of the generated inputs: ONENODE_FUZZ_SEED to replay a failure, else a new one each
 * run (printed by each suite), so CI keeps exploring instead of replaying the same inputs.
 */
export const FUZZ_SEED = process.env.ONENODE_FUZZ_SEED ? Number(process.env.ONENODE_FUZZ_SEED) : Math.floor(Math.random() * 0x7fffffff);

/** How many generated inputs each property runs; ONENODE_FUZZ_RUNS scales them (1 = the default). */
export function runs(base: number): number {
  const scale = Number(process.env.ONENODE_FUZZ_RUNS ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
