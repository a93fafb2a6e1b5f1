/**
 * `onenode deploy install-config.yaml agent-config.yaml` / `onenode deploy cluster.yaml` (Kube-V):
 * preflight of the target host first (or an explicit skip), then a copy of the files in an asset
 * directory, a confirmation, and the installer run with an argument array, its output going
 * straight to this terminal. The exit status is the installer's.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import type { Environment } from '../../engine';
import { formatPreflightText } from '../../preflight/format';
import { PreflightError } from '../../preflight/host';
import { evaluateSnapshot, runPreflight } from '../../preflight/run';
import { parseTarget } from '../../preflight/ssh/target';
import { terminalPrompts } from '../../preflight/tty-prompts';
import type { PreflightReport, RawSnapshot } from '../../preflight/types';
import { DeployError } from '../errors';
import {
  createAssetDir,
  describeInvocation,
  findInstaller,
  kubevInvocation,
  openshiftInvocation,
  type InstallerKind,
  type Invocation,
} from '../installer/invocation';
import type { DeploySelection } from '../selection';
import { confirmed, type TerminalIo } from './io';

export interface PreflightChoice {
  /** `local`, or user@host[:port] / an ~/.ssh/config alias. */
  host?: string;
  snapshot?: string;
  skip: boolean;
  identity?: string[];
}

export interface InstallerCommand {
  selection: Extract<DeploySelection, { kind: 'openshift-installer' | 'kubev-installer' }>;
  installer?: string;
  assetDir?: string;
  environment: Environment;
  preflight: PreflightChoice;
  /** Run the installer although preflight failed. */
  force: boolean;
  yes: boolean;
}

async function preflightReport(kind: InstallerKind, cmd: InstallerCommand): Promise<PreflightReport | undefined> {
  const choice = cmd.preflight;
  const given = [choice.host !== undefined, choice.snapshot !== undefined, choice.skip].filter(Boolean).length;
  if (given === 0) {
    throw new DeployError('refused', 'run preflight of the machine to install first: --preflight-host user@host (or local), --preflight-snapshot FILE (from onenode preflight --dump-raw), or --skip-preflight');
  }
  if (given > 1) throw new DeployError('usage', '--preflight-host, --preflight-snapshot and --skip-preflight exclude each other');
  if (choice.skip) return undefined;
  const platforms = [kind] as const;
  const environments = [cmd.environment];
  const agentConfig = cmd.selection.kind === 'openshift-installer' ? cmd.selection.agentConfig : undefined;
  const config = agentConfig ? { text: agentConfig.text, source: agentConfig.path } : undefined;
  if (choice.snapshot !== undefined) {
    const text = await fs.readFile(choice.snapshot, 'utf8').catch(() => {
      throw new DeployError('usage', `--preflight-snapshot ${choice.snapshot}: cannot be read`);
    });
    let snapshot: RawSnapshot;
    try {
      snapshot = JSON.parse(text) as RawSnapshot;
    } catch {
      throw new DeployError('usage', `--preflight-snapshot ${choice.snapshot}: not a snapshot written by onenode preflight --dump-raw`);
    }
    return evaluateSnapshot(snapshot, { target: choice.snapshot, platforms, environments, config });
  }
  const host = choice.host ?? 'local';
  try {
    const target = host === 'local' ? { kind: 'local' as const } : { kind: 'ssh' as const, ...parseTarget(host), identityFiles: choice.identity };
    return await runPreflight({ target, platforms, environments, config, prompts: terminalPrompts() });
  } catch (error) {
    if (error instanceof PreflightError) throw new DeployError('refused', `preflight of ${host} could not run: ${error.message}`);
    throw error;
  }
}

function runInstaller(invocation: Invocation): Promise<number> {
  return new Promise((resolve, reject) => {
    // No shell: the executable gets exactly these arguments. Its output goes to this terminal.
    const child = spawn(invocation.executable, invocation.args, { cwd: invocation.cwd, stdio: 'inherit', shell: false });
    child.once('error', (error) => reject(new DeployError('installer', `${invocation.executable} could not be started: ${error.message}`)));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1)));
  });
}

export async function runInstallerCommand(cmd: InstallerCommand, io: TerminalIo): Promise<number> {
  const kind: InstallerKind = cmd.selection.kind === 'openshift-installer' ? 'openshift' : 'kubev';
  const installer = await findInstaller(kind, cmd.installer);
  const report = await preflightReport(kind, cmd);
  if (report) {
    io.err(formatPreflightText(report));
    if (report.verdict === 'fail') {
      if (!cmd.force) throw new DeployError('refused', 'preflight failed: fix the machine (see above), or run the installer anyway with --force');
      io.err('onenode deploy: preflight failed; going on because of --force');
    }
  } else {
    io.err('onenode deploy: preflight skipped (--skip-preflight)');
  }
  const label = cmd.selection.kind === 'openshift-installer' ? 'openshift' : 'kubev';
  const assetDir = await createAssetDir(cmd.assetDir, label);
  const invocation =
    cmd.selection.kind === 'openshift-installer'
      ? await openshiftInvocation(installer, { installConfig: cmd.selection.installConfig, ...(cmd.selection.agentConfig ? { agentConfig: cmd.selection.agentConfig } : {}) }, assetDir)
      : await kubevInvocation(installer, cmd.selection.cluster, assetDir);
  io.err(`Copied ${invocation.files.join(', ')} into the asset directory ${assetDir} (the installer consumes its input files; yours stay as they are).`);
  const what = kind === 'openshift' ? 'build the agent-based installer ISO' : 'install the Kube-V cluster on the hosts of the file';
  if (!(await confirmed(io, cmd.yes, `Run ${describeInvocation(invocation)} (in ${invocation.cwd}) to ${what}?`))) return 1;
  io.err(`Running ${describeInvocation(invocation)}`);
  const code = await runInstaller(invocation);
  io.err(code === 0 ? `The installer finished. Its files are in ${assetDir}.` : `The installer exited with ${code}. Its files are in ${assetDir}.`);
  return code;
}
