// Diagnostics in the editor: rule id as code, a link to the rule's page, the range of the value.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticFor, onenodeDiagnostics, openInEditor, rangeOf, ruleOf, waitFor } from './support';

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('flags numberOfReplicas "3" in a Longhorn StorageClass as longhorn-replica-count, on the value', async () => {
    const editor = await openInEditor('longhorn-storageclass.yaml');
    const diagnostic = await diagnosticFor(editor.document.uri, 'longhorn-replica-count');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostic.source, 'onenode');
    assert.match(diagnostic.message, /Degraded/);
    assert.deepEqual(diagnostic.range, rangeOf(editor.document, '"3"'));
  });

  it('links the rule id to its page, shipped with the extension', async () => {
    const editor = await openInEditor('longhorn-storageclass.yaml');
    const diagnostic = await diagnosticFor(editor.document.uri, 'longhorn-replica-count');
    const code = diagnostic.code;
    assert.ok(typeof code === 'object', 'the code carries a target link');
    assert.equal(code.value, 'longhorn-replica-count');
    assert.equal(code.target.scheme, 'file');
    assert.match(code.target.path, /\/docs\/rules\/longhorn-replica-count\.md$/);
    await vscode.workspace.fs.stat(code.target); // the page exists where the link points
  });

  it('flags a KubeVirt VM that live-migrates on drain', async () => {
    const editor = await openInEditor('kubevirt-vm.yaml');
    const diagnostic = await diagnosticFor(editor.document.uri, 'kubevirt-eviction-strategy');
    assert.deepEqual(diagnostic.range, rangeOf(editor.document, 'LiveMigrate'));
  });

  it('reports nothing on a file with no single-node fault', async () => {
    const editor = await openInEditor('configmap.yaml');
    // The server answers every open document; an empty answer is an answer too, so wait for the
    // StorageClass to be checked in the same session first, then confirm the ConfigMap stays clean.
    const other = await openInEditor('longhorn-storageclass.yaml');
    await diagnosticFor(other.document.uri, 'longhorn-replica-count');
    assert.deepEqual(onenodeDiagnostics(editor.document.uri).map(ruleOf), []);
  });

  it('applies a severity from onenode.rules without a reload', async () => {
    const editor = await openInEditor('longhorn-storageclass.yaml');
    const uri = editor.document.uri;
    await diagnosticFor(uri, 'longhorn-replica-count');
    const config = vscode.workspace.getConfiguration('onenode', uri);
    await config.update('rules', { 'longhorn-replica-count': 'error' }, vscode.ConfigurationTarget.WorkspaceFolder);
    try {
      await waitFor('the finding to become an error', () =>
        onenodeDiagnostics(uri).find((d) => ruleOf(d) === 'longhorn-replica-count' && d.severity === vscode.DiagnosticSeverity.Error));
      await config.update('rules', { 'longhorn-replica-count': 'off' }, vscode.ConfigurationTarget.WorkspaceFolder);
      await waitFor('the rule to be switched off', () => (onenodeDiagnostics(uri).some((d) => ruleOf(d) === 'longhorn-replica-count') ? undefined : true));
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
    await diagnosticFor(uri, 'longhorn-replica-count');
  });
});
