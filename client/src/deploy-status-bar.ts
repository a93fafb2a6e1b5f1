/**
 * Status bar item with the kubeconfig context deploy would use ("$(cloud-upload) edge-cluster"),
 * next to the platform item while a YAML file is in the editor; clicking it picks another. Shown
 * only in a trusted workspace (deploy is off otherwise) and when a kubeconfig has contexts.
 */
import * as vscode from 'vscode';
import type { DeployContexts } from './commands/deploy-context';

/** Registered in extension.ts. */
const SELECT_CONTEXT_COMMAND = 'onenode.selectDeployContext';

export class DeployStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('onenode.deployContext', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [];
  private context: { name: string; server: string } | undefined;

  constructor(private readonly contexts: DeployContexts) {
    this.item.name = 'OneNode Deploy Context';
    this.item.command = SELECT_CONTEXT_COMMAND;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.show()),
      contexts.onDidChange(() => void this.refresh()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('onenode.deploy.kubeconfig')) void this.refresh();
      }),
    );
  }

  /** Reads the contexts from the language server (once it runs) and updates the item. */
  async refresh(): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      this.context = undefined;
      return this.show();
    }
    const list = await this.contexts.list();
    const name = list.ok ? this.contexts.effective(list) : undefined;
    const found = list.ok ? list.contexts.find((c) => c.name === name) : undefined;
    this.context = found ? { name: found.name, server: found.server } : undefined;
    this.show();
  }

  private show(): void {
    const yaml = vscode.window.activeTextEditor?.document.languageId === 'yaml';
    if (!this.context || !yaml) {
      this.item.hide();
      return;
    }
    this.item.text = `$(cloud-upload) ${this.context.name}`;
    this.item.tooltip = new vscode.MarkdownString(`**OneNode Deploy** applies to context \`${this.context.name}\` (${this.context.server}).\n\nClick to pick another.`);
    this.item.accessibilityInformation = { label: `OneNode deploys to context ${this.context.name}. Select to change.` };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
