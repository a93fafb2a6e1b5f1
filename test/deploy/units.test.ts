/**
 * Deploy's pure parts: the field diff of a plan, the apply order, readiness read from status,
 * what a selection of files is, the kubeconfig merge of a KUBECONFIG list, polling, and the
 * installer command line as it is shown.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffObjects } from '../../server/src/deploy/diff';
import { dependencyOrder } from '../../server/src/deploy/order';
import { deploymentProgress, machineConfigPoolProgress, virtualMachineProgress } from '../../server/src/deploy/readiness';
import { selectDeploy } from '../../server/src/deploy/selection';
import { parseDeployFiles } from '../../server/src/deploy/validate';
import { loadKubeconfig, selectContext } from '../../server/src/deploy/kube/kubeconfig';
import { pollUntil, type Clock } from '../../server/src/deploy/poll';
import { describeInvocation } from '../../server/src/deploy/installer/invocation';
import { documentToJson } from '../../server/src/deploy/manifests';
import { confirmed, type TerminalIo } from '../../server/src/deploy/terminal/io';
import { parseFile } from '../../server/src/engine';

describe('the diff of a plan', () => {
  const live = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', resourceVersion: '7', generation: 3, managedFields: [{ manager: 'a' }], labels: { app: 'web' }, annotations: { 'example.com/owner': 'ops' } },
    spec: { replicas: 3, template: { spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } } },
    status: { availableReplicas: 3 },
  };

  it('lists changed, added and removed fields, and ignores what the server maintains', () => {
    const planned = structuredClone(live);
    planned.metadata.resourceVersion = '8';
    planned.metadata.generation = 4;
    planned.metadata.managedFields = [{ manager: 'onenode' }];
    planned.status.availableReplicas = 1;
    planned.spec.replicas = 1;
    planned.spec.template.spec.containers[0].image = 'nginx:1.27';
    (planned.metadata.labels as Record<string, string>).tier = 'front';
    delete (planned.metadata.annotations as Record<string, string | undefined>)['example.com/owner'];
    assert.deepEqual(diffObjects(live, planned), [
      { path: 'metadata.labels.tier', kind: 'added', after: '"front"' },
      { path: 'metadata.annotations["example.com/owner"]', kind: 'removed', before: '"ops"' },
      { path: 'spec.replicas', kind: 'changed', before: '3', after: '1' },
      { path: 'spec.template.spec.containers[0].image', kind: 'changed', before: '"nginx:1.25"', after: '"nginx:1.27"' },
    ]);
    assert.deepEqual(diffObjects(live, { ...structuredClone(live), status: {} }), []);
  });

  it('never shows the values of a Secret', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { password: 'b2xk' } };
    assert.deepEqual(diffObjects(secret, { ...secret, data: { password: 'bmV3' } }), [{ path: 'data.password', kind: 'changed' }]);
  });

  it('reads YAML the way the API server does, but keeps timestamps as strings', () => {
    const [document] = parseFile('a: 2024-01-01\nb: yes\nc: 0644\nd: "1"\n').documents;
    assert.deepEqual(documentToJson(document.doc), { a: '2024-01-01', b: true, c: 420, d: '1' });
  });
});

describe('the apply order', () => {
  it('puts namespaces and CRDs first, custom resources after built-in kinds, and what reboots the node last', () => {
    const kinds = ['MachineConfig', 'Setting', 'Deployment', 'ConfigMap', 'CustomResourceDefinition', 'Namespace', 'MachineConfigPool', 'StorageClass', 'Service'];
    assert.deepEqual(dependencyOrder(kinds.map((kind) => ({ kind }))).map((o) => o.kind), ['Namespace', 'CustomResourceDefinition', 'ConfigMap', 'StorageClass', 'Service', 'Deployment', 'Setting', 'MachineConfigPool', 'MachineConfig']);
  });

  it('keeps the file order within a kind', () => {
    const objects = [{ kind: 'ConfigMap', name: 'b' }, { kind: 'Namespace', name: 'x' }, { kind: 'ConfigMap', name: 'a' }];
    assert.deepEqual(dependencyOrder(objects).map((o) => o.name), ['x', 'b', 'a']);
  });
});

describe('readiness from status', () => {
  const deployment = (status: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ metadata: { generation: 2 }, spec: { replicas: 2, ...extra }, status: { observedGeneration: 2, ...status } });

  it('follows a Deployment rollout as kubectl rollout status does', () => {
    assert.deepEqual(deploymentProgress({ metadata: { generation: 2 }, spec: {}, status: { observedGeneration: 1 } }), { state: 'progressing', message: 'waiting for the controller to see the new spec' });
    assert.equal(deploymentProgress(deployment({ updatedReplicas: 1, replicas: 2 })).message, '1 of 2 replicas updated');
    assert.equal(deploymentProgress(deployment({ updatedReplicas: 2, replicas: 3, availableReplicas: 2 })).message, '1 old replicas still terminating');
    assert.equal(deploymentProgress(deployment({ updatedReplicas: 2, replicas: 2, availableReplicas: 1 })).message, '1 of 2 updated replicas available');
    assert.deepEqual(deploymentProgress(deployment({ updatedReplicas: 2, replicas: 2, availableReplicas: 2 })), { state: 'ready', message: 'available (2/2 replicas)' });
    assert.equal(deploymentProgress(deployment({ conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-1" has timed out progressing.' }] })).state, 'failed');
    assert.equal(deploymentProgress(deployment({}, { paused: true })).state, 'held');
  });

  it('reads a VM as started, running, held or failed', () => {
    assert.equal(virtualMachineProgress({ spec: { runStrategy: 'Halted' } }).state, 'held');
    assert.equal(virtualMachineProgress({ spec: { running: false } }).state, 'held');
    assert.deepEqual(virtualMachineProgress({ spec: { runStrategy: 'Always' }, status: { printableStatus: 'Starting' } }), { state: 'progressing', message: 'status Starting' });
    assert.equal(virtualMachineProgress({ spec: { runStrategy: 'Always' }, status: { printableStatus: 'Running', ready: true } }).state, 'ready');
    assert.equal(virtualMachineProgress({ spec: { runStrategy: 'Always' }, status: { printableStatus: 'ErrorUnschedulable' } }).state, 'failed');
  });

  it('counts a MachineConfig rolled out only once its pool has rendered it and is updated', () => {
    const pool = (source: string[], updated: boolean, spec: Record<string, unknown> = {}) => ({
      metadata: { name: 'master', generation: 1 },
      spec,
      status: { observedGeneration: 1, configuration: { source: source.map((name) => ({ name })) }, conditions: [{ type: 'Updated', status: updated ? 'True' : 'False' }, { type: 'Updating', status: updated ? 'False' : 'True' }] },
    });
    // A pool still Updated from before has not seen the new MachineConfig.
    assert.equal(machineConfigPoolProgress(pool(['00-master'], true), '99-master-kdump').state, 'progressing');
    assert.equal(machineConfigPoolProgress(pool(['00-master', '99-master-kdump'], false), '99-master-kdump').state, 'progressing');
    assert.equal(machineConfigPoolProgress(pool(['00-master', '99-master-kdump'], true), '99-master-kdump').state, 'ready');
    assert.equal(machineConfigPoolProgress(pool([], true, { paused: true }), '99-master-kdump').state, 'held');
    const degraded = pool(['99-master-kdump'], false);
    degraded.status.conditions.push({ type: 'Degraded', status: 'True' });
    assert.equal(machineConfigPoolProgress(degraded, '99-master-kdump').state, 'failed');
  });
});

describe('what a selection of files is', () => {
  const select = (files: Record<string, string>) => selectDeploy(parseDeployFiles(Object.entries(files).map(([path, text]) => ({ path, text }))));

  it('manifests, with List items expanded', () => {
    const selection = select({ 'a.yaml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n' });
    assert.equal(selection.kind, 'manifests');
    assert.deepEqual(selection.kind === 'manifests' && selection.objects.map((o) => o.name), ['a', 'b']);
  });

  it('refuses templates, mixed kinds, objects without a name, and nothing at all', () => {
    assert.throws(() => select({ 't.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n' }), /is a template \(Helm or Go\): render it first/);
    assert.throws(() => select({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n', 'c.yaml': 'scheme_version: 1\ninstall:\n  mode: create\n' }), /the files hold Kubernetes manifests and a Harvester install config; deploy one kind at a time/);
    assert.throws(() => select({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: a-\n' }), /a\.yaml:1: ConfigMap has no metadata\.name \(generateName is not supported/);
    assert.throws(() => select({ 'e.yaml': '# nothing\n' }), /nothing to deploy in e\.yaml/);
  });

  it('an install-config with its agent-config, a KubeVCluster, a Harvester config', () => {
    assert.equal(select({ 'install-config.yaml': 'apiVersion: v1\nbaseDomain: example.com\ncontrolPlane: {replicas: 1}\n', 'agent-config.yaml': 'apiVersion: v1beta1\nkind: AgentConfig\nrendezvousIP: 10.0.0.1\n' }).kind, 'openshift-installer');
    assert.equal(select({ 'c.yaml': 'apiVersion: virtualization.k8c.io/v1alpha1\nkind: KubeVCluster\n' }).kind, 'kubev-installer');
    assert.equal(select({ 'h.yaml': 'scheme_version: 1\ninstall:\n  mode: create\n' }).kind, 'harvester-pxe');
  });
});

describe('kubeconfig', () => {
  it('merges a KUBECONFIG list as kubectl does: the first file to name something wins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'onenode-kubeconfig-'));
    try {
      const file = (name: string, server: string, current: string) =>
        `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: {server: ${server}}\n- name: ${name}\n  cluster: {server: ${server}}\nusers:\n- name: u\n  user: {token: t}\ncontexts:\n- name: ${name}\n  context: {cluster: ${name}, user: u, namespace: ${name}-ns}\n- name: shared\n  context: {cluster: c, user: u}\ncurrent-context: ${current}\n`;
      writeFileSync(join(dir, 'one'), file('one', 'https://one:6443', 'one'));
      writeFileSync(join(dir, 'two'), file('two', 'https://two:6443', 'two'));
      const loaded = loadKubeconfig(undefined, { KUBECONFIG: `${join(dir, 'one')}:${join(dir, 'missing')}:${join(dir, 'two')}` });
      assert.deepEqual(loaded.contexts.map((c) => [c.name, c.server]), [['one', 'https://one:6443'], ['shared', 'https://one:6443'], ['two', 'https://two:6443']]);
      assert.equal(loaded.current, 'one');
      assert.deepEqual(selectContext(loaded, 'two'), { context: 'two', server: 'https://two:6443', user: 'u', namespace: 'two-ns' });
      assert.equal(selectContext(loaded, 'shared', 'override').namespace, 'override');
      assert.throws(() => selectContext(loaded, 'three'), /no context "three" in .*one, .*two \(contexts: one, shared, two\)/);
      assert.throws(() => loadKubeconfig(join(dir, 'nope')), /kubeconfig .*nope: no such file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('polling', () => {
  it('asks again with a growing pause until the answer is final, or the time is up', async () => {
    let now = 0;
    const pauses: number[] = [];
    const clock: Clock = { now: () => now, sleep: (ms) => ((now += ms), pauses.push(ms), Promise.resolve()) };
    let calls = 0;
    const ready = await pollUntil(() => Promise.resolve(++calls < 4 ? { state: 'progressing', message: `try ${calls}` } : { state: 'ready', message: 'done' }), { timeoutMs: 10_000, clock });
    assert.deepEqual(ready, { state: 'ready', message: 'done', timedOut: false });
    assert.deepEqual(pauses, [250, 500, 1000]);
    const late = await pollUntil(() => Promise.resolve({ state: 'progressing', message: 'still' }), { timeoutMs: 1000, clock });
    assert.deepEqual(late, { state: 'progressing', message: 'still', timedOut: true });
  });
});

describe('the installer command line as shown', () => {
  it('quotes for reading, never for running', () => {
    assert.equal(describeInvocation({ executable: '/usr/bin/kubev', args: ['apply', '-f', "/tmp/a b/it's.yaml"], cwd: '/', assetDir: '/', files: [] }), "/usr/bin/kubev apply -f '/tmp/a b/it'\\''s.yaml'");
  });
});

describe('confirmation in a terminal', () => {
  function io(answer: boolean | undefined): TerminalIo & { errors: string[]; asked: string[] } {
    const errors: string[] = [];
    const asked: string[] = [];
    return {
      errors,
      asked,
      out: () => undefined,
      err: (text) => errors.push(text),
      confirm: (question) => {
        asked.push(question);
        return Promise.resolve(answer);
      },
      onInterrupt: () => () => undefined,
    };
  }

  it('takes --yes without asking, asks otherwise, and refuses when there is no terminal', async () => {
    const yes = io(false);
    assert.equal(await confirmed(yes, true, 'Apply?'), true);
    assert.deepEqual(yes.asked, []);
    const accepted = io(true);
    assert.equal(await confirmed(accepted, false, 'Apply 2 changes?'), true);
    assert.deepEqual(accepted.asked, ['Apply 2 changes?']);
    const declined = io(false);
    assert.equal(await confirmed(declined, false, 'Apply?'), false);
    assert.deepEqual(declined.errors, ['onenode deploy: not confirmed; nothing was done']);
    const noTerminal = io(undefined);
    assert.equal(await confirmed(noTerminal, false, 'Apply?'), false);
    assert.match(noTerminal.errors[0], /there is no terminal to ask in; pass --yes/);
  });
});
