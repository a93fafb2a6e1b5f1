/** Runs the bundled CLI (dist/cli.js) as a child process, as CI and users do. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { DIST } from './paths';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(DIST, 'cli.js'), ...args], { cwd, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface JsonReport {
  files: { path: string; skipped?: string; fixed?: number; findings: { rule: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; fixes: unknown[] }[] }[];
  summary: { files: number; errors: number; warnings: number; infos: number; fixed: number; skipped: number };
}
