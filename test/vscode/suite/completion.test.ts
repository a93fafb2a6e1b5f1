// Completion through VS Code's completion API: keys and enum values from OneNode's schemas.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openUntitled, waitFor } from './support';

const MACHINE_CONFIG = [
  'apiVersion: machineconfiguration.openshift.io/v1',
  'kind: MachineConfig',
  'metadata:',
  '  name: 99-master-kdump',
  '  labels:',
  '    machineconfiguration.openshift.io/role: ',
  'spec:',
  '  kern',
  '',
].join('\n');

/** The labels VS Code would list at the end of `marker`. */
async function completionLabels(document: vscode.TextDocument, marker: string): Promise<string[]> {
  const position = document.positionAt(document.getText().indexOf(marker) + marker.length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

describe('completion', () => {
  afterEach(closeAllEditors);

  it('completes MachineConfig spec keys from the shipped schema', async () => {
    const { document } = await openUntitled(MACHINE_CONFIG);
    // The first request may reach the server before it has started; wait for a real answer.
    const labels = await waitFor('kernel keys among the completions', async () => {
      const found = await completionLabels(document, '  kern');
      return found.includes('kernelArguments') ? found : undefined;
    });
    assert.ok(labels.includes('kernelType'), labels.join(', '));
  });

  it('completes the values of an enum: the pool role label', async () => {
    const { document } = await openUntitled(MACHINE_CONFIG);
    const labels = await waitFor('master among the completions', async () => {
      const found = await completionLabels(document, 'role: ');
      return found.includes('master') ? found : undefined;
    });
    assert.ok(labels.includes('worker'), labels.join(', '));
  });
});
