/** Longhorn, Harvester storage and KubeVirt rules beyond their fixtures: both forms of Longhorn's replica setting. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check, fixAll, RULES, type CheckOptions } from '../../server/src/engine';
import { parseReplicaSetting } from '../../server/src/engine/rules/longhorn-default-replica-count';
import { onlyRule } from '../helpers/options';

describe('parseReplicaSetting', () => {
  it('reads the plain form of Longhorn <= 1.9', () => {
    assert.deepEqual(parseReplicaSetting('3'), { tooMany: [{ engine: '', count: 3 }], fixed: '1' });
    assert.deepEqual(parseReplicaSetting(' 1 '), { tooMany: [], fixed: '1' });
  });

  it('reads the per-engine JSON form of Longhorn >= 1.10, with strings or numbers, and keeps other keys', () => {
    assert.deepEqual(parseReplicaSetting('{"v1":"3","v2":"3"}'), {
      tooMany: [{ engine: 'v1', count: 3 }, { engine: 'v2', count: 3 }],
      fixed: '{"v1":"1","v2":"1"}',
    });
    assert.deepEqual(parseReplicaSetting('{ "v1": 2, "v2": "1", "note": "x" }'), {
      tooMany: [{ engine: 'v1', count: 2 }],
      fixed: '{ "v1": 1, "v2": "1", "note": "x" }',
    });
  });

  it('gives up on values it cannot read', () => {
    for (const text of ['', 'three', '{"v1":', '["3"]', '{"v1":"3"', 'null']) assert.equal(parseReplicaSetting(text), undefined, text);
  });
});

describe('longhorn-default-replica-count fix', () => {
  const only: CheckOptions = {
    platform: 'auto',
    environment: 'test',
    rules: Object.fromEntries(RULES.map((r) => [r.id, r.id === 'longhorn-default-replica-count' ? r.severity : 'off'])),
  };
  const setting = (value: string) =>
    `apiVersion: longhorn.io/v1beta2\nkind: Setting\nmetadata:\n  name: default-replica-count\n  namespace: longhorn-system\nvalue: ${value}\n`;

  it('rewrites a plain JSON value as a quoted string when it must', () => {
    // A plain flow mapping is not a string at all; the value of a Setting must be one, so it is not read.
    assert.deepEqual(check(setting('{"v1":"3"}'), only).findings, []);
    assert.equal(fixAll(setting('"3" # was 3 on the old cluster'), only).text, setting('"1" # was 3 on the old cluster'));
  });

  it('does not rewrite a value that comes from an alias', () => {
    const text = 'apiVersion: longhorn.io/v1beta2\nkind: Setting\nmetadata:\n  name: default-replica-count\nx: &n "3"\nvalue: *n\n';
    const [finding] = check(text, only).findings;
    assert.ok(finding);
    assert.deepEqual(finding.fixes, []);
  });
});

describe('kubevirt-running-and-runstrategy', () => {
  it('reports running next to an empty runStrategy as deprecated, without a fix that would duplicate the key', () => {
    const text = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vm\nspec:\n  runStrategy:\n  running: true\n';
    const findings = check(text, onlyRule('kubevirt-running-and-runstrategy')).findings;
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /deprecated/);
    assert.deepEqual(findings[0].fixes, []);
  });
});
