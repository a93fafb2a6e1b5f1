/** What `--config` reads from a Harvester config or an agent-config, and how it copes with files it cannot read. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConfigExpectations } from '../../server/src/preflight/config-expectations';
import { REPO_ROOT } from '../helpers/paths';

/** A mapping whose values are 150 aliases of one anchor: over the 100 aliases `--config` expands. */
function manyAliases(): string {
  return ['base: &b { a: 1 }', 'refs:', ...Array.from({ length: 150 }, () => '  - *b')].join('\n');
}

describe('preflight --config expectations', () => {
  it('reads the install device and management interface of the shipped Harvester example', () => {
    const text = readFileSync(join(REPO_ROOT, 'examples', 'harvester-config.yaml'), 'utf8');
    const [expectations, ...rest] = readConfigExpectations(text, 'harvester-config.yaml');
    assert.equal(rest.length, 0);
    assert.equal(expectations.kind, 'harvester-config');
    assert.equal(expectations.installDevice, '/dev/nvme0n1');
    assert.deepEqual(expectations.interfaces, [{ name: 'eno1', mac: undefined }]);
    assert.deepEqual(expectations.problems, []);
  });

  it('gives one entry per agent-config host', () => {
    const text = [
      'apiVersion: v1beta1',
      'kind: AgentConfig',
      'metadata: { name: sno }',
      'rendezvousIP: 10.0.0.10',
      'hosts:',
      '  - hostname: a',
      '    rootDeviceHints: { deviceName: /dev/sda }',
      '    interfaces: [{ name: eno1, macAddress: "00:11:22:33:44:55" }]',
      '  - hostname: b',
    ].join('\n');
    const hosts = readConfigExpectations(text, 'agent-config.yaml');
    assert.deepEqual(
      hosts.map((h) => [h.source, h.installDevice]),
      [
        ['agent-config.yaml (a)', '/dev/sda'],
        ['agent-config.yaml (b)', undefined],
      ],
    );
  });

  it('does not expand documents that are not configs, so aliases there cannot make it throw', () => {
    assert.deepEqual(readConfigExpectations(`apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata:\n  ${manyAliases().replace(/\n/g, '\n  ')}\n`, 'cm.yaml'), []);
    assert.deepEqual(readConfigExpectations(manyAliases(), 'plain.yaml'), []);
  });

  it('reports a Harvester config it cannot expand instead of throwing', () => {
    const text = `scheme_version: 1\ninstall:\n  mode: create\n  device: /dev/sda\nos:\n  hostname: h\n${manyAliases()}\n`;
    const [expectations, ...rest] = readConfigExpectations(text, 'bomb.yaml');
    assert.equal(rest.length, 0);
    assert.equal(expectations.kind, 'harvester-config');
    assert.match(expectations.problems.join(), /^could not be read: .*alias/i);
  });
});
