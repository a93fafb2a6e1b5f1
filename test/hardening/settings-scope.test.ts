/**
 * Settings that name a program to run, or where credentials are read or written, are
 * machine-scoped: a workspace (a cloned repository's .vscode/settings.json) cannot set them, so
 * opening a folder can never point OneNode at a program or a kubeconfig of the folder's choosing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

interface Setting {
  scope?: string;
  description?: string;
  markdownDescription?: string;
}

/** Whether a setting names an executable or a credential store, by its name or what it says it is. */
export function namesExecutableOrCredentials(name: string, setting: Setting): boolean {
  const words = `${name} ${setting.description ?? ''} ${setting.markdownDescription ?? ''}`;
  return /path|executable|program|installer|command|kubeconfig|credential|token|password|secret|identity|private key|certificate|ssh/i.test(words);
}

describe('settings that name executables or credentials are machine-scoped', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, Setting> } } };
  const settings = Object.entries(manifest.contributes.configuration.properties);

  it('recognises such settings by name and description', () => {
    assert.ok(namesExecutableOrCredentials('onenode.kubectlPath', {}));
    assert.ok(namesExecutableOrCredentials('onenode.x', { markdownDescription: 'The kubeconfig file to read' }));
    assert.ok(!namesExecutableOrCredentials('onenode.environment', { description: 'Whether the node is for testing or production.' }));
  });

  it('every one of them has scope "machine"', () => {
    const sensitive = settings.filter(([name, s]) => namesExecutableOrCredentials(name, s));
    const wrong = sensitive.filter(([, s]) => s.scope !== 'machine').map(([name, s]) => `${name}: ${s.scope ?? 'window (default)'}`);
    assert.deepEqual(wrong, []);
  });
});
