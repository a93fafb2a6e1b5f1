/**
 * Runs `dist/cli.js deploy …` as users do, with a test environment (kubeconfig, HOME). Every run
 * is bounded; a long-running one (PXE serving) is a child the test reads from and must stop.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { DIST, REPO_ROOT } from '../../helpers/paths';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const RUN_TIMEOUT_MS = 60_000;

export function runDeploy(args: readonly string[], env: NodeJS.ProcessEnv, cwd = REPO_ROOT): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(DIST, 'cli.js'), 'deploy', ...args], { cwd, env, maxBuffer: 16 * 1024 * 1024, timeout: RUN_TIMEOUT_MS }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the first match of `pattern` in standard output, or rejects after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code; kills the child after `timeoutMs`. */
  exited(timeoutMs?: number): Promise<number | null>;
  kill(): void;
}

export function startDeploy(args: readonly string[], env: NodeJS.ProcessEnv, cwd = REPO_ROOT): Running {
  const child = spawn(process.execPath, [join(DIST, 'cli.js'), 'deploy', ...args], { cwd, env, stdio: 'pipe' });
  let out = '';
  let err = '';
  const listeners: (() => void)[] = [];
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    for (const l of listeners.slice()) l();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor(pattern, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(out);
          if (!match) return false;
          clearTimeout(timer);
          listeners.splice(listeners.indexOf(check), 1);
          resolve(match);
          return true;
        };
        const timer = setTimeout(() => {
          listeners.splice(listeners.indexOf(check), 1);
          reject(new Error(`no ${pattern} in the output within ${timeoutMs} ms:\n${out}\n${err}`));
        }, timeoutMs);
        if (!check()) listeners.push(check);
        void exit.then(() => {
          if (listeners.includes(check) && !check()) {
            clearTimeout(timer);
            listeners.splice(listeners.indexOf(check), 1);
            reject(new Error(`the process exited before printing ${pattern}:\n${out}\n${err}`));
          }
        });
      });
    },
    async exited(timeoutMs = 20_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve(null);
        }, timeoutMs);
      });
      try {
        return await Promise.race([exit, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
