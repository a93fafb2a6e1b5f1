/** Shared by the extension-host tests: the workspace's files, bounded polling, OneNode's diagnostics. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'onenode.onenode';
/** Upper bound for one wait on the editor or the language server. */
export const WAIT_MS = 15_000;

/** Polls `probe` until it returns something other than undefined; fails with `what` after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = WAIT_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with the test/vscode/workspace copy open as the folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a workspace file in an editor, as a user double-clicking it would. */
export async function openInEditor(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(document);
}

/** Opens unsaved YAML in an editor: tests that edit text never touch the workspace files. */
export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
  return vscode.window.showTextDocument(document);
}

export async function closeAllEditors(): Promise<void> {
  // Untitled editors would ask to save; revert them first.
  for (const document of vscode.workspace.textDocuments) {
    if (document.isUntitled && document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The rule id of a OneNode diagnostic (its code carries the rule doc link as target). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function onenodeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'onenode');
}

/** Waits until the document has a OneNode diagnostic for `rule`, and returns it. */
export function diagnosticFor(uri: vscode.Uri, rule: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${rule} diagnostic on ${uri.toString()}`, () => onenodeDiagnostics(uri).find((d) => ruleOf(d) === rule));
}

/** Waits until the document has no OneNode diagnostic for `rule`. */
export function noDiagnosticFor(uri: vscode.Uri, rule: string): Promise<true> {
  return waitFor(`no ${rule} diagnostic on ${uri.toString()}`, () => (onenodeDiagnostics(uri).some((d) => ruleOf(d) === rule) ? undefined : true));
}

/** The range of the `occurrence`-th match of `needle` in the document. */
export function rangeOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Range {
  const text = document.getText();
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.notEqual(offset, -1, `${JSON.stringify(needle)} occurs fewer than ${occurrence + 1} times`);
  }
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + needle.length));
}

/** Code actions the editor would offer for `range` (the lightbulb's list), optionally of one kind. */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, range, kind);
  return actions.filter((action): action is vscode.CodeAction => 'title' in action && !('command' in action && typeof action.command === 'string'));
}

/** The markdown of every hover at `position`, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}
