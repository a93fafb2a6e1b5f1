/**
 * Deploying Kubernetes manifests from the editor: pick the context, let the server plan with a
 * server-side dry run, show the plan, ask for confirmation in a modal dialog (with the
 * single-node warnings), then let the server apply and wait. Nothing is applied without the
 * "Apply" button.
 */
import * as vscode from 'vscode';
import {
  DEPLOY_APPLY_COMMAND,
  DEPLOY_PLAN_COMMAND,
  type DeployApplyResult,
  type DeployPlanArgs,
  type DeployPlanResult,
} from '../../../server/src/deploy/protocol';
import type { DeployContexts } from './deploy-context';
import { deploySetting, waitTimeoutSeconds, type DeployRequests } from './deploy-requests';

type PlanOk = Extract<DeployPlanResult, { ok: true }>;

function countBy(plan: PlanOk['plan'], action: string): number {
  return plan.entries.filter((e) => !e.problem && e.action === action).length;
}

async function planOnce(requests: DeployRequests, args: DeployPlanArgs): Promise<PlanOk | undefined> {
  const result = await requests.withProgress<DeployPlanResult>(`OneNode: planning the deploy to ${args.context ?? 'the current context'}`, DEPLOY_PLAN_COMMAND, args, true);
  if (!result) return undefined;
  if (!result.ok) {
    requests.showFailure('deploy', result);
    return undefined;
  }
  const ok = result;
  requests.output.appendLine(ok.text);
  requests.output.appendLine('');
  requests.output.show(true);
  return ok;
}

/** Plans; offers to take over conflicting fields when conflicts are the only problem. */
async function plan(requests: DeployRequests, args: DeployPlanArgs): Promise<PlanOk | undefined> {
  const first = await planOnce(requests, args);
  if (!first || first.plan.applicable) return first;
  const problems = first.plan.entries.filter((e) => e.problem);
  const onlyConflicts = problems.every((e) => e.problem?.reason === 'Conflict');
  const buttons = onlyConflicts && !args.forceConflicts ? ['Take Over the Fields'] : [];
  const choice = await vscode.window.showErrorMessage(
    `OneNode: ${problems.length} object${problems.length === 1 ? '' : 's'} cannot be applied as ${problems.length === 1 ? 'it stands' : 'they stand'}; nothing was applied.`,
    { modal: true, detail: problems.map((e) => `${e.object.display}: ${e.problem?.message ?? ''}`).join('\n\n') },
    ...buttons,
  );
  if (choice !== 'Take Over the Fields') return undefined;
  return planOnce(requests, { ...args, forceConflicts: true });
}

export async function deployManifests(requests: DeployRequests, contexts: DeployContexts, uris: string[], forceFindings: boolean): Promise<void> {
  const context = await contexts.pick('OneNode Deploy: which cluster (kubeconfig context)?');
  if (!context) return;
  const planned = await plan(requests, { uris, kubeconfig: deploySetting('kubeconfig'), context, forceFindings, forceConflicts: false });
  if (!planned?.plan.applicable) return;
  if (!planned.changes) {
    void vscode.window.showInformationMessage(`OneNode: nothing to change; ${context} already matches the files.`);
    return;
  }
  const { plan: p } = planned;
  const summary = `${countBy(p, 'create')} to create, ${countBy(p, 'update')} to update, ${countBy(p, 'unchanged')} unchanged`;
  const detail = [
    summary + '.',
    ...p.entries.filter((e) => e.action !== 'unchanged').map((e) => `${e.action === 'create' ? '+' : '~'} ${e.object.display}${e.object.namespace ? ` -n ${e.object.namespace}` : ''}`),
    ...(p.warnings.length > 0 ? ['', 'On a single node:', ...p.warnings.map((w) => `! ${w}`)] : []),
    '',
    'The full plan, with the changed fields, is in the OneNode Deploy output.',
  ].join('\n');
  const apply = await vscode.window.showWarningMessage(`Apply to ${context}?`, { modal: true, detail }, 'Apply');
  if (apply !== 'Apply') return;
  const resource = vscode.Uri.parse(uris[0]);
  const result = await requests.withProgress<DeployApplyResult>(`OneNode: applying to ${context}`, DEPLOY_APPLY_COMMAND, { planId: planned.planId, wait: true, timeoutSeconds: waitTimeoutSeconds(resource) }, false);
  if (!result) return;
  if (!result.ok) {
    requests.showFailure('deploy', result);
    return;
  }
  const done = result;
  requests.output.appendLine(done.text);
  requests.output.appendLine('');
  const { report } = done;
  if (report.failed) {
    void vscode.window.showErrorMessage(
      `OneNode: ${report.failed.object.display} failed (${report.failed.message}). Applied before it: ${report.applied.length}; not applied: ${report.notApplied.length}.`,
      'Show Output',
    ).then((c) => c && requests.output.show(true));
  } else if (done.failed) {
    void vscode.window.showWarningMessage(`OneNode: applied to ${context}, but not everything is ready. See the OneNode Deploy output.`, 'Show Output').then((c) => c && requests.output.show(true));
  } else {
    void vscode.window.showInformationMessage(`OneNode: applied ${report.applied.length} object${report.applied.length === 1 ? '' : 's'} to ${context}.`);
  }
}
