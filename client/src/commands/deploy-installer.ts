/**
 * Handing an OpenShift install-config (with its agent-config) or a Kube-V KubeVCluster to its
 * installer from the editor: preflight of the machine to install first (or an explicit skip),
 * then the language server copies the files into an asset directory and names the program and
 * its arguments, and the installer runs in a terminal as that argument array (no shell).
 */
import * as vscode from 'vscode';
import { RUN_PREFLIGHT_COMMAND, type RunPreflightArgs, type RunPreflightResult } from '../../../server/src/preflight/protocol';
import { INSTALLER_PREPARE_COMMAND, type InstallerPrepareResult } from '../../../server/src/deploy/protocol';
import { pickTarget, remember } from './preflight-targets';
import { deploySetting, type DeployRequests } from './deploy-requests';

type Kind = 'openshift' | 'kubev';

const LABEL: Record<Kind, string> = { openshift: 'openshift-install', kubev: 'the Kube-V installer' };

/** Runs preflight of the machine to install; true when the installer may run. */
async function preflightPasses(requests: DeployRequests, state: vscode.Memento, kind: Kind, uris: readonly string[]): Promise<boolean> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(checklist) Run preflight of the machine to install', description: 'recommended', value: 'run' },
      { label: '$(debug-step-over) Skip preflight', description: 'run the installer without checking the hardware', value: 'skip' },
    ],
    { title: `OneNode: before running ${LABEL[kind]}` },
  );
  if (!choice) return false;
  if (choice.value === 'skip') return true;
  const target = await pickTarget(state, [], vscode.workspace.isTrusted);
  if (!target) return false;
  const environment = vscode.workspace.getConfiguration('onenode', vscode.Uri.parse(uris[0])).get<RunPreflightArgs['environment']>('environment', 'test');
  // The agent-config names the install disk and interfaces that preflight checks on the host.
  const configUri = kind === 'openshift' ? uris.find((u) => /agent-config/i.test(u)) : undefined;
  const args: RunPreflightArgs = { target: target.target, ...(target.identityFile ? { identityFile: target.identityFile } : {}), platform: kind, environment, ...(configUri ? { configUri } : {}) };
  const result = await requests.withProgress<RunPreflightResult>(`OneNode preflight of ${target.target === 'local' ? 'this machine' : target.target}`, RUN_PREFLIGHT_COMMAND, args, true);
  if (!result) return false;
  if (!result.ok) {
    requests.showFailure('preflight', result);
    return false;
  }
  const report = result;
  await remember(state, target);
  requests.output.appendLine(report.markdown);
  if (report.report.verdict !== 'fail') return true;
  const failed = report.report.evaluations.reduce((n, e) => n + e.summary.fail, 0);
  const answer = await vscode.window.showWarningMessage(
    `Preflight of ${report.report.target} failed (${failed} check${failed === 1 ? '' : 's'}).`,
    { modal: true, detail: 'The installer is likely to fail or to build a cluster that breaks on this machine. The checks are in the OneNode Deploy output.' },
    'Run the Installer Anyway',
  );
  return answer === 'Run the Installer Anyway';
}

export async function deployWithInstaller(requests: DeployRequests, state: vscode.Memento, kind: Kind, uris: string[], forceFindings: boolean): Promise<void> {
  if (!(await preflightPasses(requests, state, kind, uris))) return;
  const installerPath = deploySetting(kind === 'openshift' ? 'openshiftInstallPath' : 'kubevPath');
  const result = await requests.send<InstallerPrepareResult>(INSTALLER_PREPARE_COMMAND, { uris, installerPath, assetDirectory: deploySetting('assetDirectory'), forceFindings });
  if (!result.ok) {
    requests.showFailure('deploy', result);
    return;
  }
  const invocation = result;
  requests.output.appendLine(`Installer: ${invocation.commandLine} (in ${invocation.cwd}); files copied to ${invocation.assetDir}`);
  const run = await vscode.window.showWarningMessage(
    `Run ${LABEL[kind]}?`,
    {
      modal: true,
      detail: `${invocation.commandLine}\n\nin ${invocation.cwd}\n\nThe files were copied to ${invocation.assetDir} (the installer consumes its input files; yours stay as they are). It writes the cluster's credentials there.`,
    },
    'Run',
  );
  if (run !== 'Run') return;
  // shellPath + shellArgs: VS Code starts the program itself with these arguments; no shell parses them.
  const terminal = vscode.window.createTerminal({ name: `OneNode: ${LABEL[kind]}`, shellPath: invocation.executable, shellArgs: invocation.args, cwd: invocation.cwd });
  terminal.show();
}
