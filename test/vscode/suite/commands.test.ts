// Every contributed command is registered and does what its title says.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, diagnosticFor, openInEditor, openUntitled, waitFor } from './support';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    walkthroughs: { steps: { description: string }[] }[];
  };
}

function manifest(): Manifest {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return extension.packageJSON as Manifest;
}

describe('commands', () => {
  before(async () => {
    // Opening YAML activates the extension, as it does for a user.
    await openInEditor('configmap.yaml');
  });
  afterEach(closeAllEditors);

  it('registers every command package.json contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = manifest().contributes.commands.map((c) => c.command);
    assert.ok(contributed.length >= 4, `commands contributed: ${contributed.join(', ')}`);
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), [], 'contributed but not registered');
  });

  it('every command link in the walkthrough names a registered command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const linked = manifest().contributes.walkthroughs.flatMap((w) => w.steps.flatMap((s) => [...s.description.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1])));
    assert.ok(linked.length >= 4, `links: ${linked.join(', ')}`);
    assert.deepEqual(linked.filter((id) => !registered.has(id)), [], 'linked from the walkthrough but not registered');
  });

  it('OneNode: Select Platform and Environment writes both settings for the file in the editor', async () => {
    const { document } = await openInEditor('longhorn-storageclass.yaml');
    const read = () => vscode.workspace.getConfiguration('onenode', document.uri);
    try {
      await vscode.commands.executeCommand('onenode.selectPlatform', 'harvester', 'production');
      assert.equal(read().get('platform'), 'harvester');
      assert.equal(read().get('environment'), 'production');
      assert.equal(read().inspect('platform')?.workspaceFolderValue, 'harvester', 'written for the folder, not the user');
      // The server re-checks with the new platform: the Longhorn rule still applies on Harvester.
      await diagnosticFor(document.uri, 'longhorn-replica-count');
    } finally {
      await read().update('platform', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      await read().update('environment', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    }
  });

  it('OneNode: Select Platform and Environment refuses a value the setting does not allow', async () => {
    await openInEditor('longhorn-storageclass.yaml');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('onenode.selectPlatform', 'mainframe')), /platform must be one of auto, harvester/);
  });

  it('OneNode: Open a Sample File opens an unsaved Longhorn StorageClass with a finding', async () => {
    await vscode.commands.executeCommand('onenode.openSample');
    const editor = await waitFor('the sample in the editor', () => vscode.window.activeTextEditor);
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'yaml');
    await diagnosticFor(editor.document.uri, 'longhorn-replica-count');
  });

  it('OneNode: Restart Language Server restarts it, and checking goes on', async () => {
    await vscode.commands.executeCommand('onenode.restartServer');
    const { document } = await openUntitled('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: x }\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "3"\n');
    await diagnosticFor(document.uri, 'longhorn-replica-count');
  });

  it('OneNode: Show Output shows the OneNode output channel', async () => {
    await vscode.commands.executeCommand('onenode.showOutput');
    await waitFor('the OneNode output channel to be shown', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && /onenode/i.test(d.uri.path)));
  });
});
