/**
 * "OneNode: Run Preflight": picks the machine, asks the language server to run preflight
 * (workspace/executeCommand with work-done progress), answers the server's host-key and password
 * questions with modal dialogs, and shows the result in the preflight view. The checks themselves
 * run in the server, the same code as `onenode preflight`.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import {
  ASK_SECRET_REQUEST,
  CONFIRM_HOST_KEY_REQUEST,
  PREFLIGHT_HOSTS_COMMAND,
  RUN_PREFLIGHT_COMMAND,
  WORKSPACE_TRUSTED_NOTIFICATION,
  type HostKeyQuestion,
  type RunPreflightArgs,
  type RunPreflightResult,
  type SecretQuestion,
} from '../../../server/src/preflight/protocol';
import { PreflightTreeProvider } from '../views/preflight-tree';
import { pickTarget, remember } from './preflight-targets';

export const PREFLIGHT_VIEW = 'onenode.preflight';
const HAS_RESULTS_CONTEXT = 'onenode.preflightHasResults';

export class PreflightController implements vscode.Disposable {
  private readonly tree = new PreflightTreeProvider();
  private readonly view: vscode.TreeView<unknown>;
  private markdown: string | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: LanguageClient,
  ) {
    this.view = vscode.window.createTreeView(PREFLIGHT_VIEW, { treeDataProvider: this.tree, showCollapseAll: true });
    this.disposables.push(
      this.view,
      client.onRequest(CONFIRM_HOST_KEY_REQUEST, (q: HostKeyQuestion) => confirmHostKey(q)),
      client.onRequest(ASK_SECRET_REQUEST, (q: SecretQuestion) => askSecret(q)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION)),
    );
  }

  async run(): Promise<void> {
    const trusted = vscode.workspace.isTrusted;
    const aliases = trusted ? await this.sshAliases() : [];
    const chosen = await pickTarget(this.context.globalState, aliases, trusted);
    if (!chosen) return;
    if (chosen.target !== 'local' && !vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage('OneNode: preflight over SSH is off in an untrusted workspace.');
      return;
    }
    const resource = vscode.window.activeTextEditor?.document;
    const settings = vscode.workspace.getConfiguration('onenode', resource?.uri);
    const args: RunPreflightArgs = {
      target: chosen.target,
      ...(chosen.identityFile ? { identityFile: chosen.identityFile } : {}),
      platform: settings.get<RunPreflightArgs['platform']>('platform', 'auto'),
      environment: settings.get<RunPreflightArgs['environment']>('environment', 'test'),
      ...(resource?.languageId === 'yaml' ? { configUri: resource.uri.toString() } : {}),
    };
    const result = await this.execute(args, chosen.target === 'local' ? 'this machine' : chosen.target);
    if (!result) return;
    if (!result.ok) {
      void vscode.window.showErrorMessage(`OneNode preflight: ${result.message}`);
      return;
    }
    await remember(this.context.globalState, chosen);
    this.markdown = result.markdown;
    this.tree.show(result.report);
    await vscode.commands.executeCommand('setContext', HAS_RESULTS_CONTEXT, true);
    await vscode.commands.executeCommand(`${PREFLIGHT_VIEW}.focus`);
    const failed = result.report.evaluations.reduce((n, e) => n + e.summary.fail, 0);
    const warned = result.report.evaluations.reduce((n, e) => n + e.summary.warn, 0);
    void vscode.window.showInformationMessage(`OneNode preflight of ${result.report.target}: ${result.report.verdict.toUpperCase()} (${failed} failed, ${warned} warnings).`);
  }

  async exportMarkdown(): Promise<void> {
    const report = this.tree.current;
    if (!report || !this.markdown) {
      void vscode.window.showInformationMessage('OneNode: run a preflight first.');
      return;
    }
    const name = `preflight-${report.target.replace(/[^A-Za-z0-9.-]+/g, '-')}.md`;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = await vscode.window.showSaveDialog({ title: 'Export preflight results', filters: { Markdown: ['md'] }, ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}) });
    if (!uri) return;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(this.markdown));
    await vscode.window.showTextDocument(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async sshAliases(): Promise<string[]> {
    try {
      const aliases: unknown = await this.client.sendRequest(ExecuteCommandRequest.type, { command: PREFLIGHT_HOSTS_COMMAND, arguments: [] });
      return Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [];
    } catch {
      return [];
    }
  }

  private execute(args: RunPreflightArgs, where: string): Thenable<RunPreflightResult | undefined> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `OneNode preflight of ${where}`, cancellable: true },
      async (progress, cancel) => {
        const token = `onenode-preflight-${Date.now()}`;
        const listener = this.client.onProgress(WorkDoneProgress.type, token, (value) => {
          if (value.kind !== 'end') {
            const message = value.message;
            if (message) progress.report({ message });
          }
        });
        try {
          const result = (await this.client.sendRequest(ExecuteCommandRequest.type, { command: RUN_PREFLIGHT_COMMAND, arguments: [args], workDoneToken: token }, cancel)) as RunPreflightResult | null;
          return cancel.isCancellationRequested ? undefined : (result ?? undefined);
        } finally {
          listener.dispose();
        }
      },
    );
  }
}

async function confirmHostKey(q: HostKeyQuestion): Promise<boolean> {
  const name = q.port === 22 ? q.host : `[${q.host}]:${q.port}`;
  const answer = await vscode.window.showWarningMessage(
    `The authenticity of host ${name} can't be established.`,
    { modal: true, detail: `${q.keyType} key fingerprint is ${q.fingerprint}.\n\nCompare it with the host's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the host). Accepting adds it to ${q.knownHostsFile}.` },
    'Accept and Connect',
  );
  return answer === 'Accept and Connect';
}

async function askSecret(q: SecretQuestion): Promise<string | null> {
  // The typed secret goes to the server for this one connection and is not kept.
  const value = await vscode.window.showInputBox({ title: 'OneNode preflight', prompt: q.message, password: true, ignoreFocusOut: true });
  return value ?? null;
}
