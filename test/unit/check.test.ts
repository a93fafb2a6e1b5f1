/** The engine entry point: never throws on input, applies settings, handles multi-document files. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check, fixAll, MAX_FILE_BYTES } from '../../server/src/engine';

const LONGHORN = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: x\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "3"\n';

describe('check', () => {
  it('turns syntax errors into findings and skips the other rules on that document only', () => {
    const text = `${LONGHORN}---\nkind: [oops\n---\n${LONGHORN}`;
    const findings = check(text).findings;
    assert.deepEqual(findings.map((f) => f.rule), ['longhorn-replica-count', 'yaml-syntax', 'longhorn-replica-count']);
    assert.equal(findings[1].severity, 'error');
  });

  it('never throws on odd input', () => {
    const inputs = ['', '---', '# only a comment\n', 'just a scalar', '- a\n- b\n', '\t\tkey: value', 'a: &x [*x]', '? complex\n: key\n', '{{ .Values.x }}', '\uFEFFa: 1', 'a:\r\n  b: 1\r\n', ':', '- - - -', '"unterminated', 'a: b: c'];
    for (const text of inputs) assert.doesNotThrow(() => check(text), JSON.stringify(text));
  });

  it('skips files that are binary or too large, with a reason', () => {
    assert.match(check('a: 1\u0000\u0001').skipped ?? '', /binary/);
    assert.match(check('a'.repeat(MAX_FILE_BYTES + 1)).skipped ?? '', /MB/);
  });

  it('applies severity overrides and off', () => {
    assert.equal(check(LONGHORN, { platform: 'auto', environment: 'test', rules: { 'longhorn-replica-count': 'error' } }).findings[0].severity, 'error');
    assert.deepEqual(check(LONGHORN, { platform: 'auto', environment: 'test', rules: { 'longhorn-replica-count': 'off' } }).findings, []);
  });

  it('runs only the rules of the chosen platform', () => {
    const mc = 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: a\n  labels:\n    machineconfiguration.openshift.io/role: worker\n';
    assert.equal(check(mc, { platform: 'openshift', environment: 'test', rules: {} }).findings.length, 1);
    assert.equal(check(mc, { platform: 'harvester', environment: 'test', rules: {} }).findings.length, 0);
  });

  it('reads YAML 1.1 like Kubernetes: yes is a boolean parameter', () => {
    const text = LONGHORN.replace('numberOfReplicas: "3"', 'numberOfReplicas: "1"\n  migratable: yes');
    assert.deepEqual(check(text).findings.map((f) => f.rule), ['storageclass-parameter-type']);
  });

  it('fixAll applies overlapping fixes over several passes and reports what it fixed', () => {
    const text = LONGHORN.replace('"3"', '3');
    const result = fixAll(text);
    assert.equal(result.text, LONGHORN.replace('"3"', '"1"'));
    assert.equal(result.fixed, 2);
    assert.deepEqual(result.remaining, []);
  });
});

describe('aliases and merge keys in StorageClass parameters', () => {
  it('reads an alias through to its value and offers no in-place quote', () => {
    const text = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: x\n  labels: {n: &n 3, one: &one "1"}\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: *one\n  staleReplicaTimeout: *n\n';
    // (The integer label is also a schema error: label values are strings.)
    const findings = check(text).findings.filter((f) => f.rule !== 'schema');
    assert.deepEqual(findings.map((f) => f.rule), ['storageclass-parameter-type']);
    assert.match(findings[0].message, /staleReplicaTimeout: \*n \(3\) is an integer/);
    assert.deepEqual(findings[0].fixes, []);
  });

  it('does not report a merge key as a parameter', () => {
    const text = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: x\nprovisioner: driver.longhorn.io\nparameters:\n  <<: {dataLocality: "best-effort"}\n  numberOfReplicas: "1"\n';
    assert.deepEqual(check(text).findings, []);
  });
});
