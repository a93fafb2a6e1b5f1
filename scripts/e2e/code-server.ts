/**
 * Starts and stops code-server (VS Code's server build with the web workbench) for tests, each run
 * in its own temporary profile so nothing is read from or written to the home directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CODE_SERVER_ENTRY, NODE24, assertToolsInstalled } from './paths';

const execFileAsync = promisify(execFile);

/** User settings that keep first-run pages, tips and network calls out of the way of a test. */
const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

export interface Profile {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/** A fresh user-data and extensions folder, plus XDG folders so code-server keeps out of $HOME. */
export function createProfile(userSettings: Record<string, unknown> = {}): Profile {
  assertToolsInstalled();
  const root = mkdtempSync(join(tmpdir(), 'onenode-code-server-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir);
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_USER_SETTINGS, ...userSettings }, null, 2));
  const env = { ...process.env, XDG_CONFIG_HOME: join(root, 'xdg-config'), XDG_DATA_HOME: join(root, 'xdg-data') };
  return { root, userDataDir, extensionsDir, env, remove: () => rmSync(root, { recursive: true, force: true }) };
}

function baseArgs(profile: Profile): string[] {
  return [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', profile.userDataDir,
    '--extensions-dir', profile.extensionsDir,
    '--config', join(profile.root, 'config.yaml'),
  ];
}

/** Installs a VSIX into the profile the way a user would, with code-server's own CLI. */
export async function installVsix(profile: Profile, vsix: string): Promise<void> {
  await execFileAsync(NODE24, [...baseArgs(profile), '--install-extension', vsix, '--force'], { env: profile.env, timeout: 60_000 });
}

export interface RunningCodeServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** Everything code-server printed, for failure messages. */
  output(): string;
  /** Ends code-server's whole process group (extension hosts and language servers with it). */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Lets the page run an extension-test payload; without it the payload is silently ignored. */
  smokeTestDriver?: boolean;
  startTimeoutMs?: number;
}

export async function startCodeServer(profile: Profile, options: StartOptions = {}): Promise<RunningCodeServer> {
  const args = [...baseArgs(profile), '--bind-addr', '127.0.0.1:0'];
  if (options.smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  // Its own process group, so stop() can end the children it forks as well.
  const child = spawn(NODE24, args, { env: profile.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  liveServers.add(child);
  installCleanupHandlers();

  const running: RunningCodeServer = {
    origin: '',
    output: () => output,
    stop: async () => {
      await stopGroup(child);
      liveServers.delete(child);
    },
  };
  try {
    const origin = await waitForListening(child, () => output, options.startTimeoutMs ?? 30_000);
    await waitForHealthy(origin, 15_000);
    return { ...running, origin };
  } catch (error) {
    await running.stop();
    throw error;
  }
}

/**
 * code-server runs in its own process group, so a Ctrl+C to the test run does not reach it: end
 * every group still running when this process exits or is interrupted.
 */
const liveServers = new Set<ChildProcess>();
let cleanupInstalled = false;

function installCleanupHandlers(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const killAll = () => {
    for (const child of liveServers) killGroup(child, 'SIGKILL');
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAll();
      // A test runner that listens too cancels the tests and runs their cleanup; otherwise die
      // of the same signal, as the process would have without this handler.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

function waitForListening(child: ChildProcess, output: () => string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`code-server did not listen within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    const onData = () => {
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output());
      if (match) finish(match[1]);
    };
    const onExit = (code: number | null) => finish(new Error(`code-server exited (${code}) before listening:\n${output()}`));
    function finish(result: string | Error) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (result instanceof Error) reject(result);
      else resolve(result);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    onData();
  });
}

async function waitForHealthy(origin: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(`${origin}/healthz`);
      if (response.ok) return;
    } catch {
      // Not accepting connections yet.
    }
    if (Date.now() > deadline) throw new Error(`${origin}/healthz did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** SIGTERM to the group, SIGKILL if code-server is still there after 5 s. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
  // Extension hosts and language servers may outlive the main process by a moment.
  killGroup(child, 'SIGKILL');
}
