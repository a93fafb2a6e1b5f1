/**
 * When the language server dies unexpectedly: restart it, tell the person once per session (not
 * on every crash), and stop restarting after too many crashes in a short time, as a server that
 * crashes on start-up would otherwise restart forever. Pure (no vscode), so it is unit-tested.
 */

export interface CrashDecision {
  restart: boolean;
  /** Whether to show the one notification of this session. */
  notify: boolean;
  /** Crashes within the window, this one included. */
  recent: number;
}

export class RestartPolicy {
  private readonly crashes: number[] = [];
  private notified = false;

  constructor(
    /** Restarts allowed within the window (vscode-languageclient's default is 4 in 3 minutes). */
    readonly maxRestarts = 4,
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  closed(): CrashDecision {
    const at = this.now();
    this.crashes.push(at);
    while (this.crashes.length > 0 && at - this.crashes[0] > this.windowMs) this.crashes.shift();
    const restart = this.crashes.length <= this.maxRestarts;
    const notify = restart && !this.notified;
    if (notify) this.notified = true;
    return { restart, notify, recent: this.crashes.length };
  }
}
