/**
 * An extension-test entry for `npm run bench`, not a test: measures, inside the extension host,
 * how long activating OneNode takes (wall time, and the host's own marks for loading dist/client.js
 * and calling activate()), then how long the first diagnostics of a file take to arrive.
 * Writes the figures as JSON to ONENODE_SUITE_RESULTS.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { EXTENSION_ID, diagnosticFor, workspaceUri } from './support';
import type { ActivationFigures } from './activation-figures';

interface PerformanceMarks {
  getMarks(): { name: string; startTime: number }[];
}

/**
 * The extension host's marks around loading an extension's code and calling its activate()
 * (vs/base/common/performance, shared through this global). "Developer: Show Running Extensions"
 * reports an extension's activation time as code loading plus the activate() call.
 */
function hostMarks(id: string): { codeLoadingMs: number; activateCallMs: number; willLoad: number; contextMs: number; didActivate: number } {
  const marks = (globalThis as { MonacoPerformanceMarks?: PerformanceMarks }).MonacoPerformanceMarks?.getMarks() ?? [];
  const at = (name: string): number => {
    const mark = marks.find((m) => m.name === `code/extHost/${name}/${id}`);
    if (!mark) throw new Error(`the extension host recorded no ${name} mark for ${id}`);
    return mark.startTime;
  };
  return {
    codeLoadingMs: at('didLoadExtensionCode') - at('willLoadExtensionCode'),
    activateCallMs: at('didActivateExtension') - at('willActivateExtension'),
    willLoad: at('willLoadExtensionCode'),
    contextMs: at('willActivateExtension') - at('didLoadExtensionCode'),
    didActivate: at('didActivateExtension'),
  };
}

export async function run(): Promise<void> {
  // The benchmark also measures an empty control extension the same way (ONENODE_MEASURE_EXTENSION).
  const id = process.env.ONENODE_MEASURE_EXTENSION || EXTENSION_ID;
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not installed`);
  if (extension.isActive) throw new Error('already active: the measurement needs a cold extension');

  const activatingAt = Date.now();
  const activating = performance.now();
  await extension.activate();
  const activateMs = performance.now() - activating;
  const activatedAt = Date.now();
  const { codeLoadingMs, activateCallMs, willLoad, contextMs, didActivate } = hostMarks(extension.id);

  let firstDiagnosticsMs: number | undefined;
  if (id === EXTENSION_ID) {
    const opening = performance.now();
    const document = await vscode.workspace.openTextDocument(workspaceUri('longhorn-storageclass.yaml'));
    await vscode.window.showTextDocument(document);
    await diagnosticFor(document.uri, 'longhorn-replica-count');
    firstDiagnosticsMs = performance.now() - opening;
  }

  const figures: ActivationFigures = {
    activateMs,
    codeLoadingMs,
    activateCallMs,
    hostBeforeLoadMs: willLoad - activatingAt,
    hostContextMs: contextMs,
    hostAfterActivateMs: activatedAt - didActivate,
    ...(firstDiagnosticsMs !== undefined ? { firstDiagnosticsMs } : {}),
  };
  const resultsFile = process.env.ONENODE_SUITE_RESULTS;
  if (!resultsFile) throw new Error('ONENODE_SUITE_RESULTS must name the file for the figures');
  writeFileSync(resultsFile, JSON.stringify(figures));
}
