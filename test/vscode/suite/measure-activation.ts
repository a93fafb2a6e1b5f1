/**
 * An extension-test entry for `npm run bench`, not a test: measures, inside the extension host,
 * how long activating OneNode takes (loading dist/client.js, activate(), and the language server's
 * start that activate() waits for), then how long the first diagnostics of a file take to arrive.
 * Writes the figures as JSON to ONENODE_SUITE_RESULTS.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { EXTENSION_ID, diagnosticFor, workspaceUri } from './support';

export interface ActivationFigures {
  activateMs: number;
  firstDiagnosticsMs: number;
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  if (extension.isActive) throw new Error('already active: the measurement needs a cold extension');

  const activating = performance.now();
  await extension.activate();
  const activateMs = performance.now() - activating;

  const opening = performance.now();
  const document = await vscode.workspace.openTextDocument(workspaceUri('longhorn-storageclass.yaml'));
  await vscode.window.showTextDocument(document);
  await diagnosticFor(document.uri, 'longhorn-replica-count');
  const firstDiagnosticsMs = performance.now() - opening;

  const figures: ActivationFigures = { activateMs, firstDiagnosticsMs };
  const resultsFile = process.env.ONENODE_SUITE_RESULTS;
  if (!resultsFile) throw new Error('ONENODE_SUITE_RESULTS must name the file for the figures');
  writeFileSync(resultsFile, JSON.stringify(figures));
}
