/**
 * Plans and reports as text, for the terminal and for the editor's output channel alike. Objects
 * are named as kubectl names them (`deployment.apps/web`), so the two can be read side by side.
 */
import { describeObject } from './identity';
import type { DeployPlan, DeployReport, FieldChange, ObjectIdentity, PlanEntry } from './types';

const MAX_CHANGES_SHOWN = 20;
const MARK: Record<FieldChange['kind'], string> = { added: '+', removed: '-', changed: '~' };

function where(object: ObjectIdentity): string {
  return `${object.source.path}:${object.source.line}`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatTarget(target: DeployPlan['target']): string {
  return `context "${target.context}" (${target.server}), user "${target.user}"`;
}

function formatChange(change: FieldChange): string {
  const values = change.kind === 'changed' ? `${change.before ?? ''} → ${change.after ?? ''}` : change.kind === 'added' ? (change.after ?? '') : (change.before ?? '');
  return `${MARK[change.kind]} ${change.path}${values ? `: ${values}` : ''}`;
}

function entryLines(entry: PlanEntry, width: number): string[] {
  const label = entry.problem ? entry.problem.reason.toUpperCase() : (entry.action ?? '');
  const lines = [`  ${label.padEnd(10)} ${describeObject(entry.object).padEnd(width)}  ${where(entry.object)}`];
  const indent = ' '.repeat(13);
  if (entry.problem) lines.push(`${indent}${entry.problem.message}`);
  if (entry.deferred) lines.push(`${indent}(${entry.deferred})`);
  for (const change of entry.changes.slice(0, MAX_CHANGES_SHOWN)) lines.push(`${indent}${formatChange(change)}`);
  if (entry.changes.length > MAX_CHANGES_SHOWN) lines.push(`${indent}… and ${entry.changes.length - MAX_CHANGES_SHOWN} more changes`);
  return lines;
}

export function planSummary(plan: DeployPlan): string {
  const by = (action: string) => plan.entries.filter((e) => !e.problem && e.action === action).length;
  const problems = plan.entries.filter((e) => e.problem).length;
  const parts = [`${by('create')} to create`, `${by('update')} to update`, `${by('unchanged')} unchanged`];
  if (problems > 0) parts.push(`${count(problems, 'object')} cannot be applied`);
  return parts.join(', ');
}

export function formatPlan(plan: DeployPlan): string {
  const width = Math.min(60, Math.max(...plan.entries.map((e) => describeObject(e.object).length), 10));
  const lines = [`Plan for ${formatTarget(plan.target)}, from a server-side dry run (field manager onenode):`];
  for (const entry of plan.entries) lines.push(...entryLines(entry, width));
  if (plan.warnings.length > 0) {
    lines.push('', 'On a single node:');
    for (const warning of plan.warnings) lines.push(`  ! ${warning}`);
  }
  lines.push('', `${planSummary(plan)}.`);
  return lines.join('\n');
}

export function reportSummary(report: DeployReport): string {
  const by = (outcome: string) => report.applied.filter((a) => a.outcome === outcome).length;
  const parts = [`${report.applied.length} applied (${by('created')} created, ${by('updated')} updated, ${by('unchanged')} unchanged)`];
  if (report.failed) parts.push('1 failed', `${report.notApplied.length} not applied`);
  if (report.waited) {
    const state = (s: string) => report.applied.filter((a) => a.readiness?.state === s).length;
    parts.push(`${state('ready')} ready`);
    const notReady = state('not-ready') + state('failed');
    if (notReady > 0) parts.push(`${notReady} not ready`);
  }
  return parts.join(', ');
}

export function formatReport(report: DeployReport): string {
  const width = Math.min(60, Math.max(10, ...[...report.applied.map((a) => a.object), ...report.notApplied].map((o) => describeObject(o).length)));
  const lines = [`Applied to ${formatTarget(report.target)} with field manager onenode:`];
  for (const a of report.applied) lines.push(`  ${a.outcome.padEnd(10)} ${describeObject(a.object)}`);
  if (report.failed) {
    lines.push(`  ${'FAILED'.padEnd(10)} ${describeObject(report.failed.object)}: ${report.failed.message}`);
    if (report.notApplied.length > 0) {
      lines.push('', 'Not applied (after the failure):');
      for (const o of report.notApplied) lines.push(`  ${describeObject(o)}`);
    }
  }
  if (report.waited && report.applied.length > 0) {
    lines.push('', 'Readiness:');
    for (const a of report.applied) {
      if (!a.readiness) continue;
      const state = { ready: 'ready', 'not-ready': 'NOT READY', failed: 'FAILED', 'not-checked': 'not checked' }[a.readiness.state];
      lines.push(`  ${describeObject(a.object).padEnd(width)}  ${state}: ${a.readiness.message}`);
    }
  }
  lines.push('', `${reportSummary(report)}.`);
  return lines.join('\n');
}
