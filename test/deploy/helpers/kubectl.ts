/**
 * The real kubectl, for the tests that prove the test API server is one kubectl accepts. The
 * binaries are those named in ONENODE_TEST_KUBECTL (a path list, e.g. Debian's 1.20 and a newer
 * one), else `kubectl` on PATH; .ci/run installs Debian's kubernetes-client when there is none.
 * Each run gets its own HOME, so kubectl's discovery cache never leaks between servers.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface Kubectl {
  path: string;
  version: string;
}

const RUN_TIMEOUT_MS = 60_000;

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const path = join(dir, name);
    if (dir && existsSync(path)) return path;
  }
  return undefined;
}

function clientVersion(path: string): string {
  const text = execFileSync(path, ['version', '--client'], { encoding: 'utf8', timeout: RUN_TIMEOUT_MS, stdio: ['ignore', 'pipe', 'pipe'] });
  return /GitVersion:"(v[^"]+)"/.exec(text)?.[1] ?? /Client Version: (v\S+)/.exec(text)?.[1] ?? text.trim().split('\n')[0];
}

export function kubectlBinaries(): Kubectl[] {
  const listed = (process.env.ONENODE_TEST_KUBECTL ?? '').split(delimiter).filter((p) => p !== '');
  const paths = listed.length > 0 ? listed : [onPath('kubectl')].filter((p): p is string => p !== undefined);
  return paths.map((path) => ({ path, version: clientVersion(path) }));
}

export interface KubectlRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runKubectl(kubectl: Kubectl, args: readonly string[], kubeconfig: string): Promise<KubectlRun> {
  const home = mkdtempSync(join(tmpdir(), 'onenode-kubectl-home-'));
  return new Promise((resolve) => {
    execFile(kubectl.path, ['--kubeconfig', kubeconfig, ...args], { env: { ...process.env, HOME: home, KUBECONFIG: kubeconfig }, timeout: RUN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      rmSync(home, { recursive: true, force: true });
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** `deployment.apps/web` for each `… serverside-applied (server dry run)` line kubectl printed. */
export function dryRunApplied(stdout: string): string[] {
  return [...stdout.matchAll(/^(\S+) serverside-applied \(server dry run\)$/gm)].map((m) => m[1]);
}
