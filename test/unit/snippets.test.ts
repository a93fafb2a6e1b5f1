/** Every snippet, expanded with its defaults, is YAML that OneNode has nothing to say about. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../server/src/engine';
import { REPO_ROOT } from '../helpers/paths';

interface Snippet {
  prefix: string;
  body: string[];
}

/** Expands a snippet body as VS Code does when the user accepts every default. */
function expand(body: string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$\{\d+:((?:[^{}\\]|\\.|\{[^{}]*\})*)\}/g, (_m, text: string) => text.replace(/\\(.)/g, '$1'))
    .replace(/\$\d+/g, '');
}

const snippets = JSON.parse(readFileSync(join(REPO_ROOT, 'snippets', 'yaml.json'), 'utf8')) as Record<string, Snippet>;

describe('snippets', () => {
  it('has the single-node snippets the catalog promises', () => {
    assert.deepEqual(Object.values(snippets).map((s) => s.prefix).sort(), [
      'onenode-harvester-config',
      'onenode-kubevcluster',
      'onenode-kubevirt-vm',
      'onenode-longhorn-storageclass',
      'onenode-machineconfig-master',
      'onenode-sno-install-config',
    ]);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`${snippet.prefix} expands to YAML with no finding, in test and production`, () => {
      const text = expand(snippet.body);
      assert.doesNotMatch(text, /\$\{|\$\d/, 'all placeholders expanded');
      for (const environment of ['test', 'production'] as const) {
        const findings = check(text, { platform: 'auto', environment, rules: {} }).findings;
        assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), [], `${name} (${environment})`);
      }
    });
  }
});
