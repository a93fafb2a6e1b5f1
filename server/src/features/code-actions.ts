/**
 * Code actions: each finding's fixes, "Disable <rule> for this line" (merging into an existing
 * suppression comment), and "Fix all single-node issues" as source.fixAll.onenode.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { disableNextLineEdit, fixAll, minimalEdit, type CheckOptions, type CheckResult } from '../engine';
import { toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.onenode`;
export const FIX_ALL_TITLE = 'Fix all single-node issues';

function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function intersects(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export function codeActions(document: TextDocument, result: CheckResult, options: CheckOptions, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const file = result.file;
  if (!file) return actions;
  const uri = document.uri;

  if (wants(only, CodeActionKind.QuickFix)) {
    const disabled = new Set<string>();
    for (const finding of result.findings) {
      if (!intersects(finding.range, params.range)) continue;
      const diagnostic = toDiagnostic(finding);
      for (const fix of finding.fixes) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.isPreferred, edit: { changes: { [uri]: fix.edits } } });
      }
      const line = finding.range.start.line;
      const key = `${finding.rule}@${line}`;
      if (disabled.has(key)) continue;
      disabled.add(key);
      const edit = disableNextLineEdit(file, line, finding.rule);
      if (edit) actions.push({ title: `Disable ${finding.rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [edit] } } });
    }
  }

  if (wants(only, FIX_ALL_KIND) && result.findings.some((f) => f.fixes.some((x) => x.isPreferred))) {
    const text = document.getText();
    const fixed = fixAll(text, options);
    const edit = minimalEdit(text, fixed.text);
    if (edit) actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: { changes: { [uri]: [edit] } } });
  }
  return actions;
}
