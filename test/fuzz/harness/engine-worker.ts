/**
 * Runs the engine on one input at a time inside a worker thread, so the test process can stop an
 * input that hangs (a synchronous loop cannot be interrupted from its own thread) or that blows
 * the worker's heap limit. Loaded by engine-runner.ts; inert when not started as a worker.
 */
import { parentPort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { check, fixAll, DEFAULT_OPTIONS, type CheckOptions, type Finding } from '../../../server/src/engine';

export type EngineRequest =
  | { kind: 'check'; text: string; options?: CheckOptions }
  /** Checks `text` reusing the parse of `previous`, as the server does after an edit, and fresh. */
  | { kind: 'incremental'; previous: string; text: string }
  | { kind: 'fixAll'; text: string };

export interface CheckSummary {
  skipped?: string;
  findings: Finding[];
}

export type EngineValue =
  | { kind: 'check'; result: CheckSummary }
  | { kind: 'incremental'; reused: CheckSummary; fresh: CheckSummary }
  | { kind: 'fixAll'; text: string; remaining: number };

export type EngineReply = { id: number; ms: number } & ({ ok: true; value: EngineValue } | { ok: false; error: string });

function summary(text: string, options: CheckOptions = DEFAULT_OPTIONS, previous?: string): CheckSummary {
  const env = previous === undefined ? {} : { previous: check(previous, options).file };
  const { findings, skipped } = check(text, options, env);
  return skipped === undefined ? { findings } : { findings, skipped };
}

function run(request: EngineRequest): EngineValue {
  switch (request.kind) {
    case 'check':
      return { kind: 'check', result: summary(request.text, request.options) };
    case 'incremental':
      return { kind: 'incremental', reused: summary(request.text, DEFAULT_OPTIONS, request.previous), fresh: summary(request.text) };
    case 'fixAll': {
      const fixed = fixAll(request.text);
      return { kind: 'fixAll', text: fixed.text, remaining: fixed.remaining.length };
    }
  }
}

parentPort?.on('message', ({ id, request }: { id: number; request: EngineRequest }) => {
  const started = performance.now();
  let reply: EngineReply;
  try {
    const value = run(request);
    reply = { id, ms: performance.now() - started, ok: true, value };
  } catch (error) {
    reply = { id, ms: performance.now() - started, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
