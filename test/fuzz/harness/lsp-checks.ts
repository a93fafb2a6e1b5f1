/** Assertions on what the language server answers for a fuzz input: bounded, inside the document, equal to the engine's. */
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { TestLspClient } from '../../helpers/lsp-client';
import { actionsOf, withTimeout } from '../../protocol/support';
import { hasLoneCarriageReturn, LspText, rangeProblems, signature } from './invariants';
import type { CheckSummary } from './engine-worker';
import { preview } from './assert-engine';

/** The diagnostics as the engine's findings would appear (a skipped file: one diagnostic without a code). */
export function expectedSignature(result: CheckSummary): string[] {
  if (result.skipped !== undefined) return [`undefined 0:0-0:0`];
  return signature(result.findings);
}

export function diagnosticSignature(diagnostics: readonly Diagnostic[]): string[] {
  return signature(diagnostics.map((d) => ({ rule: String(d.code), range: d.range })));
}

/** Pulls diagnostics, hovers at a few places and asks for code actions; every answer bounded and inside the document. */
export async function exerciseDocument(client: TestLspClient, uri: string, text: string, boundMs: number, spots: readonly number[] = [0]): Promise<Diagnostic[]> {
  const doc = new LspText(hasLoneCarriageReturn(text) ? text.replace(/\r(?!\n)/g, ' ') : text);
  const what = `${uri} ${preview(text)}`;
  const diagnostics = await withTimeout(client.pullDiagnostics(uri), `pull ${what}`, boundMs);
  assert.deepEqual(diagnostics.flatMap((d, i) => rangeProblems(doc, d.range, `diagnostic ${i}`)), [], what);
  const lines = text.split('\n');
  for (const spot of spots) {
    const line = spot % lines.length;
    const character = Math.floor(spot / lines.length) % (lines[line].length + 1);
    const hover = await withTimeout(client.hover(uri, line, character), `hover ${what}`, boundMs);
    // Hover ranges come from yaml-language-server, which counts lines as LSP does (a lone \r too).
    if (hover?.range) assert.deepEqual(rangeProblems(new LspText(text), hover.range, 'hover'), [], what);
  }
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
  const actions = actionsOf(await withTimeout(client.codeActions(uri, whole, diagnostics), `code actions ${what}`, boundMs));
  for (const action of actions) {
    for (const edit of action.edit?.changes?.[uri] ?? []) assert.deepEqual(rangeProblems(doc, edit.range, `action "${action.title}"`), [], what);
  }
  return diagnostics;
}
