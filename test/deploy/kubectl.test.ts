/**
 * The test API server is a server the real kubectl accepts: `kubectl apply --server-side
 * --dry-run=server` and `kubectl get` run against it. And OneNode's plan says what kubectl says
 * for the same files: the same objects, the same conflicts and invalid objects, and the same
 * changed objects as `kubectl diff --server-side` with OneNode's field manager.
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/paths';
import { makeCertificates, seedPlatform, startCluster, type TestCluster } from './helpers/cluster';
import { dryRunApplied, kubectlBinaries, runKubectl, type Kubectl } from './helpers/kubectl';
import { runDeploy } from './helpers/run';
import type { DeployPlan } from '../../server/src/deploy/types';

const CLUSTER = join(FIXTURES, 'deploy', 'cluster');
const INVALID = join(FIXTURES, 'deploy', 'invalid');

let certificates: ReturnType<typeof makeCertificates>;
let binaries: Kubectl[];

before(() => {
  certificates = makeCertificates();
  binaries = kubectlBinaries();
});
after(() => certificates?.remove());

function planOf(stdout: string): DeployPlan {
  return (JSON.parse(stdout) as { plan: DeployPlan }).plan;
}

describe('kubectl against the test API server', () => {
  it('finds a kubectl to test with (install Debian\'s kubernetes-client, or set ONENODE_TEST_KUBECTL)', () => {
    assert.ok(binaries.length > 0, 'no kubectl on PATH and ONENODE_TEST_KUBECTL is not set: apt-get install kubernetes-client');
  });

  let cluster: TestCluster;
  beforeEach(async () => {
    cluster = await startCluster(certificates.certs, certificates.other.caCert);
    seedPlatform(cluster.api);
    // The namespace exists, so kubectl's dry run (which, like the server, knows no batch) checks every object.
    cluster.api.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'edge-apps' } });
  });
  afterEach(() => cluster?.stop());

  it('kubectl apply --server-side --dry-run=server plans the same objects as onenode deploy --dry-run, and changes nothing', async () => {
    for (const kubectl of binaries) {
      const out = await runKubectl(kubectl, ['apply', '--server-side', '--dry-run=server', '--field-manager=onenode', '-f', CLUSTER], cluster.kubeconfig);
      assert.equal(out.code, 0, `${kubectl.version}: ${out.stderr}`);
      const byKubectl = dryRunApplied(out.stdout).sort();
      assert.equal(byKubectl.length, 7, `${kubectl.version}: ${out.stdout}`);
      const ours = await runDeploy([CLUSTER, '--dry-run', '--format', 'json'], cluster.env);
      assert.equal(ours.code, 0, ours.stderr);
      const plan = planOf(ours.stdout);
      assert.deepEqual(plan.entries.map((e) => e.object.display).sort(), byKubectl, kubectl.version);
      // The namespace was there already; everything else is new.
      assert.deepEqual(plan.entries.filter((e) => e.action !== 'create' || e.problem || e.deferred).map((e) => [e.object.display, e.action]), [['namespace/edge-apps', 'unchanged']]);
    }
    assert.deepEqual(cluster.api.appliedPaths(), [], 'a dry run wrote something');
    assert.ok(cluster.api.requests.some((r) => r.method === 'PATCH' && r.query.dryRun === 'All' && r.query.fieldManager === 'onenode'));
  });

  it('kubectl and onenode report the same conflict with another field manager', async () => {
    cluster.api.seed({ apiVersion: 'longhorn.io/v1beta2', kind: 'Setting', metadata: { name: 'default-replica-count', namespace: 'longhorn-system' }, value: '3' }, { manager: 'longhorn-manager' });
    const ours = await runDeploy([CLUSTER, '--dry-run', '--format', 'json'], cluster.env);
    assert.equal(ours.code, 1);
    const conflicts = planOf(ours.stdout).entries.filter((e) => e.problem);
    assert.deepEqual(conflicts.map((e) => [e.object.display, e.problem?.reason, e.problem?.fields]), [['setting.longhorn.io/default-replica-count', 'Conflict', ['.value']]]);
    assert.match(conflicts[0].problem?.message ?? '', /managed by "longhorn-manager"/);
    for (const kubectl of binaries) {
      const out = await runKubectl(kubectl, ['apply', '--server-side', '--dry-run=server', '--field-manager=onenode', '-f', join(CLUSTER, 'settings.yaml')], cluster.kubeconfig);
      assert.notEqual(out.code, 0, kubectl.version);
      assert.match(out.stderr, /Apply failed with 1 conflict: conflict with "longhorn-manager" using longhorn\.io\/v1beta2: \.value/, kubectl.version);
      // The other object of the file is planned by both.
      assert.deepEqual(dryRunApplied(out.stdout), ['setting.harvesterhci.io/overcommit-config'], kubectl.version);
    }
  });

  it('kubectl and onenode report the same invalid object (422)', async () => {
    const ours = await runDeploy([INVALID, '--dry-run', '--format', 'json'], cluster.env);
    assert.equal(ours.code, 1, ours.stderr);
    const [entry] = planOf(ours.stdout).entries;
    assert.equal(entry.problem?.reason, 'Invalid');
    assert.deepEqual(entry.problem?.fields, ['spec.template.metadata.labels']);
    for (const kubectl of binaries) {
      const out = await runKubectl(kubectl, ['apply', '--server-side', '--dry-run=server', '--field-manager=onenode', '-f', INVALID], cluster.kubeconfig);
      assert.notEqual(out.code, 0, kubectl.version);
      // kubectl 1.20 rewords the Status from its details ("The Deployment "api" is invalid: …").
      assert.match(out.stderr, /Deployment(\.apps)? "api" is invalid: spec\.template\.metadata\.labels: Invalid value/, kubectl.version);
      assert.ok(entry.problem?.message.startsWith('Deployment.apps "api" is invalid: spec.template.metadata.labels: Invalid value'));
    }
  });

  it('after onenode deploy --yes, kubectl get lists every object, and kubectl diff agrees with the plan of a change', async () => {
    const applied = await runDeploy([CLUSTER, '--yes', '--timeout', '20'], cluster.env);
    assert.equal(applied.code, 0, applied.stderr);
    const changed = join(cluster.dir, 'changed');
    cpSync(CLUSTER, changed, { recursive: true });
    const app = join(changed, 'app.yaml');
    writeFileSync(app, readFileSync(app, 'utf8').replace('replicas: 1', 'replicas: 2').replace('nginx:1.27', 'nginx:1.28'));
    const ours = await runDeploy([changed, '--dry-run', '--format', 'json'], cluster.env);
    assert.equal(ours.code, 0, ours.stderr);
    const plan = planOf(ours.stdout);
    const updated = plan.entries.filter((e) => e.action === 'update');
    assert.deepEqual(updated.map((e) => e.object.display), ['deployment.apps/web']);
    assert.deepEqual(updated[0].changes.map((c) => `${c.path}: ${c.before} → ${c.after}`), ['spec.replicas: 1 → 2', 'spec.template.spec.containers[0].image: "nginx:1.27" → "nginx:1.28"']);
    assert.equal(plan.entries.filter((e) => e.action === 'unchanged').length, 6);

    for (const kubectl of binaries) {
      const get = await runKubectl(kubectl, ['get', '-f', CLUSTER], cluster.kubeconfig);
      assert.equal(get.code, 0, `${kubectl.version}: ${get.stderr}`);
      for (const name of ['edge-apps', 'web-config', 'longhorn-single', 'web', 'default-replica-count', 'overcommit-config', 'edge-gateway']) {
        assert.match(get.stdout, new RegExp(`^(\\S+/)?${name}\\s`, 'm'), `${kubectl.version}: ${name} missing from\n${get.stdout}`);
      }
      const diff = await runKubectl(kubectl, ['diff', '--server-side', '--field-manager=onenode', '-f', changed], cluster.kubeconfig);
      assert.equal(diff.code, 1, `${kubectl.version}: kubectl diff exits 1 when something changes: ${diff.stderr}`);
      const objects = [...diff.stdout.matchAll(/^diff -u -N \S+\/(\S+) \S+$/gm)].map((m) => m[1]);
      assert.deepEqual(objects, ['apps.v1.Deployment.edge-apps.web'], `${kubectl.version}: kubectl diff found other changes:\n${diff.stdout}`);
      assert.match(diff.stdout, /^- {2}replicas: 1$/m);
      assert.match(diff.stdout, /^\+ {2}replicas: 2$/m);
      assert.match(diff.stdout, /^\+\s+image: nginx:1\.28$/m);
    }
    assert.deepEqual(cluster.api.appliedPaths().length, 7, 'only onenode deploy --yes applied; kubectl diff and the dry run did not');
  });

  it('kubectl get reports an object that does not exist as NotFound, as onenode plans it as create', async () => {
    for (const kubectl of binaries) {
      const get = await runKubectl(kubectl, ['get', '-f', join(CLUSTER, 'vm.yaml')], cluster.kubeconfig);
      assert.notEqual(get.code, 0);
      assert.match(get.stderr, /NotFound|not found/, kubectl.version);
    }
  });
});
