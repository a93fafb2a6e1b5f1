/**
 * `onenode deploy` end to end against the test API server: plan, apply in dependency order,
 * unchanged on re-apply, conflicts, refusals, credentials (token, exec plugin, client
 * certificate), failures (401, 403, unreachable, untrusted TLS, part-way), CRDs in the same
 * deploy, readiness and its timeout, and the single-node warnings of a MachineConfig.
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/paths';
import { ADMIN_TOKEN, EXEC_TOKEN, makeCertificates, seedPlatform, startCluster, type TestCluster } from './helpers/cluster';
import { runDeploy } from './helpers/run';
import type { DeployPlan, DeployReport } from '../../server/src/deploy/types';

const DEPLOY = join(FIXTURES, 'deploy');
const CLUSTER = join(DEPLOY, 'cluster');

let certificates: ReturnType<typeof makeCertificates>;
before(() => (certificates = makeCertificates()));
after(() => certificates?.remove());

let cluster: TestCluster;
beforeEach(async () => {
  cluster = await startCluster(certificates.certs, certificates.other.caCert);
  seedPlatform(cluster.api);
});
afterEach(() => cluster?.stop());

interface JsonOutput {
  plan: DeployPlan;
  report?: DeployReport;
  note?: string;
}

function json(stdout: string): JsonOutput {
  return JSON.parse(stdout) as JsonOutput;
}

/** "resource/name" of each real (not dry-run) apply, in order. */
function appliedResources(cluster: TestCluster): string[] {
  return cluster.api.appliedPaths().map((p) => p.split('/').slice(-2).join('/'));
}

