/**
 * The test side of engine-worker.ts: sends one input, waits at most `timeoutMs`, and replaces the
 * worker when an input hangs or kills it. Every outcome is data, so a property can assert on it.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import type { EngineReply, EngineRequest, EngineValue } from './engine-worker';

export type Outcome =
  | { status: 'ok'; ms: number; value: EngineValue }
  | { status: 'threw'; ms: number; error: string }
  | { status: 'timeout'; ms: number }
  | { status: 'crashed'; ms: number; error: string };

/** The worker's heap cap: an alias that expanded, or a leak, crashes the worker instead of the test run. */
const WORKER_HEAP_MB = 1536;

interface Pending {
  resolve: (outcome: Outcome) => void;
  timer: NodeJS.Timeout;
  started: number;
}

export class EngineRunner {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  async run(request: EngineRequest, timeoutMs: number): Promise<Outcome> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<Outcome>((resolve) => {
      const started = Date.now();
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // The engine is stuck in synchronous code: only terminating the thread stops it.
        void this.replace();
        resolve({ status: 'timeout', ms: Date.now() - started });
      }, timeoutMs);
      this.pending.set(id, { resolve, timer, started });
      worker.postMessage({ id, request });
    });
  }

  /** Runs a request that must succeed; anything else becomes an Error naming `what`. */
  async value(request: EngineRequest, timeoutMs: number, what: string): Promise<{ ms: number; value: EngineValue }> {
    const outcome = await this.run(request, timeoutMs);
    if (outcome.status === 'ok') return outcome;
    const detail = outcome.status === 'timeout' ? `no answer within ${timeoutMs} ms` : `${outcome.status}: ${outcome.error}`;
    throw new Error(`${what}: ${detail}`);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(join(__dirname, 'engine-worker.js'), { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on('message', (reply: EngineReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      clearTimeout(waiting.timer);
      waiting.resolve(reply.ok ? { status: 'ok', ms: reply.ms, value: reply.value } : { status: 'threw', ms: reply.ms, error: reply.error });
    });
    const fail = (error: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, waiting] of this.pending) {
        clearTimeout(waiting.timer);
        this.pending.delete(id);
        waiting.resolve({ status: 'crashed', ms: Date.now() - waiting.started, error });
      }
    };
    worker.on('error', (error) => fail(error.stack ?? error.message));
    worker.on('exit', (code) => fail(`the worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private async replace(): Promise<void> {
    const stuck = this.worker;
    this.worker = undefined;
    await stuck?.terminate();
  }
}
