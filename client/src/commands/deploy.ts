/**
 * "OneNode: Deploy": on the file in the editor, or the files and folders selected in the
 * explorer. The language server says what the selection is and what the engine finds in it;
 * error findings need an explicit "Deploy Anyway". Then manifests are planned and applied,
 * a Harvester config is served over PXE, and an install-config or KubeVCluster goes to its
 * installer. Off in untrusted workspaces.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DEPLOY_PREPARE_COMMAND, type DeployPrepareResult, type RequestLogEntry } from '../../../server/src/deploy/protocol';
import { DeployContexts } from './deploy-context';
import { deployWithInstaller } from './deploy-installer';
import { deployManifests } from './deploy-manifests';
import { PxeDeploy } from './deploy-pxe';
import { DeployRequests } from './deploy-requests';
import { DeployStatusBar } from '../deploy-status-bar';

type Prepared = Extract<DeployPrepareResult, { ok: true }>;

/** The URIs a command was run on: the explorer selection, else the file it was run on, else the active editor's. */
export function selectedUris(uri: unknown, uris: unknown): string[] {
  if (Array.isArray(uris) && uris.length > 0 && uris.every((u) => u instanceof vscode.Uri)) return (uris).map((u) => u.toString());
  if (uri instanceof vscode.Uri) return [uri.toString()];
  const document = vscode.window.activeTextEditor?.document;
  return document ? [document.uri.toString()] : [];
}

export class DeployController implements vscode.Disposable {
  private readonly output = vscode.window.createOutputChannel('OneNode Deploy');
  private readonly requests: DeployRequests;
  readonly contexts: DeployContexts;
  private readonly statusBar: DeployStatusBar;
  private readonly pxe: PxeDeploy;

  constructor(
    private readonly context: vscode.ExtensionContext,
    client: LanguageClient,
  ) {
    this.requests = new DeployRequests(client, this.output);
    this.contexts = new DeployContexts(this.requests, context.workspaceState);
    this.statusBar = new DeployStatusBar(this.contexts);
    this.pxe = new PxeDeploy(this.requests, context.globalState, (method, handler: (entry: RequestLogEntry) => void) => client.onNotification(method, handler));
  }

  /** Once the language server runs: show the context deploy would use. */
  refreshStatus(): Promise<void> {
    return this.statusBar.refresh();
  }

  async deploy(uri?: unknown, uris?: unknown): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage('OneNode: deploy is off in an untrusted workspace. Trust the workspace to deploy from it.');
      return;
    }
    const selection = selectedUris(uri, uris);
    if (selection.length === 0) {
      void vscode.window.showErrorMessage('OneNode: open a YAML file, or select files or folders in the explorer, to deploy them.');
      return;
    }
    // What is deployed is what the editor shows: unsaved changes included (the server reads open buffers).
    const prepared = await this.requests.send<DeployPrepareResult>(DEPLOY_PREPARE_COMMAND, { uris: selection });
    if (!prepared.ok) {
      this.requests.showFailure('deploy', prepared);
      return;
    }
    const ready = prepared;
    const forceFindings = await this.acceptFindings(ready);
    if (forceFindings === undefined) return;
    switch (ready.kind) {
      case 'manifests':
        return deployManifests(this.requests, this.contexts, selection, forceFindings);
      case 'harvester-pxe':
        return this.pxe.start(selection[0], ready.configHasIso === true, forceFindings);
      case 'openshift-installer':
        return deployWithInstaller(this.requests, this.context.globalState, 'openshift', selection, forceFindings);
      case 'kubev-installer':
        return deployWithInstaller(this.requests, this.context.globalState, 'kubev', selection, forceFindings);
    }
  }

  /** false: no error findings; true: the person chose to deploy despite them; undefined: stop. */
  private async acceptFindings(prepared: Prepared): Promise<boolean | undefined> {
    if (prepared.errors === 0) return false;
    this.output.appendLine(`Findings in ${prepared.files.join(', ')}:`);
    for (const line of prepared.findings) this.output.appendLine(`  ${line}`);
    const choice = await vscode.window.showErrorMessage(
      `The files have ${prepared.errors} error finding${prepared.errors === 1 ? '' : 's'}. Deploy anyway?`,
      { modal: true, detail: `${prepared.findings.filter((f) => / error /.test(f)).slice(0, 5).join('\n\n')}\n\nThese break on a single node. Fix them first unless you know better.` },
      'Show Problems',
      'Deploy Anyway',
    );
    if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    return choice === 'Deploy Anyway' ? true : undefined;
  }

  selectContext(): Thenable<string | undefined> {
    return this.contexts.pick('OneNode: deploy to which kubeconfig context?');
  }

  stopPxe(): Promise<void> {
    return this.pxe.stop();
  }

  dispose(): void {
    this.pxe.dispose();
    this.statusBar.dispose();
    this.contexts.dispose();
    this.output.dispose();
  }
}