describe('onenode deploy --dry-run', () => {
  it('plans every object with a server dry run: create, with the namespace made first, and writes nothing', async () => {
    const run = await runDeploy([CLUSTER, '--dry-run'], cluster.env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Plan for context "edge" \(https:\/\/127\.0\.0\.1:\d+\), user "edge-user", from a server-side dry run \(field manager onenode\):$/m);
    assert.match(run.stdout, /^ {2}create {5}namespace\/edge-apps\s+test\/fixtures\/deploy\/cluster\/namespace\.yaml:2$/m);
    assert.match(run.stdout, /^ {2}create {5}deployment\.apps\/web -n edge-apps\s+test\/fixtures\/deploy\/cluster\/app\.yaml:9$/m);
    assert.match(run.stdout, /\(its namespace edge-apps is created first by this deploy; the server checks this object then\)/);
    assert.match(run.stdout, /^7 to create, 0 to update, 0 unchanged\.$/m);
    assert.match(run.stdout, /^Dry run: nothing was applied\.$/m);
    assert.deepEqual(cluster.api.appliedPaths(), []);
    const patches = cluster.api.requests.filter((r) => r.method === 'PATCH');
    assert.ok(patches.length > 0);
    for (const p of patches) {
      assert.equal(p.query.dryRun, 'All');
      assert.equal(p.query.fieldManager, 'onenode');
      assert.equal(p.contentType, 'application/apply-patch+yaml');
    }
  });

  it('shows the changed fields of an update, and unchanged objects as unchanged', async () => {
    cluster.api.seed({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'longhorn-single' }, provisioner: 'driver.longhorn.io', allowVolumeExpansion: true, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', parameters: { numberOfReplicas: '1', staleReplicaTimeout: '30', dataLocality: 'best-effort' } });
    assert.equal((await runDeploy([CLUSTER, '--yes', '--no-wait'], cluster.env)).code, 0);
    const copy = join(cluster.dir, 'files');
    cpSync(CLUSTER, copy, { recursive: true });
    writeFileSync(join(copy, 'app.yaml'), readFileSync(join(copy, 'app.yaml'), 'utf8').replace('hello from one node', 'hello again').replace('    app: web\nspec:', '    app: web\n    tier: front\nspec:'));
    const run = await runDeploy([copy, '--dry-run', '--format', 'json'], cluster.env);
    assert.equal(run.code, 0, run.stderr);
    const { plan } = json(run.stdout);
    const actions = Object.fromEntries(plan.entries.map((e) => [e.object.display, e.action]));
    assert.deepEqual(actions, {
      'namespace/edge-apps': 'unchanged',
      'configmap/web-config': 'update',
      'storageclass.storage.k8s.io/longhorn-single': 'unchanged',
      'deployment.apps/web': 'update',
      'setting.longhorn.io/default-replica-count': 'unchanged',
      'setting.harvesterhci.io/overcommit-config': 'unchanged',
      'virtualmachine.kubevirt.io/edge-gateway': 'unchanged',
    });
    const changes = (name: string) => plan.entries.find((e) => e.object.display === name)?.changes;
    assert.deepEqual(changes('configmap/web-config'), [{ path: 'data.GREETING', kind: 'changed', before: '"hello from one node"', after: '"hello again"' }]);
    assert.deepEqual(changes('deployment.apps/web'), [{ path: 'metadata.labels.tier', kind: 'added', after: '"front"' }]);
  });

  it('prints the plan as JSON with --format json', async () => {
    const run = await runDeploy([join(CLUSTER, 'storage.yaml'), '--dry-run', '--format', 'json'], cluster.env);
    assert.equal(run.code, 0, run.stderr);
    const out = json(run.stdout);
    assert.equal(out.note, 'dry run: nothing was applied');
    assert.equal(out.plan.target.context, 'edge');
    assert.deepEqual(out.plan.entries.map((e) => [e.object.display, e.action, e.object.source.line]), [['storageclass.storage.k8s.io/longhorn-single', 'create', 2]]);
  });
});

describe('onenode deploy --yes', () => {
  it('applies in dependency order with field manager onenode, waits for readiness, and reports each object', async () => {
    const run = await runDeploy([CLUSTER, '--yes', '--timeout', '20'], cluster.env);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.deepEqual(appliedResources(cluster), [
      'namespaces/edge-apps',
      'configmaps/web-config',
      'storageclasses/longhorn-single',
      'deployments/web',
      'settings/default-replica-count',
      'settings/overcommit-config',
      'virtualmachines/edge-gateway',
    ]);
    assert.match(run.stdout, /^ {2}created {4}deployment\.apps\/web -n edge-apps$/m);
    assert.match(run.stdout, /^ {2}deployment\.apps\/web -n edge-apps\s+ready: available \(1\/1 replicas\)$/m);
    assert.match(run.stdout, /^ {2}virtualmachine\.kubevirt\.io\/edge-gateway -n edge-apps\s+ready: running and ready$/m);
    assert.match(run.stdout, /^ {2}setting\.longhorn\.io\/default-replica-count -n longhorn-system\s+not checked: no readiness check for Setting$/m);
    assert.match(run.stdout, /^7 applied \(7 created, 0 updated, 0 unchanged\), 3 ready\.$/m);
    // Progress on standard error, as each object is applied.
    assert.match(run.stderr, /^\[4\/7\] deployment\.apps\/web created$/m);
    const deployment = cluster.api.object('apps/v1', 'Deployment', 'web', 'edge-apps');
    const managers = (deployment?.metadata as { managedFields: { manager: string; operation: string }[] }).managedFields;
    assert.deepEqual(managers.map((m) => [m.manager, m.operation]), [['onenode', 'Apply']]);
  });

  it('changes nothing when applied again: the plan is all unchanged and nothing is written', async () => {
    assert.equal((await runDeploy([CLUSTER, '--yes', '--timeout', '20'], cluster.env)).code, 0);
    const writes = cluster.api.appliedPaths().length;
    const again = await runDeploy([CLUSTER, '--yes'], cluster.env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^0 to create, 0 to update, 7 unchanged\.$/m);
    assert.match(again.stdout, /^Nothing to change: the cluster already matches the files\.$/m);
    assert.equal(cluster.api.appliedPaths().length, writes);
  });

  it('reads the kubeconfig named by --kubeconfig and picks the context named by --context', async () => {
    const env = { ...cluster.env, KUBECONFIG: '' };
    const run = await runDeploy([join(CLUSTER, 'namespace.yaml'), '--kubeconfig', cluster.kubeconfig, '--context', 'cert', '--yes'], env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /context "cert"/);
    assert.deepEqual(cluster.api.requests.filter((r) => r.method === 'PATCH').map((r) => r.user), ['cert-admin', 'cert-admin']);
  });

  it('gets its token from an exec credential plugin, and never prints it', async () => {
    const run = await runDeploy([CLUSTER, '--context', 'exec', '--yes', '--no-wait'], cluster.env);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(cluster.api.requests.filter((r) => r.method === 'PATCH').every((r) => r.user === 'exec-admin'));
    for (const text of [run.stdout, run.stderr]) {
      assert.ok(!text.includes(EXEC_TOKEN) && !text.includes(ADMIN_TOKEN), 'a token reached the output');
    }
  });

  it('refuses to apply without --yes when there is no terminal to ask in', async () => {
    const run = await runDeploy([CLUSTER], cluster.env);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /not confirmed: there is no terminal to ask in; pass --yes to confirm/);
    assert.deepEqual(cluster.api.appliedPaths(), []);
  });
});

