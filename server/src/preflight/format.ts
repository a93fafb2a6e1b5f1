/** Preflight reports as terminal text and as Markdown (the editor's export). */
import { plural } from './checks/context';
import type { CheckResult, Evaluation, HostFacts, PreflightReport } from './types';

const MARK: Record<CheckResult['status'], string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

export function hostSummary(facts: HostFacts): string {
  const parts = [facts.hostname, facts.os, facts.kernel ? `kernel ${facts.kernel}` : undefined, facts.architecture].filter(Boolean);
  return parts.join(', ');
}

function countLine(e: Evaluation): string {
  return `${e.summary.fail} failed, ${plural(e.summary.warn, 'warning')}, ${e.summary.pass} passed, ${e.summary.skip} skipped`;
}

export function formatPreflightText(report: PreflightReport): string {
  const lines = [`Preflight of ${report.target} (${hostSummary(report.facts)})`];
  if (report.config) lines.push(`Config: ${report.config.source}${report.config.problems.length ? ` (${report.config.problems.join('; ')})` : ''}`);
  for (const e of report.evaluations) {
    lines.push('', `${e.platformLabel}, ${e.environment}: ${e.verdict.toUpperCase()} (${countLine(e)})`);
    for (const c of e.checks) {
      lines.push(`  ${MARK[c.status]}  ${c.title}: ${c.measured}`);
      lines.push(`        required: ${c.required}`);
      if (c.advice && c.status !== 'pass') lines.push(`        to do: ${c.advice}`);
    }
  }
  lines.push('', `Result: ${report.verdict.toUpperCase()}`);
  return lines.join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function formatPreflightMarkdown(report: PreflightReport): string {
  const lines = [`# OneNode preflight: ${report.target}`, '', `${hostSummary(report.facts)}; collected ${report.collectedAt}.`, ''];
  if (report.config) lines.push(`Config checked: \`${report.config.source}\`${report.config.problems.length ? ` (${report.config.problems.join('; ')})` : ''}`, '');
  for (const e of report.evaluations) {
    lines.push(`## ${e.platformLabel}, ${e.environment}: ${e.verdict.toUpperCase()}`, '', countLine(e), '', '| Check | Result | Measured | Required | To do |', '|---|---|---|---|---|');
    for (const c of e.checks) lines.push(`| ${cell(c.title)} | ${MARK[c.status]} | ${cell(c.measured)} | ${cell(c.required)} | ${cell(c.status === 'pass' ? '' : c.advice)} |`);
    lines.push('');
  }
  return lines.join('\n');
}
