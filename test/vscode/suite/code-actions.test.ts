// Quick-fixes through VS Code's code action API, applied to the document and compared as text.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeActionsAt, diagnosticFor, noDiagnosticFor, openInEditor, openUntitled, rangeOf } from './support';

const RULE = 'longhorn-replica-count';

/** The workspace's StorageClass, opened unsaved so applying fixes leaves the file on disk alone. */
async function openStorageClassCopy(): Promise<vscode.TextEditor> {
  const original = await openInEditor('longhorn-storageclass.yaml');
  return openUntitled(original.document.getText());
}

async function apply(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit, `"${action.title}" carries its edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `"${action.title}" applied`);
}

describe('code actions', () => {
  afterEach(closeAllEditors);

  it('the preferred quick-fix sets numberOfReplicas to "1", keeping quotes and comment, and the finding goes', async () => {
    const editor = await openStorageClassCopy();
    const { document } = editor;
    const before = document.getText();
    const diagnostic = await diagnosticFor(document.uri, RULE);

    const actions = await codeActionsAt(document.uri, diagnostic.range);
    const preferred = actions.filter((action) => action.isPreferred === true);
    assert.equal(preferred.length, 1, `one preferred fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(preferred[0].kind?.value, vscode.CodeActionKind.QuickFix.value);
    await apply(preferred[0]);

    assert.equal(document.getText(), before.replace('numberOfReplicas: "3"        # one replica', 'numberOfReplicas: "1"        # one replica'));
    await noDiagnosticFor(document.uri, RULE);
  });

  it('"Disable longhorn-replica-count for this line" inserts a suppression comment above it', async () => {
    const { document } = await openStorageClassCopy();
    const diagnostic = await diagnosticFor(document.uri, RULE);
    const actions = await codeActionsAt(document.uri, diagnostic.range);
    const disable = actions.find((action) => action.title === `Disable ${RULE} for this line`);
    assert.ok(disable, `offered among ${JSON.stringify(actions.map((a) => a.title))}`);
    await apply(disable);

    const line = rangeOf(document, 'numberOfReplicas').start.line;
    assert.equal(document.lineAt(line - 1).text, `  # onenode-disable-next-line ${RULE}`);
    assert.equal(document.lineAt(line).text, '  numberOfReplicas: "3"        # one replica per node on three nodes');
    await noDiagnosticFor(document.uri, RULE);
  });

  it('"Fix all single-node issues" is a source.fixAll.onenode action that fixes every document of the file', async () => {
    const { document } = await openUntitled([
      'apiVersion: storage.k8s.io/v1',
      'kind: StorageClass',
      'metadata: { name: a }',
      'provisioner: driver.longhorn.io',
      'parameters:',
      "  numberOfReplicas: '3'",
      '---',
      'apiVersion: storage.k8s.io/v1',
      'kind: StorageClass',
      'metadata: { name: b }',
      'provisioner: driver.longhorn.io',
      'parameters:',
      '  numberOfReplicas: "2"',
      '',
    ].join('\n'));
    await diagnosticFor(document.uri, RULE);
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const actions = await codeActionsAt(document.uri, whole, 'source.fixAll.onenode');
    assert.deepEqual(actions.map((action) => action.title), ['Fix all single-node issues']);
    await apply(actions[0]);
    assert.match(document.getText(), /numberOfReplicas: '1'\n---/);
    assert.match(document.getText(), /numberOfReplicas: "1"\n$/);
    await noDiagnosticFor(document.uri, RULE);
  });
});