describe('onenode deploy refusals and failures', () => {
  it('refuses files with error findings before talking to the cluster, unless --force', async () => {
    const refused = await runDeploy([join(DEPLOY, 'refused'), '--yes'], cluster.env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /bad-kernel-type\.yaml:8:15 error kernelType: rt .*\[machineconfig-kernel-type\]/);
    assert.match(refused.stderr, /refusing to deploy: 1 error finding \(fix it, or deploy anyway with --force\)/);
    assert.equal(cluster.api.requests.length, 0, 'the cluster was contacted');
    const forced = await runDeploy([join(DEPLOY, 'refused'), '--dry-run', '--force'], cluster.env);
    assert.match(forced.stderr, /deploying despite 1 error finding \(--force\)/);
    assert.ok(cluster.api.requests.length > 0);
  });

  it('stops at a conflict with another field manager, and takes the field over with --force-conflicts', async () => {
    cluster.api.seed({ apiVersion: 'longhorn.io/v1beta2', kind: 'Setting', metadata: { name: 'default-replica-count', namespace: 'longhorn-system' }, value: '3' }, { manager: 'longhorn-manager' });
    const refused = await runDeploy([CLUSTER, '--yes'], cluster.env);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /^ {2}CONFLICT {3}setting\.longhorn\.io\/default-replica-count -n longhorn-system/m);
    assert.match(refused.stdout, /another field manager owns \.value \(managed by "longhorn-manager"\): take the fields over with --force-conflicts/);
    assert.match(refused.stderr, /not applied: 1 object in the plan cannot be applied as it stands/);
    assert.deepEqual(cluster.api.appliedPaths(), []);

    const forced = await runDeploy([CLUSTER, '--yes', '--force-conflicts', '--no-wait'], cluster.env);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stdout, /~ value: "3" → "1"/);
    const setting = cluster.api.object('longhorn.io/v1beta2', 'Setting', 'default-replica-count', 'longhorn-system');
    assert.equal(setting?.value, '1');
    assert.deepEqual((setting?.metadata as { managedFields: { manager: string }[] }).managedFields.map((m) => m.manager), ['onenode']);
  });

  it('explains a StorageClass the server will not change in place', async () => {
    cluster.api.seed({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'longhorn-single' }, provisioner: 'driver.longhorn.io', allowVolumeExpansion: true, reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', parameters: { numberOfReplicas: '3', staleReplicaTimeout: '30', dataLocality: 'best-effort' } }, { manager: 'onenode' });
    const run = await runDeploy([join(CLUSTER, 'storage.yaml'), '--dry-run', '--force-conflicts'], cluster.env);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /INVALID {4}storageclass\.storage\.k8s\.io\/longhorn-single/);
    assert.match(run.stdout, /StorageClass\.storage\.k8s\.io "longhorn-single" is invalid: parameters: Forbidden: updates to parameters are forbidden\. \(a StorageClass cannot change in place: delete it and deploy it again/);
  });

  it('says when the credentials are rejected (401), and exits 2', async () => {
    const run = await runDeploy([CLUSTER, '--context', 'stranger', '--dry-run'], cluster.env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /rejected the credentials of user "stranger-user" \(context "stranger"\): 401 Unauthorized/);
    assert.ok(!run.stderr.includes('not-a-known-token'));
  });

  it('reports what the user may not do (403) per object, and applies nothing', async () => {
    const run = await runDeploy([CLUSTER, '--context', 'viewer', '--yes'], cluster.env);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /FORBIDDEN {2}deployment\.apps\/web -n edge-apps/);
    assert.match(run.stdout, /deployments\.apps "web" is forbidden: User "viewer" cannot patch resource "deployments" in API group "apps" in the namespace "edge-apps"/);
    assert.deepEqual(cluster.api.appliedPaths(), []);
  });

  it('says when the API server cannot be reached, and when its certificate is not trusted', async () => {
    const down = await runDeploy([CLUSTER, '--context', 'down', '--dry-run'], cluster.env);
    assert.equal(down.code, 2);
    assert.match(down.stderr, /cannot reach the API server at https:\/\/127\.0\.0\.1:\d+ \(context "down"\): connection refused/);
    const untrusted = await runDeploy([CLUSTER, '--context', 'untrusted', '--dry-run'], cluster.env);
    assert.equal(untrusted.code, 2);
    assert.match(untrusted.stderr, /presented a certificate the kubeconfig does not trust/);
  });

  it('says which context is missing, and when there is no kubeconfig', async () => {
    const unknown = await runDeploy([CLUSTER, '--context', 'nowhere', '--dry-run'], cluster.env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no context "nowhere" in .*kubeconfig \(contexts: edge, exec, cert, viewer, stranger, down, untrusted\)/);
    const none = await runDeploy([CLUSTER, '--dry-run'], { ...cluster.env, KUBECONFIG: '' });
    assert.equal(none.code, 2);
    assert.match(none.stderr, /no kubeconfig: .*\.kube\/config does not exist and KUBECONFIG is not set/);
  });

  it('says when the exec credential plugin fails, and contacts nothing', async () => {
    const kubeconfig = join(cluster.dir, 'failing-plugin');
    writeFileSync(
      kubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'c', cluster: { server: cluster.api.url, 'certificate-authority': cluster.certs.caCert } }],
        users: [{ name: 'u', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: process.execPath, args: ['-e', 'process.stderr.write("login expired"); process.exit(1)'], interactiveMode: 'Never' } } }],
        contexts: [{ name: 'sso', context: { cluster: 'c', user: 'u' } }],
        'current-context': 'sso',
      }),
    );
    const run = await runDeploy([CLUSTER, '--kubeconfig', kubeconfig, '--dry-run'], cluster.env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /context "sso" \(user "u"\): the connection could not be prepared: .*login expired/);
    assert.equal(cluster.api.requests.length, 0);
  });

  it('reports a failure part-way: what was applied, what failed, what was not applied', async () => {
    cluster.api.injectFault({ method: 'PATCH', path: /\/deployments\/web$/, dryRun: false, status: 500, reason: 'InternalError', message: 'etcdserver: request timed out' });
    const run = await runDeploy([CLUSTER, '--yes', '--format', 'json'], cluster.env);
    assert.equal(run.code, 1, run.stderr);
    const report = json(run.stdout).report;
    assert.ok(report);
    assert.deepEqual(report.applied.map((a) => [a.object.display, a.outcome]), [
      ['namespace/edge-apps', 'created'],
      ['configmap/web-config', 'created'],
      ['storageclass.storage.k8s.io/longhorn-single', 'created'],
    ]);
    assert.equal(report.failed?.object.display, 'deployment.apps/web');
    assert.match(report.failed?.message ?? '', /500 InternalError: etcdserver: request timed out/);
    assert.deepEqual(report.notApplied.map((o) => o.display), ['setting.longhorn.io/default-replica-count', 'setting.harvesterhci.io/overcommit-config', 'virtualmachine.kubevirt.io/edge-gateway']);
    assert.equal(report.waited, false);
    assert.equal(cluster.api.object('kubevirt.io/v1', 'VirtualMachine', 'edge-gateway', 'edge-apps'), undefined);

    const text = await runDeploy([CLUSTER, '--yes', '--no-wait'], cluster.env);
    assert.equal(text.code, 0, 'the next deploy finishes the job');
    assert.match(text.stdout, /^ {2}unchanged {2}configmap\/web-config -n edge-apps$/m);
    assert.match(text.stdout, /^ {2}created {4}virtualmachine\.kubevirt\.io\/edge-gateway -n edge-apps$/m);
  });

  it('prints the failure part-way as text too', async () => {
    cluster.api.injectFault({ method: 'PATCH', path: /\/virtualmachines\/edge-gateway$/, dryRun: false, status: 403, reason: 'Forbidden', message: 'admission webhook "virtualmachine-validator.kubevirt.io" denied the request' });
    const run = await runDeploy([CLUSTER, '--yes'], cluster.env);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^ {2}FAILED {5}virtualmachine\.kubevirt\.io\/edge-gateway -n edge-apps: admission webhook "virtualmachine-validator\.kubevirt\.io" denied the request$/m);
    assert.match(run.stdout, /^6 applied \(6 created, 0 updated, 0 unchanged\), 1 failed, 0 not applied\.$/m);
  });

  it('says which object did not become ready in time', async () => {
    cluster.api.setReadyAfter('apps', 'Deployment', 'web', 'edge-apps', 'never');
    const run = await runDeploy([join(CLUSTER, 'namespace.yaml'), join(CLUSTER, 'app.yaml'), '--yes', '--timeout', '1'], cluster.env);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^ {2}deployment\.apps\/web -n edge-apps\s+NOT READY: not ready within 1 s: 0 of 1 replicas updated$/m);
    assert.match(run.stdout, /, 1 ready, 1 not ready\.$/m);
  });
});

