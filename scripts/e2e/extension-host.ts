/**
 * Runs a compiled extension-test entry (`run(): Promise<void>`, the same one @vscode/test-electron
 * loads) inside code-server's extension host: the page opens with a test payload, the workbench
 * runs the tests and calls window.codeAutomationExit with the exit code. This is the contract
 * @vscode/test-web uses; it needs code-server's smoke-test driver.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser';
import { createProfile, startCodeServer } from './code-server';
import { copyTestWorkspace } from './test-workspace';

export interface ExtensionHostRun {
  /** Folder opened as the workspace. */
  workspace: string;
  /** Folder with the extension's package.json, loaded as a development extension. */
  extensionDevelopmentPath: string;
  /** Compiled test entry exporting run(). */
  extensionTestsPath: string;
  /** Extra environment for the extension host. */
  env?: Record<string, string>;
  /** Extension folders to install next to the one under test (copied into the profile). */
  otherExtensions?: string[];
  timeoutMs: number;
}

export interface ExtensionHostResult {
  exitCode: number;
  /** What the workbench logged while the tests ran (mocha's output among it). */
  log: string[];
  milliseconds: number;
}

export async function runInExtensionHost(run: ExtensionHostRun): Promise<ExtensionHostResult> {
  const started = Date.now();
  const profile = createProfile();
  for (const folder of run.otherExtensions ?? []) {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    cpSync(folder, join(profile.extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
  }
  const log: string[] = [];
  const server = await startCodeServer(profile, { smokeTestDriver: true }).catch((error: unknown) => {
    profile.remove();
    throw error;
  });
  const browser = await launchBrowser().catch(async (error: unknown) => {
    await server.stop();
    profile.remove();
    throw error;
  });
  try {
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (exited = resolve));
    await browser.page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      // The workbench forwards console calls: a printf-style format string and its arguments.
      log.push(`${type}: ${format(...args)}`);
    });
    await browser.page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
    const authority = new URL(server.origin).host;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${run.extensionDevelopmentPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${run.extensionTestsPath}`],
      ...(run.env ? [['extensionEnvironment', JSON.stringify(run.env)]] : []),
    ];
    const url = `${server.origin}/?folder=${encodeURIComponent(run.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await browser.page.goto(url);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`extension tests did not finish within ${run.timeoutMs} ms; last log lines:\n${log.slice(-30).join('\n')}\ncode-server:\n${server.output().slice(-3000)}`)), run.timeoutMs);
    });
    try {
      return { exitCode: await Promise.race([exitCode, timeout]), log, milliseconds: Date.now() - started };
    } finally {
      clearTimeout(timer);
    }
  } finally {
    await browser.close();
    await server.stop();
    profile.remove();
  }
}

/**
 * Runs an extension-test entry with a fresh copy of the test workspace open, and returns the JSON
 * it wrote to the file ONENODE_SUITE_RESULTS names (undefined when it wrote none) with the run.
 */
export async function runForResults<T>(run: Omit<ExtensionHostRun, 'workspace'>): Promise<{ run: ExtensionHostResult; results: T | undefined }> {
  const workspace = copyTestWorkspace();
  const resultsFile = join(workspace.root, 'results.json');
  try {
    const result = await runInExtensionHost({ ...run, workspace: workspace.folder, env: { ...run.env, ONENODE_SUITE_RESULTS: resultsFile } });
    return { run: result, results: existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as T) : undefined };
  } finally {
    workspace.remove();
  }
}
