/**
 * Status bar item "OneNode: <platform> · <environment>" for the YAML file in the editor. The
 * settings are per resource, so it follows the active editor; clicking it runs the platform picker.
 */
import * as vscode from 'vscode';
import { platformLabel, type SettingChoices } from './setting-choices';

/** Registered in extension.ts. */
const SELECT_PLATFORM_COMMAND = 'onenode.selectPlatform';

export function createPlatformStatusBar(choices: SettingChoices): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('onenode.platform', vscode.StatusBarAlignment.Right, 100);
  item.name = 'OneNode Platform';
  item.command = SELECT_PLATFORM_COMMAND;

  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'yaml') {
      item.hide();
      return;
    }
    const config = vscode.workspace.getConfiguration('onenode', document.uri);
    const platform = config.get<string>('platform', choices.defaultPlatform);
    const environment = config.get<string>('environment', choices.defaultEnvironment);
    item.text = `$(server-environment) ${platformLabel(platform)} · ${environment}`;
    const description = choices.platforms.find((choice) => choice.value === platform)?.description ?? '';
    item.tooltip = new vscode.MarkdownString(`**OneNode** checks this file for: ${description} Environment: \`${environment}\`.\n\nClick to change.`);
    item.accessibilityInformation = { label: `OneNode platform ${platformLabel(platform)}, environment ${environment}. Select to change.` };
    item.show();
  };

  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidOpenTextDocument((document) => {
      // A file whose language changes to YAML is reopened with the new language id.
      if (document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('onenode.platform') || event.affectsConfiguration('onenode.environment')) update();
    }),
  );
}
