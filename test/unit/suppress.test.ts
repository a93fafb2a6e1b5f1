/** Suppression comments and the "Disable <rule> for this line" edit. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, check, disableNextLineEdit, parseFile } from '../../server/src/engine';

const SC = (replicas: string, before = '') =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: x\nprovisioner: driver.longhorn.io\nparameters:\n${before}  numberOfReplicas: ${replicas}\n`;

describe('suppression comments', () => {
  it('disable-next-line silences the listed rules on the next line only', () => {
    const text = SC('3', '  # onenode-disable-next-line storageclass-parameter-type, longhorn-replica-count\n');
    assert.deepEqual(check(text).findings, []);
    const other = SC('3', '  # onenode-disable-next-line storageclass-parameter-type\n');
    assert.deepEqual(check(other).findings.map((f) => f.rule), ['longhorn-replica-count']);
  });

  it('disable-next-line with no rule list silences every rule', () => {
    assert.deepEqual(check(SC('3', '  # onenode-disable-next-line\n')).findings, []);
  });

  it('onenode-disable lasts to the end of its YAML document, not into the next one', () => {
    const doc = SC('"3"');
    const text = `# onenode-disable longhorn-replica-count\n${doc}---\n${doc}`;
    const findings = check(text).findings;
    assert.equal(findings.length, 1);
    // Line 0 is the directive, lines 1-7 the first document, 8 the separator, 15 the second numberOfReplicas.
    assert.equal(findings[0].range.start.line, 15);
  });

  it('does not treat yaml-language-server modelines as suppressions', () => {
    const text = `# yaml-language-server: $schema=https://example.com/x.json\n${SC('"3"')}`;
    assert.equal(check(text).findings.length, 1);
  });
});

describe('disableNextLineEdit', () => {
  it('inserts a comment with the line\'s indentation', () => {
    const text = SC('"3"');
    const edit = disableNextLineEdit(parseFile(text), 6, 'longhorn-replica-count');
    const out = applyEdits(text, [edit!]);
    assert.match(out, /\n {2}# onenode-disable-next-line longhorn-replica-count\n {2}numberOfReplicas: "3"\n/);
    assert.deepEqual(check(out).findings, []);
  });

  it('merges into an existing comment and keeps its reason', () => {
    const text = SC('3', '  # onenode-disable-next-line storageclass-parameter-type -- quoted by the chart\n');
    const edit = disableNextLineEdit(parseFile(text), 7, 'longhorn-replica-count');
    const out = applyEdits(text, [edit!]);
    assert.match(out, /\n {2}# onenode-disable-next-line storageclass-parameter-type, longhorn-replica-count -- quoted by the chart\n {2}numberOfReplicas: 3\n/);
    assert.deepEqual(check(out).findings, []);
  });

  it('offers nothing when the rule is already disabled there', () => {
    const text = SC('3', '  # onenode-disable-next-line longhorn-replica-count\n');
    assert.equal(disableNextLineEdit(parseFile(text), 7, 'longhorn-replica-count'), undefined);
  });

  it('keeps CRLF', () => {
    const text = SC('"3"').replace(/\n/g, '\r\n');
    const edit = disableNextLineEdit(parseFile(text), 6, 'longhorn-replica-count');
    assert.equal(edit!.newText, '  # onenode-disable-next-line longhorn-replica-count\r\n');
  });
});
