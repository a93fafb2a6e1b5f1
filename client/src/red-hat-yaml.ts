/**
 * The Red Hat YAML extension (redhat.vscode-yaml) completes and explains keys from JSON Schemas,
 * OneNode's among them (contributed through yamlValidation). When it is installed, OneNode's
 * server leaves schema completion and schema hovers to it, so nothing is listed twice; its own
 * findings, fixes and rule hovers stay.
 */
import * as vscode from 'vscode';

export const RED_HAT_YAML_ID = 'redhat.vscode-yaml';

export function redHatYamlInstalled(): boolean {
  return vscode.extensions.getExtension(RED_HAT_YAML_ID) !== undefined;
}

/** Calls `onChange` when the extension is installed, enabled, removed or disabled later on. */
export function watchRedHatYaml(onChange: (installed: boolean) => void): vscode.Disposable {
  let installed = redHatYamlInstalled();
  return vscode.extensions.onDidChange(() => {
    if (redHatYamlInstalled() === installed) return;
    installed = !installed;
    onChange(installed);
  });
}