describe('onenode deploy with CRDs and MachineConfigs', () => {
  it('creates a CustomResourceDefinition before the objects of its kind, in one deploy', async () => {
    const plan = await runDeploy([join(DEPLOY, 'crd'), '--dry-run'], cluster.env);
    assert.equal(plan.code, 0, plan.stderr);
    assert.match(plan.stdout, /create {5}customresourcedefinition\.apiextensions\.k8s\.io\/backuptargets\.edge\.example\.com[\s\S]*create {5}backuptarget\.edge\.example\.com\/nas/);
    assert.match(plan.stdout, /\(its CustomResourceDefinition backuptargets\.edge\.example\.com is created first by this deploy; the server checks this object then\)/);
    const run = await runDeploy([join(DEPLOY, 'crd'), '--yes'], cluster.env);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.deepEqual(appliedResources(cluster), ['customresourcedefinitions/backuptargets.edge.example.com', 'backuptargets/nas']);
    assert.equal((cluster.api.object('edge.example.com/v1', 'BackupTarget', 'nas')?.spec as { url: string }).url, 'nfs://192.168.1.5/backups');
  });

  it('refuses a kind the cluster does not serve', async () => {
    const run = await runDeploy([join(DEPLOY, 'crd', 'backup-target.yaml'), '--dry-run'], cluster.env);
    assert.equal(run.code, 0, 'the CRD is in the same file');
    const only = join(cluster.dir, 'only-cr.yaml');
    writeFileSync(only, readFileSync(join(DEPLOY, 'crd', 'backup-target.yaml'), 'utf8').split('---')[0]);
    const refused = await runDeploy([only, '--dry-run'], cluster.env);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, /UNKNOWNKIND backuptarget\.edge\.example\.com\/nas[\s\S]*the cluster does not serve BackupTarget in edge\.example\.com\/v1: install its CustomResourceDefinition/);
  });

  it('warns that a MachineConfig reboots the only node, and waits until its pool has rolled it out', async () => {
    cluster.api.seed({ apiVersion: 'machineconfiguration.openshift.io/v1', kind: 'MachineConfigPool', metadata: { name: 'master' }, spec: {} }, { manager: 'machine-config-operator' });
    const run = await runDeploy([join(DEPLOY, 'machineconfig'), '--yes', '--timeout', '20'], cluster.env);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /^On a single node:\n {2}! machineconfig\.machineconfiguration\.openshift\.io\/99-master-kdump: rolling it out reboots the only node \(kernelArguments\); the API server and every workload are down until the node is back/m);
    assert.match(run.stdout, /99-master-kdump\s+ready: rolled out \(pool master updated\)/);
    assert.match(run.stderr, /99-master-kdump: waiting for the pool to render the MachineConfig/);
  });

  it('warns that a running VM takes template changes only on a restart, with no node to migrate to', async () => {
    assert.equal((await runDeploy([join(CLUSTER, 'namespace.yaml'), join(CLUSTER, 'vm.yaml'), '--yes', '--timeout', '20'], cluster.env)).code, 0);
    const vm = join(cluster.dir, 'vm.yaml');
    writeFileSync(vm, readFileSync(join(CLUSTER, 'vm.yaml'), 'utf8').replace('cores: 2', 'cores: 4'));
    const run = await runDeploy([vm, '--dry-run'], cluster.env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /~ spec\.template\.spec\.domain\.cpu\.cores: 2 → 4/);
    assert.match(run.stdout, /! virtualmachine\.kubevirt\.io\/edge-gateway -n edge-apps: the running VM picks up the template changes only when it restarts, and with one node there is no live migration/);
  });

  it('warns that unpausing the pool rolls out what it held back, rebooting the node', async () => {
    cluster.api.seed({ apiVersion: 'machineconfiguration.openshift.io/v1', kind: 'MachineConfigPool', metadata: { name: 'master' }, spec: { paused: true } }, { manager: 'onenode' });
    const pool = join(cluster.dir, 'pool.yaml');
    writeFileSync(pool, 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfigPool\nmetadata:\n  name: master\nspec:\n  paused: false\n');
    const run = await runDeploy([pool, '--dry-run'], cluster.env);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /~ spec\.paused: true → false/);
    assert.match(run.stdout, /! machineconfigpool\.machineconfiguration\.openshift\.io\/master: unpausing the pool rolls out every MachineConfig held back, which reboots the only node now\./);
  });

  it('warns that a paused pool holds the MachineConfig back, and does not wait for it', async () => {
    cluster.api.seed({ apiVersion: 'machineconfiguration.openshift.io/v1', kind: 'MachineConfigPool', metadata: { name: 'master' }, spec: { paused: true } }, { manager: 'machine-config-operator' });
    const run = await runDeploy([join(DEPLOY, 'machineconfig'), '--yes', '--timeout', '20'], cluster.env);
    assert.equal(run.code, 0, run.stderr + run.stdout);
    assert.match(run.stdout, /! machineconfig\.machineconfiguration\.openshift\.io\/99-master-kdump: the "master" pool is paused, so the change is stored but not rolled out; the node reboots when the pool is unpaused\./);
    assert.match(run.stdout, /99-master-kdump\s+not checked: the pool is paused: nothing is rolled out until it is unpaused/);
  });
});
