/**
 * "OneNode: Select Platform and Environment": two quick picks (platform, then environment) that
 * write `onenode.platform` and `onenode.environment` for the file in the editor, so the language
 * server re-checks with the new values. Arguments skip the pickers (walkthrough links, tests).
 */
import * as vscode from 'vscode';
import { platformLabel, type Choice, type SettingChoices } from './setting-choices';

interface ChoiceItem extends vscode.QuickPickItem {
  value: string;
}

/** The file the settings apply to: the active editor's, else the first workspace folder. */
export function settingsResource(): vscode.Uri | undefined {
  return vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** The narrowest place a user would expect: the file's folder, else the workspace, else the user. */
function settingsTarget(resource: vscode.Uri | undefined): vscode.ConfigurationTarget {
  if (resource && vscode.workspace.getWorkspaceFolder(resource)) return vscode.ConfigurationTarget.WorkspaceFolder;
  if (vscode.workspace.workspaceFolders?.length) return vscode.ConfigurationTarget.Workspace;
  return vscode.ConfigurationTarget.Global;
}

function pickOne(title: string, step: number, choices: Choice[], current: string, label: (value: string) => string): Promise<string | undefined> {
  const quickPick = vscode.window.createQuickPick<ChoiceItem>();
  quickPick.title = title;
  quickPick.step = step;
  quickPick.totalSteps = 2;
  quickPick.placeholder = `Current: ${label(current)}`;
  quickPick.items = choices.map((choice) => ({
    value: choice.value,
    label: label(choice.value),
    description: choice.value === current ? `${choice.value} (current)` : choice.value,
    detail: choice.description,
  }));
  quickPick.activeItems = quickPick.items.filter((item) => item.value === current);
  return new Promise((resolve) => {
    let chosen: string | undefined;
    quickPick.onDidAccept(() => {
      chosen = quickPick.selectedItems[0]?.value;
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      quickPick.dispose();
      resolve(chosen);
    });
    quickPick.show();
  });
}

function validated(value: unknown, choices: Choice[], name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && choices.some((choice) => choice.value === value)) return value;
  throw new Error(`${name} must be one of ${choices.map((choice) => choice.value).join(', ')}, not ${JSON.stringify(value)}`);
}

export async function selectPlatform(choices: SettingChoices, platformArgument?: unknown, environmentArgument?: unknown): Promise<void> {
  const resource = settingsResource();
  const config = vscode.workspace.getConfiguration('onenode', resource);
  const givenPlatform = validated(platformArgument, choices.platforms, 'platform');
  const givenEnvironment = validated(environmentArgument, choices.environments, 'environment');
  const platform = givenPlatform
    ?? (await pickOne('OneNode: platform of this single-node cluster', 1, choices.platforms, config.get<string>('platform', choices.defaultPlatform), platformLabel));
  if (platform === undefined) return;
  const environment = givenEnvironment
    ?? (givenPlatform !== undefined
      ? undefined
      : await pickOne('OneNode: what the node is for', 2, choices.environments, config.get<string>('environment', choices.defaultEnvironment), (value) => value));
  const target = settingsTarget(resource);
  await config.update('platform', platform, target);
  if (environment !== undefined) await config.update('environment', environment, target);
}
