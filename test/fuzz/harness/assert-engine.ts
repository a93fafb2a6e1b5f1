/** Runs one input through the engine worker and fails with a readable report when an invariant breaks. */
import assert from 'node:assert/strict';
import type { CheckSummary } from './engine-worker';
import type { EngineRunner } from './engine-runner';
import { findingProblems } from './invariants';
import { timeBoundMs } from './budget';

/** The start of an input, escaped, for failure messages (the seed replays the rest). */
export function preview(text: string): string {
  return JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text);
}

/** Checks `text` within its time bound, without an exception, and with every invariant holding. */
export async function assertChecks(runner: EngineRunner, text: string, label = 'input'): Promise<CheckSummary> {
  const bound = timeBoundMs(text);
  const outcome = await runner.run({ kind: 'check', text }, bound);
  if (outcome.status === 'timeout') assert.fail(`${label}: no result within ${bound} ms: ${preview(text)}`);
  if (outcome.status !== 'ok') assert.fail(`${label}: the engine ${outcome.status}: ${outcome.error}\n${preview(text)}`);
  assert.equal(outcome.value.kind, 'check');
  const result = outcome.value.kind === 'check' ? outcome.value.result : { findings: [] };
  const problems = findingProblems(text, result.findings, result.skipped);
  assert.deepEqual(problems, [], `${label}: ${preview(text)}`);
  return result;
}
