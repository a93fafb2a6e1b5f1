/**
 * A host reached over SSH. Every command is a fixed program with quoted arguments (ssh/quote.ts);
 * files are read in batches by a fixed script on standard input (ssh/batch.ts). A few channels
 * run at once, below OpenSSH's default MaxSessions of 10.
 */
import type { Client } from 'ssh2';
import { DEFAULT_COMMAND_TIMEOUT_MS, MAX_FILE_BYTES, PreflightError, type Host, type RunOptions } from './host';
import { BATCH_SCRIPT, batchArgv, newNonce, parseBatchOutput, type BatchMode } from './ssh/batch';
import { commandLine } from './ssh/quote';
import type { CommandResult } from './types';

const MAX_CHANNELS = 4;
/** Paths per batch, far below any ARG_MAX. */
const BATCH_SIZE = 200;

export class SshHost implements Host {
  readonly kind = 'ssh';
  private lost: string | undefined;
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly client: Client,
    readonly label: string,
  ) {
    client.on('error', (error: Error) => {
      this.lost = error.message;
    });
    client.on('close', () => {
      this.lost ??= 'the connection closed';
    });
  }

  async run(argv: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
    await this.acquire();
    try {
      return await this.exec(argv, options);
    } finally {
      this.release();
    }
  }

  readFiles(paths: readonly string[]): Promise<Record<string, string | null>> {
    return this.batch('read', paths, (value) => value);
  }

  listDirs(paths: readonly string[]): Promise<Record<string, string[] | null>> {
    return this.batch('list', paths, (value) => (value === null ? null : value.split('\n').filter(Boolean).sort()));
  }

  exists(paths: readonly string[]): Promise<Record<string, boolean>> {
    return this.batch('exists', paths, (value) => value !== null);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.lost) return resolve();
      this.client.once('close', () => resolve());
      this.client.end();
    });
  }

  private async batch<T>(mode: BatchMode, paths: readonly string[], convert: (value: string | null) => T): Promise<Record<string, T>> {
    const result: Record<string, T> = {};
    for (let i = 0; i < paths.length; i += BATCH_SIZE) {
      const chunk = paths.slice(i, i + BATCH_SIZE);
      const nonce = newNonce();
      const answer = await this.run(batchArgv(nonce, mode, chunk), { stdin: BATCH_SCRIPT });
      if (answer.code !== 0) throw new PreflightError('io', `${this.label}: could not read files with sh (${answer.stderr.trim() || `exit ${answer.code}`})`);
      let values: (string | null)[];
      try {
        values = parseBatchOutput(answer.stdout, nonce, chunk.length);
      } catch (error) {
        throw new PreflightError('io', `${this.label}: ${(error as Error).message}`);
      }
      chunk.forEach((path, j) => (result[path] = convert(values[j])));
    }
    return result;
  }

  private exec(argv: readonly string[], options: RunOptions): Promise<CommandResult> {
    if (this.lost) return Promise.reject(new PreflightError('unreachable', `${this.label}: ${this.lost}`));
    const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      this.client.exec(commandLine(['env', 'LC_ALL=C', ...argv]), (error, stream) => {
        if (error) return reject(new PreflightError('unreachable', `${this.label}: ${error.message}`));
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        let outBytes = 0;
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          stream.close();
        }, timeoutMs);
        stream.on('data', (chunk: Buffer) => {
          if (outBytes < MAX_FILE_BYTES * 2) out.push(chunk);
          outBytes += chunk.length;
        });
        stream.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        stream.on('close', (code: unknown) => {
          clearTimeout(timer);
          const stderr = Buffer.concat(err).toString('utf8');
          resolve({
            code: timedOut || typeof code !== 'number' ? null : code,
            stdout: Buffer.concat(out).toString('utf8'),
            stderr: timedOut ? `timed out after ${timeoutMs} ms` : stderr,
          });
        });
        stream.end(options.stdin ?? '');
      });
    });
  }

  private async acquire(): Promise<void> {
    if (this.active < MAX_CHANNELS) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
