/**
 * The one interface preflight reads a host through. A local and an SSH implementation exist; the
 * collector and the parser do not know which one they use. Commands are argv arrays of fixed
 * programs: no shell string is ever built from user input.
 */
import type { CommandResult } from './types';

export interface RunOptions {
  /** Written to the program's standard input, then closed. */
  stdin?: string;
  /** The run is abandoned (and the process killed) after this long. */
  timeoutMs?: number;
}

export interface Host {
  readonly kind: 'local' | 'ssh';
  /** Shown to the user: "this machine" or user@host:port. */
  readonly label: string;
  run(argv: readonly string[], options?: RunOptions): Promise<CommandResult>;
  /** Reads small text files (procfs, sysfs, /etc); null for each one missing or unreadable. */
  readFiles(paths: readonly string[]): Promise<Record<string, string | null>>;
  /** Lists directories; null for each one missing. */
  listDirs(paths: readonly string[]): Promise<Record<string, string[] | null>>;
  exists(paths: readonly string[]): Promise<Record<string, boolean>>;
  close(): Promise<void>;
}

export const DEFAULT_COMMAND_TIMEOUT_MS = 15_000;
/** procfs and sysfs files are small; a cap keeps a surprise (a huge file) from filling memory. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

const PREFLIGHT_ERROR = Symbol.for('onenode.PreflightError');

export class PreflightError extends Error {
  /**
   * Bundles loaded by path (dist/preflight-ssh.js, see load-bundle.ts) carry their own copy of
   * this class: `instanceof` checks a process-wide mark, so an error thrown in one copy is still
   * recognised by the code that catches it in another.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && PREFLIGHT_ERROR in value;
  }

  readonly [PREFLIGHT_ERROR] = true;

  constructor(
    readonly code: 'unreachable' | 'timeout' | 'auth-failed' | 'host-key-unknown' | 'host-key-changed' | 'host-key-revoked' | 'not-linux' | 'untrusted' | 'usage' | 'io' | 'cancelled',
    message: string,
  ) {
    super(message);
    this.name = 'PreflightError';
  }
}

/** The error a cancelled run ends with, wherever it was when cancelled. */
export function cancelledError(): PreflightError {
  return new PreflightError('cancelled', 'Preflight was cancelled.');
}
