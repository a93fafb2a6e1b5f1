// Activation: only YAML files and OneNode's own commands start the extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openInEditor, waitFor } from './support';

describe('activation', () => {
  after(closeAllEditors);

  it('declares only YAML files as an activation event (commands and the walkthrough are implicit)', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.deepEqual((extension.packageJSON as { activationEvents: string[] }).activationEvents, ['onLanguage:yaml']);
  });

  it('is not active before a YAML file opens, and activates when one does', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    assert.equal(extension.isActive, false, 'nothing has opened a YAML file or run a OneNode command yet');
    await openInEditor('configmap.yaml');
    await waitFor('the extension to activate on a YAML file', () => (extension.isActive ? true : undefined));
  });
});
