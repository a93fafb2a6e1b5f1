/**
 * Extension figures for `npm run bench`: the size of the VSIX `npm run package` makes, and the
 * activation time measured inside code-server's extension host (test/vscode/suite/measure-activation.ts),
 * each run in a fresh code-server so every activation is cold.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInExtensionHost } from '../e2e/extension-host';
import { REPO_ROOT, VSIX } from '../e2e/paths';
import { copyTestWorkspace } from '../e2e/test-workspace';
import { median } from './stats';
import type { ActivationFigures } from '../../test/vscode/suite/activation-figures';

export interface ExtensionFigures {
  vsixBytes: number;
  runs: number;
  activateMsMedian: number;
  activateMsMax: number;
  /** VS Code's own figure (Running Extensions): loading dist/client.js plus the activate() call. */
  vscodeActivationMsMedian: number;
  vscodeActivationMsMax: number;
  codeLoadingMsMedian: number;
  activateCallMsMedian: number;
  hostBeforeLoadMsMedian: number;
  hostContextMsMedian: number;
  hostAfterActivateMsMedian: number;
  firstDiagnosticsMsMedian: number;
}

const MEASURE_ENTRY = resolve(REPO_ROOT, 'out', 'vscode-suite', 'measure-activation.js');

/** Builds the VSIX as shipped (production bundles) and returns its size. */
function packageVsix(): number {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return statSync(VSIX).size;
}

async function measureOnce(): Promise<ActivationFigures> {
  const workspace = copyTestWorkspace();
  const resultsFile = join(workspace.root, 'activation.json');
  try {
    const run = await runInExtensionHost({
      workspace: workspace.folder,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: MEASURE_ENTRY,
      env: { ONENODE_SUITE_RESULTS: resultsFile },
      timeoutMs: 120_000,
    });
    if (run.exitCode !== 0 || !existsSync(resultsFile)) throw new Error(`activation measurement failed:\n${run.log.slice(-30).join('\n')}`);
    return JSON.parse(readFileSync(resultsFile, 'utf8')) as ActivationFigures;
  } finally {
    workspace.remove();
  }
}

export async function measureExtension(runs = 5): Promise<ExtensionFigures> {
  const vsixBytes = packageVsix();
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await measureOnce());
  const vscodeActivation = samples.map((s) => s.codeLoadingMs + s.activateCallMs);
  return {
    vsixBytes,
    runs,
    activateMsMedian: median(samples.map((s) => s.activateMs)),
    activateMsMax: Math.max(...samples.map((s) => s.activateMs)),
    vscodeActivationMsMedian: median(vscodeActivation),
    vscodeActivationMsMax: Math.max(...vscodeActivation),
    codeLoadingMsMedian: median(samples.map((s) => s.codeLoadingMs)),
    activateCallMsMedian: median(samples.map((s) => s.activateCallMs)),
    hostBeforeLoadMsMedian: median(samples.map((s) => s.hostBeforeLoadMs)),
    hostContextMsMedian: median(samples.map((s) => s.hostContextMs)),
    hostAfterActivateMsMedian: median(samples.map((s) => s.hostAfterActivateMs)),
    firstDiagnosticsMsMedian: median(samples.map((s) => s.firstDiagnosticsMs)),
  };
}
