/** Findings as LSP diagnostics: source "onenode", code = rule id, a link to the rule's doc. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { CheckResult, Finding, Severity } from '../engine';
import { ruleDocHref } from './docs-links';

export const DIAGNOSTIC_SOURCE = 'onenode';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(finding: Finding): Diagnostic {
  const href = ruleDocHref(finding.rule);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.rule,
    ...(href ? { codeDescription: { href } } : {}),
    message: finding.message,
  };
}

export function toDiagnostics(result: CheckResult): Diagnostic[] {
  if (result.skipped) {
    return [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      message: `OneNode: ${result.skipped}.`,
    }];
  }
  return result.findings.map(toDiagnostic);
}
