/**
 * Sending deploy commands to the language server (workspace/executeCommand), with the server's
 * work-done progress shown in a notification, and the output channel deploy writes to.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import type { DeployFailure } from '../../../server/src/deploy/protocol';

export class DeployRequests {
  constructor(
    private readonly client: LanguageClient,
    readonly output: vscode.OutputChannel,
  ) {}

  /** A command that answers at once. */
  async send<T extends { ok: boolean }>(command: string, args: unknown): Promise<T | DeployFailure> {
    try {
      return ((await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] })) as T | null) ?? { ok: false, code: 'api', message: 'the language server gave no answer' };
    } catch (error) {
      return { ok: false, code: 'api', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** A long command, its server progress shown in a notification; undefined when cancelled. */
  withProgress<T extends { ok: boolean }>(title: string, command: string, args: unknown, cancellable: boolean): Thenable<T | DeployFailure | undefined> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable }, async (progress, cancel) => {
      const token = `onenode-deploy-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const listener = this.client.onProgress(WorkDoneProgress.type, token, (value) => {
        if (value.kind !== 'end' && value.message) progress.report({ message: value.message });
      });
      try {
        const result = (await this.client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args], workDoneToken: token }, cancel)) as T | DeployFailure | null;
        if (cancel.isCancellationRequested) return undefined;
        return result ?? { ok: false, code: 'api', message: 'the language server gave no answer' };
      } catch (error) {
        if (cancel.isCancellationRequested) return undefined;
        return { ok: false, code: 'api', message: error instanceof Error ? error.message : String(error) };
      } finally {
        listener.dispose();
      }
    });
  }

  /** Shows a failure; the output channel has the details when there are any. */
  showFailure(what: string, failure: DeployFailure): void {
    this.output.appendLine(`${what}: ${failure.message}`);
    void vscode.window.showErrorMessage(`OneNode ${what}: ${failure.message}`, 'Show Output').then((choice) => {
      if (choice) this.output.show(true);
    });
  }
}

/** The machine-scoped deploy settings (a workspace cannot set them). */
export function deploySetting(key: 'kubeconfig' | 'openshiftInstallPath' | 'kubevPath' | 'assetDirectory'): string {
  return vscode.workspace.getConfiguration('onenode.deploy').get<string>(key, '').trim();
}

export function waitTimeoutSeconds(resource: vscode.Uri | undefined): number {
  return vscode.workspace.getConfiguration('onenode.deploy', resource).get<number>('waitTimeoutSeconds', 300);
}
