/** Settings validation: bad values fall back to defaults with a message, never an exception. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeOptions, optionsKey } from '../../server/src/engine';

describe('normalizeOptions', () => {
  it('accepts valid settings', () => {
    const { options, problems } = normalizeOptions({ platform: 'harvester', environment: 'production', rules: { 'longhorn-replica-count': 'off' } });
    assert.deepEqual(options, { platform: 'harvester', environment: 'production', rules: { 'longhorn-replica-count': 'off' } });
    assert.deepEqual(problems, []);
  });

  it('falls back to defaults and explains each problem', () => {
    const { options, problems } = normalizeOptions({ platform: 'mars', environment: 3, rules: { nope: 'off', 'ingress-replicas': 'loud' } });
    assert.deepEqual(options, { platform: 'auto', environment: 'test', rules: {} });
    assert.equal(problems.length, 4);
    assert.match(problems.join('\n'), /platform "mars"/);
    assert.match(problems.join('\n'), /unknown rule id "nope"/);
  });

  it('treats missing or non-object input as defaults', () => {
    for (const raw of [undefined, null, 'x', 42]) assert.deepEqual(normalizeOptions(raw).options, { platform: 'auto', environment: 'test', rules: {} });
  });

  it('gives equal keys for equal settings in any key order', () => {
    const a = normalizeOptions({ rules: { 'ingress-replicas': 'off', 'longhorn-replica-count': 'error' } }).options;
    const b = normalizeOptions({ rules: { 'longhorn-replica-count': 'error', 'ingress-replicas': 'off' } }).options;
    assert.equal(optionsKey(a), optionsKey(b));
  });
});
