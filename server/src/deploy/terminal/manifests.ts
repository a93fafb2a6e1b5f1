/**
 * `onenode deploy` for Kubernetes manifests, in a terminal: plan with a server dry-run, print it,
 * stop there with --dry-run, else confirm (--yes or a y/N question), apply, wait, report.
 * Exit status: 0 applied and ready (or a clean dry run), 1 refused or failed, 2 connection,
 * credential or kubeconfig errors.
 */
import { formatPlan, formatReport } from '../format';
import { planChangesSomething, refusePlan } from '../plan';
import { applyAndWait, connect, planDeploy, reportFailed, type ConnectOptions } from '../run';
import type { DeployPlan, DeployReport, ManifestObject } from '../types';
import { confirmed, type TerminalIo } from './io';

export interface ManifestCommand extends ConnectOptions {
  objects: ManifestObject[];
  dryRun: boolean;
  yes: boolean;
  forceConflicts: boolean;
  wait: boolean;
  timeoutMs: number;
  format: 'text' | 'json';
}

function printJson(io: TerminalIo, plan: DeployPlan, report?: DeployReport, note?: string): void {
  io.out(JSON.stringify({ plan, ...(report ? { report } : {}), ...(note ? { note } : {}) }, null, 2));
}

export async function deployManifests(cmd: ManifestCommand, io: TerminalIo): Promise<number> {
  const { target, cluster } = connect(cmd);
  io.err(`Planning ${cmd.objects.length} object${cmd.objects.length === 1 ? '' : 's'} against context "${target.context}" (${target.server})…`);
  const planned = await planDeploy(cmd.objects, cluster, { force: cmd.forceConflicts });
  const { plan } = planned;
  if (cmd.format === 'text') io.out(formatPlan(plan));
  if (!plan.applicable) {
    if (cmd.format === 'json') printJson(io, plan, undefined, 'not applied: the plan has problems');
    io.err(`onenode deploy: ${refusePlan(plan).message}`);
    return 1;
  }
  if (cmd.dryRun) {
    if (cmd.format === 'json') printJson(io, plan, undefined, 'dry run: nothing was applied');
    else io.out('Dry run: nothing was applied.');
    return 0;
  }
  if (!planChangesSomething(plan)) {
    if (cmd.format === 'json') printJson(io, plan, undefined, 'nothing to change');
    else io.out('Nothing to change: the cluster already matches the files.');
    return 0;
  }
  const changes = plan.entries.filter((e) => e.action !== 'unchanged').length;
  const question = `Apply ${changes} change${changes === 1 ? '' : 's'} to context "${target.context}"${plan.warnings.length ? ' (read the single-node warnings above)' : ''}?`;
  if (!(await confirmed(io, cmd.yes, question))) return 1;
  const report = await applyAndWait(planned, cluster, {
    forceConflicts: cmd.forceConflicts,
    wait: cmd.wait,
    timeoutMs: cmd.timeoutMs,
    // Each object once it is applied, and readiness as it changes; not the "applying" steps.
    onProgress: (message, stage) => {
      if (stage !== 'applying') io.err(message);
    },
  });
  if (cmd.format === 'json') printJson(io, plan, report);
  else io.out(formatReport(report));
  return reportFailed(report) ? 1 : 0;
}
