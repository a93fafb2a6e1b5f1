/**
 * Polling with a deadline: ask again with a growing pause (0.25 s up to 5 s) until the answer is
 * final or the time is up. The clock is a parameter so a caller can bound and observe it.
 */
import type { Progress } from './readiness';

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface PollOptions {
  timeoutMs: number;
  clock?: Clock;
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Each answer, for progress messages. */
  onUpdate?: (progress: Progress) => void;
}

export interface PollOutcome {
  state: Progress['state'];
  message: string;
  /** The deadline passed before the answer was final. */
  timedOut: boolean;
}

export async function pollUntil(check: () => Promise<Progress>, options: PollOptions): Promise<PollOutcome> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const deadline = clock.now() + options.timeoutMs;
  let delay = options.initialDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 5000;
  for (;;) {
    const progress = await check();
    options.onUpdate?.(progress);
    if (progress.state !== 'progressing') return { ...progress, timedOut: false };
    const left = deadline - clock.now();
    if (left <= 0) return { ...progress, timedOut: true };
    await clock.sleep(Math.min(delay, left));
    delay = Math.min(delay * 2, maxDelay);
  }
}
