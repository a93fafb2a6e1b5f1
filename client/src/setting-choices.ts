/**
 * The values of `onenode.platform` and `onenode.environment`, with their descriptions, read from
 * the extension's own package.json. The manifest is the one list the UI shows (a unit test keeps
 * it in step with the engine), so pickers and the status bar never drift from the settings UI.
 */
import type * as vscode from 'vscode';

export interface Choice {
  value: string;
  description: string;
}

interface SettingSchema {
  enum?: string[];
  enumDescriptions?: string[];
  default?: string;
}

export interface SettingChoices {
  platforms: Choice[];
  environments: Choice[];
  defaultPlatform: string;
  defaultEnvironment: string;
}

/** Short names for the status bar; the pickers show the full descriptions. */
const PLATFORM_LABELS: Record<string, string> = {
  auto: 'Auto',
  harvester: 'Harvester',
  openshift: 'OpenShift SNO',
  kubev: 'Kube-V',
  kubernetes: 'Kubernetes',
};

export function platformLabel(value: string): string {
  return PLATFORM_LABELS[value] ?? value;
}

export function readSettingChoices(extension: vscode.Extension<unknown>): SettingChoices {
  const manifest = extension.packageJSON as { contributes?: { configuration?: { properties?: Record<string, SettingSchema> } } };
  const properties = manifest.contributes?.configuration?.properties ?? {};
  const choices = (schema: SettingSchema | undefined): Choice[] =>
    (schema?.enum ?? []).map((value, i) => ({ value, description: schema?.enumDescriptions?.[i] ?? '' }));
  return {
    platforms: choices(properties['onenode.platform']),
    environments: choices(properties['onenode.environment']),
    defaultPlatform: properties['onenode.platform']?.default ?? 'auto',
    defaultEnvironment: properties['onenode.environment']?.default ?? 'test',
  };
}
