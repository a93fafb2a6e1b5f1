/**
 * Extension figures for `npm run bench`: the size of the VSIX `npm run package` makes, and the
 * activation time measured inside code-server's extension host (test/vscode/suite/measure-activation.ts),
 * each run in a fresh code-server so every activation is cold.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { runForResults } from '../e2e/extension-host';
import { REPO_ROOT, VSIX } from '../e2e/paths';
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
  /** The same measurement of an extension that does nothing: the host's share of any activation. */
  control: { activateMsMedian: number; hostContextMsMedian: number; vscodeActivationMsMedian: number };
}

const MEASURE_ENTRY = resolve(REPO_ROOT, 'out', 'vscode-suite', 'measure-activation.js');
const CONTROL_EXTENSION = resolve(REPO_ROOT, 'test', 'vscode', 'empty-extension');
const CONTROL_ID = 'onenode-test.empty-extension';

/** Builds the VSIX as shipped (production bundles) and returns its size. */
function packageVsix(): number {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return statSync(VSIX).size;
}

/** One cold start of code-server; `control` measures the empty extension (installed next to OneNode) instead. */
async function measureOnce(control: boolean): Promise<ActivationFigures> {
  const { run, results } = await runForResults<ActivationFigures>({
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: MEASURE_ENTRY,
    ...(control ? { env: { ONENODE_MEASURE_EXTENSION: CONTROL_ID }, otherExtensions: [CONTROL_EXTENSION] } : {}),
    timeoutMs: 120_000,
  });
  if (run.exitCode !== 0 || !results) throw new Error(`activation measurement failed:\n${run.log.slice(-30).join('\n')}`);
  return results;
}

export async function measureExtension(runs = 5): Promise<ExtensionFigures> {
  const vsixBytes = packageVsix();
  const samples: ActivationFigures[] = [];
  const controls: ActivationFigures[] = [];
  // Alternated, so a slow patch of the machine affects both alike.
  for (let i = 0; i < runs; i++) {
    samples.push(await measureOnce(false));
    controls.push(await measureOnce(true));
  }
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
    firstDiagnosticsMsMedian: median(samples.map((s) => s.firstDiagnosticsMs ?? Number.NaN)),
    control: {
      activateMsMedian: median(controls.map((s) => s.activateMs)),
      hostContextMsMedian: median(controls.map((s) => s.hostContextMs)),
      vscodeActivationMsMedian: median(controls.map((s) => s.codeLoadingMs + s.activateCallMs)),
    },
  };
}
