/** CLI output: compiler-style text, or JSON with 0-based positions as in the engine and LSP. */
import type { Finding, Severity } from '../engine';

export interface FileReport {
  path: string;
  findings: Finding[];
  skipped?: string;
  fixed?: number;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  fixed: number;
  skipped: number;
}

export function summarize(reports: readonly FileReport[]): Summary {
  const count = (s: Severity) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === s).length, 0);
  return {
    files: reports.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    fixed: reports.reduce((n, r) => n + (r.fixed ?? 0), 0),
    skipped: reports.filter((r) => r.skipped).length,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatText(reports: readonly FileReport[], summary: Summary): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.skipped) lines.push(`${report.path}: skipped, ${report.skipped}`);
    for (const f of report.findings) {
      lines.push(`${report.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message} [${f.rule}]`);
    }
  }
  const problems = summary.errors + summary.warnings + summary.infos;
  const parts = [`${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} info) in ${plural(summary.files, 'file')}`];
  if (summary.fixed > 0) parts.push(`${summary.fixed} fixed`);
  if (summary.skipped > 0) parts.push(`${summary.skipped} skipped`);
  lines.push(parts.join(', '));
  return lines.join('\n');
}

export function formatJson(reports: readonly FileReport[], summary: Summary): string {
  return JSON.stringify({ files: reports, summary }, null, 2);
}
