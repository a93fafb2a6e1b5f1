/** package.json's contributed settings and commands stay in step with the code. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENTS, PLATFORMS, RULES } from '../../server/src/engine';
import { REPO_ROOT } from '../helpers/paths';
import { ruleSettingsSchema } from '../../scripts/rule-docs';

interface Manifest {
  main: string;
  bin: Record<string, string>;
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    configuration: { properties: Record<string, { enum?: string[]; enumDescriptions?: string[]; scope?: string; properties?: Record<string, unknown>; markdownDescription?: string }> };
  };
}

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const props = manifest.contributes.configuration.properties;

describe('package.json', () => {
  it('offers a severity setting for exactly the registered rules, as npm run docs generates it', () => {
    assert.deepEqual(props['onenode.rules'].properties, ruleSettingsSchema(RULES), 'stale: run npm run docs');
  });

  it('lists the platforms and environments the engine knows, each with a description', () => {
    assert.deepEqual(props['onenode.platform'].enum, ['auto', ...PLATFORMS]);
    assert.deepEqual(props['onenode.environment'].enum, [...ENVIRONMENTS]);
    for (const key of ['onenode.platform', 'onenode.environment']) {
      assert.equal(props[key].enumDescriptions?.length, props[key].enum?.length);
    }
  });

  // A setting that names a program to run, or where credentials are read or written, is
  // machine-scoped: a workspace (a cloned repository) must not be able to set it.
  const NAMES_EXECUTABLE_OR_CREDENTIALS = /(Path|kubeconfig|Kubeconfig|Identity\w*|Token|Password|Secret|Credentials?|Directory)$/;

  it('scopes settings that name executables or credentials to the machine, every other setting per resource, and describes each', () => {
    for (const [key, value] of Object.entries(props)) {
      const expected = NAMES_EXECUTABLE_OR_CREDENTIALS.test(key.split('.').pop() ?? '') ? 'machine' : 'resource';
      assert.equal(value.scope, expected, key);
      assert.ok((value.markdownDescription ?? '').length > 20, key);
    }
    assert.deepEqual(
      Object.keys(props).filter((key) => props[key].scope === 'machine').sort(),
      ['onenode.deploy.assetDirectory', 'onenode.deploy.kubeconfig', 'onenode.deploy.kubevPath', 'onenode.deploy.openshiftInstallPath'],
    );
  });

  it('registers in the client every command it contributes, with the OneNode category', () => {
    const client = readFileSync(join(REPO_ROOT, 'client', 'src', 'extension.ts'), 'utf8');
    const registered = [...client.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), registered);
    for (const c of manifest.contributes.commands) assert.equal(c.category, 'OneNode');
  });

  it('bundles the client, exposes the CLI as onenode, and activates on YAML', () => {
    assert.equal(manifest.main, './dist/client.js');
    assert.equal(manifest.bin.onenode, 'dist/cli.js');
    assert.deepEqual(manifest.activationEvents, ['onLanguage:yaml']);
  });
});
