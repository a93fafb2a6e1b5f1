// With the Red Hat YAML extension installed (a stand-in with its id), OneNode leaves schema
// completion and schema hovers to it and keeps its own findings and rule hovers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticFor, hoverText, openUntitled } from './support';

const MACHINE_CONFIG = [
  'apiVersion: machineconfiguration.openshift.io/v1',
  'kind: MachineConfig',
  'metadata:',
  '  name: 99-worker-kdump',
  '  labels:',
  '    machineconfiguration.openshift.io/role: worker',
  'spec:',
  '  kern',
  '',
].join('\n');

describe('next to the Red Hat YAML extension', () => {
  afterEach(closeAllEditors);

  it('sees redhat.vscode-yaml installed', () => {
    assert.ok(vscode.extensions.getExtension('redhat.vscode-yaml'), 'the stand-in is installed for this run');
  });

  it('offers no schema completions of its own', async () => {
    const { document } = await openUntitled(MACHINE_CONFIG);
    // A finding proves the server is up and has this document before completion is asked for.
    await diagnosticFor(document.uri, 'machineconfig-pool-role');
    const position = document.positionAt(MACHINE_CONFIG.indexOf('  kern') + '  kern'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(!labels.includes('kernelArguments'), `schema keys are left to Red Hat YAML: ${labels.join(', ')}`);
  });

  it('keeps its rule hover, without the schema description', async () => {
    const { document } = await openUntitled(MACHINE_CONFIG);
    await diagnosticFor(document.uri, 'machineconfig-pool-role');
    const text = await hoverText(document.uri, document.positionAt(MACHINE_CONFIG.indexOf(': worker') + 3));
    assert.match(text, /`machineconfig-pool-role`/);
    assert.doesNotMatch(text, /pool this config is for/i, 'the schema description is left to Red Hat YAML');
  });
});
