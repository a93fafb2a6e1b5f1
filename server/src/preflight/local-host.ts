/** The machine preflight runs on: files read with fs, programs run with execFile (no shell). */
import { execFile, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { DEFAULT_COMMAND_TIMEOUT_MS, MAX_FILE_BYTES, type Host, type RunOptions } from './host';
import type { CommandResult } from './types';

async function readCapped(path: string): Promise<string | null> {
  let handle;
  try {
    handle = await fs.open(path, 'r');
    // procfs files report size 0, so read in chunks up to the cap instead of trusting stat.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total >= MAX_FILE_BYTES) break;
    }
    return Buffer.concat(chunks).subarray(0, MAX_FILE_BYTES).toString('utf8');
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

export class LocalHost implements Host {
  readonly kind = 'local';
  readonly label = 'this machine';
  /** Programs still running, stopped by close() when a run is cancelled. */
  private readonly running = new Set<ChildProcess>();

  run(argv: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
    const [program, ...args] = argv;
    return new Promise((resolve) => {
      const child = execFile(
        program,
        args,
        { timeout: options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, maxBuffer: MAX_FILE_BYTES, env: { ...process.env, LC_ALL: 'C' } },
        (error, stdout, stderr) => {
          if (!error) return resolve({ code: 0, stdout, stderr });
          const e = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean };
          if (e.code === 'ENOENT') return resolve({ code: 127, stdout: '', stderr: `${program}: not found` });
          resolve({ code: typeof e.code === 'number' ? e.code : null, stdout, stderr: stderr || e.message });
        },
      );
      this.running.add(child);
      child.once('close', () => this.running.delete(child));
      if (options.stdin !== undefined) child.stdin?.end(options.stdin);
      else child.stdin?.end();
    });
  }

  async readFiles(paths: readonly string[]): Promise<Record<string, string | null>> {
    const entries = await Promise.all(paths.map(async (p) => [p, await readCapped(p)] as const));
    return Object.fromEntries(entries);
  }

  async listDirs(paths: readonly string[]): Promise<Record<string, string[] | null>> {
    const entries = await Promise.all(paths.map(async (p) => [p, await fs.readdir(p).then((names) => names.sort(), () => null)] as const));
    return Object.fromEntries(entries);
  }

  async exists(paths: readonly string[]): Promise<Record<string, boolean>> {
    const entries = await Promise.all(paths.map(async (p) => [p, await fs.stat(p).then(() => true, () => false)] as const));
    return Object.fromEntries(entries);
  }

  close(): Promise<void> {
    for (const child of this.running) child.kill();
    return Promise.resolve();
  }
}
