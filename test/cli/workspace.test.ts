/** The paths given to `onenode check` form one workspace: rules see the other files' objects. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type JsonReport } from '../helpers/run-cli';

const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n';
const deployment = (replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n`;
const defaultClass = (name: string) =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "1"\n`;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'onenode-ws-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function findings(paths: string[]): Promise<Record<string, string[]>> {
  const report = JSON.parse((await runCli(['check', ...paths, '--format', 'json'], dir)).stdout) as JsonReport;
  return Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => `${x.rule}@${x.range.start.line + 1}`)]));
}

describe('workspace-wide rules in the CLI', () => {
  it('flags a PDB by the replicas of a workload in another file, on the PDB', async () => {
    writeFileSync(join(dir, 'pdb.yaml'), PDB);
    writeFileSync(join(dir, 'web.yaml'), deployment(1));
    assert.deepEqual(await findings(['pdb.yaml', 'web.yaml']), { 'pdb.yaml': ['pdb-blocks-drain@6'], 'web.yaml': [] });
    writeFileSync(join(dir, 'web.yaml'), deployment(2));
    assert.deepEqual(await findings(['pdb.yaml', 'web.yaml']), { 'pdb.yaml': [], 'web.yaml': [] });
  });

  it('sees only the paths given', async () => {
    writeFileSync(join(dir, 'web.yaml'), deployment(1));
    assert.deepEqual(await findings(['pdb.yaml']), { 'pdb.yaml': [] });
  });

  it('reports each of two default StorageClasses in different files, naming the other file', async () => {
    writeFileSync(join(dir, 'a.yaml'), defaultClass('a'));
    writeFileSync(join(dir, 'b.yaml'), defaultClass('b'));
    const report = JSON.parse((await runCli(['check', 'a.yaml', 'b.yaml', '--format', 'json'], dir)).stdout) as JsonReport;
    const [a, b] = report.files;
    assert.equal(a.findings[0].rule, 'default-storageclass-conflict');
    assert.match(a.findings[0].message, /and so is b \(b\.yaml\)/);
    assert.match(b.findings[0].message, /and so is a \(a\.yaml\)/);
  });
});
