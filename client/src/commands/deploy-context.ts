/**
 * Which kubeconfig context deploy uses: the one picked last in this workspace (kept in the
 * workspace state, never written to the kubeconfig or to settings), else the kubeconfig's current
 * context. The contexts are listed by the language server, which reads the kubeconfig.
 */
import * as vscode from 'vscode';
import { DEPLOY_CONTEXTS_COMMAND, type DeployContextsResult } from '../../../server/src/deploy/protocol';
import { deploySetting, type DeployRequests } from './deploy-requests';

const CONTEXT_KEY = 'onenode.deploy.context';

export type ContextList = Extract<DeployContextsResult, { ok: true }>;

export class DeployContexts {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly requests: DeployRequests,
    private readonly state: vscode.Memento,
  ) {}

  async list(): Promise<ContextList | { ok: false; message: string }> {
    const result = await this.requests.send<DeployContextsResult>(DEPLOY_CONTEXTS_COMMAND, { kubeconfig: deploySetting('kubeconfig') });
    return result.ok ? (result) : { ok: false, message: result.message };
  }

  /** The context deploy would use now. */
  effective(list: ContextList): string | undefined {
    const chosen = this.state.get<string>(CONTEXT_KEY);
    return chosen && list.contexts.some((c) => c.name === chosen) ? chosen : list.current;
  }

  /** Lets the person pick a context; remembers it for this workspace. */
  async pick(title: string): Promise<string | undefined> {
    const list = await this.list();
    if (!list.ok) {
      void vscode.window.showErrorMessage(`OneNode deploy: ${list.message}`);
      return undefined;
    }
    if (list.contexts.length === 0) {
      void vscode.window.showErrorMessage(`OneNode deploy: ${list.source} has no contexts.`);
      return undefined;
    }
    const effective = this.effective(list);
    const items = list.contexts
      .map((c) => ({
        label: c.name,
        description: c.server,
        detail: [c.name === list.current ? 'current context of the kubeconfig' : '', c.namespace ? `namespace ${c.namespace}` : ''].filter(Boolean).join(' · ') || undefined,
        picked: c.name === effective,
      }))
      .sort((a, b) => Number(b.picked) - Number(a.picked));
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: `Contexts of ${list.source}` });
    if (!picked) return undefined;
    await this.state.update(CONTEXT_KEY, picked.label);
    this.changed.fire();
    return picked.label;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
