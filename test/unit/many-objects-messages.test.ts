/** Rules about other objects name a few of them and count the rest, however many there are. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/engine';
import { listSome } from '../../server/src/engine/list-text';
import { onlyRule } from '../helpers/options';

function defaultClass(name: string): string {
  return `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\nprovisioner: driver.longhorn.io\n`;
}

function deployment(name: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers: [{ name: c, image: nginx }]\n`;
}

describe('listSome', () => {
  it('lists up to four items whole and caps longer lists at three and a count', () => {
    assert.equal(listSome([]), '');
    assert.equal(listSome(['a', 'b', 'c', 'd']), 'a, b, c, d');
    assert.equal(listSome(['a', 'b', 'c', 'd', 'e']), 'a, b, c and 2 more');
  });
});

describe('messages about many other objects', () => {
  it('default-storageclass-conflict names three other defaults and counts the rest', () => {
    const text = Array.from({ length: 200 }, (_, i) => defaultClass(`sc-${i}`)).join('---\n');
    const findings = check(text, onlyRule('default-storageclass-conflict')).findings;
    assert.equal(findings.length, 200);
    assert.match(findings[0].message, /^StorageClass sc-0 is marked default, and so is sc-1, sc-2, sc-3 and 196 more: /);
    assert.ok(Math.max(...findings.map((f) => f.message.length)) < 300);
  });

  it('pdb-blocks-drain names three blocked workloads and counts the rest', () => {
    const pdb = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: { app: web }\n';
    const text = [pdb, ...Array.from({ length: 50 }, (_, i) => deployment(`web-${i}`))].join('---\n');
    const [finding, ...rest] = check(text, onlyRule('pdb-blocks-drain')).findings;
    assert.equal(rest.length, 0);
    assert.match(finding.message, /keeps every pod of Deployment web-0 \(replicas: 1\), Deployment web-1 \(replicas: 1\), Deployment web-2 \(replicas: 1\) and 47 more from being evicted/);
  });
});
