/**
 * Choosing where preflight runs: this machine, a host from the history, an ~/.ssh/config alias
 * (listed by the server), or a new user@host[:port]; then, for SSH, how to authenticate. The
 * history and identity files are kept in the extension's global state on this machine, never in
 * workspace settings; passwords are never kept anywhere.
 */
import * as vscode from 'vscode';

const HISTORY_KEY = 'onenode.preflight.hosts';
const IDENTITY_KEY = 'onenode.preflight.identities';
const HISTORY_LIMIT = 10;

export interface PreflightTarget {
  target: string;
  identityFile?: string;
}

interface TargetItem extends vscode.QuickPickItem {
  value?: string;
  action?: 'enter';
}

export function validateTarget(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return 'Enter user@host or user@host:port';
  if (/\s/.test(trimmed)) return 'No spaces in a host';
  if (trimmed.startsWith('-')) return 'A host cannot start with "-"';
  return undefined;
}

export async function pickTarget(state: vscode.Memento, sshAliases: readonly string[], trusted: boolean): Promise<PreflightTarget | undefined> {
  const history = state.get<string[]>(HISTORY_KEY, []);
  const items: TargetItem[] = [{ label: '$(device-desktop) This machine', value: 'local' }];
  if (trusted) {
    if (history.length > 0) items.push({ label: 'Recent hosts', kind: vscode.QuickPickItemKind.Separator }, ...history.map((h) => ({ label: `$(history) ${h}`, value: h })));
    const aliases = sshAliases.filter((a) => !history.includes(a));
    if (aliases.length > 0) items.push({ label: '~/.ssh/config', kind: vscode.QuickPickItemKind.Separator }, ...aliases.map((a) => ({ label: `$(remote) ${a}`, value: a })));
    items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(add) Enter a host…', description: 'user@host[:port]', action: 'enter' });
  } else {
    items.push({ label: '$(shield) Preflight over SSH needs a trusted workspace', description: 'Manage Workspace Trust to enable it' });
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'OneNode preflight: which machine?', placeHolder: 'The machine that will run the single-node cluster' });
  if (!picked) return undefined;
  let target = picked.value;
  if (picked.action === 'enter') {
    target = (await vscode.window.showInputBox({ title: 'OneNode preflight over SSH', prompt: 'user@host or user@host:port', validateInput: validateTarget, ignoreFocusOut: true }))?.trim();
  }
  if (!target) return undefined;
  if (target === 'local') return { target };
  const identityFile = await pickIdentity(state, target);
  return identityFile === null ? undefined : { target, ...(identityFile ? { identityFile } : {}) };
}

/** undefined: the defaults (agent, ~/.ssh/config, ~/.ssh/id_*); null: cancelled. */
async function pickIdentity(state: vscode.Memento, target: string): Promise<string | undefined | null> {
  const remembered = state.get<Record<string, string>>(IDENTITY_KEY, {})[target];
  const items: (vscode.QuickPickItem & { value: string })[] = [{ label: 'Default keys', description: 'ssh-agent, ~/.ssh/config, ~/.ssh/id_*', value: 'default' }];
  if (remembered) items.unshift({ label: `$(key) ${remembered}`, description: 'used last time', value: remembered });
  items.push({ label: '$(folder-opened) Choose a private key file…', value: 'choose' });
  const picked = await vscode.window.showQuickPick(items, { title: `OneNode preflight: authenticate to ${target}` });
  if (!picked) return null;
  if (picked.value === 'default') return undefined;
  if (picked.value !== 'choose') return picked.value;
  const chosen = await vscode.window.showOpenDialog({ title: 'Private key for SSH', canSelectMany: false, openLabel: 'Use this key' });
  return chosen?.[0]?.fsPath ?? null;
}

export async function remember(state: vscode.Memento, chosen: PreflightTarget): Promise<void> {
  if (chosen.target === 'local') return;
  const history = [chosen.target, ...state.get<string[]>(HISTORY_KEY, []).filter((h) => h !== chosen.target)].slice(0, HISTORY_LIMIT);
  await state.update(HISTORY_KEY, history);
  const identities = { ...state.get<Record<string, string>>(IDENTITY_KEY, {}) };
  if (chosen.identityFile) identities[chosen.target] = chosen.identityFile;
  else delete identities[chosen.target];
  await state.update(IDENTITY_KEY, identities);
}
