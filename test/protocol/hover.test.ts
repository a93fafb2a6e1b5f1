// Protocol: hovers on findings and on hardware keys (Harvester install, install-config, KubeVirt VM), the environment setting, and null hovers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-protocol';
import type { TestLspClient } from '../helpers/lsp-client';
import {
  docUri,
  hoverMarkdown,
  messageOf,
  positionOf,
  protocolFixture,
  pull,
  ruleFixture,
  serverFailures,
  startClient,
  withTimeout,
} from './support';

const LONGHORN = protocolFixture('longhorn-three.yaml');
const HARVESTER = ruleFixture('harvester-replica-count', 'fires-three.yaml');
const INSTALL_CONFIG = ruleFixture('sno-control-plane-replicas', 'fires.yaml');
const VM = [
  'apiVersion: kubevirt.io/v1',
  'kind: VirtualMachine',
  'metadata:',
  '  name: edge-vm',
  'spec:',
  '  runStrategy: Always',
  '  template:',
  '    spec:',
  '      evictionStrategy: None',
  '      domain:',
  '        cpu:',
  '          cores: 2',
  '          sockets: 2',
  '          threads: 1',
  '        memory:',
  '          guest: 8Gi',
  '        devices: {}',
  '',
].join('\n');

/** `| label | test | production |` as the requirement tables write a row. */
function row(label: string, test: string, production: string): string {
  return `| ${label} | ${test} | ${production} |`;
}

describe('hover', { timeout: 60_000 }, () => {
  let client: TestLspClient;

  before(async () => {
    client = await startClient({ pull: true });
  });

  after(async () => {
    await client.stop();
  });

  async function hoverAt(uri: string, position: Position): Promise<string> {
    return hoverMarkdown(await withTimeout(client.hover(uri, position.line, position.character), 'hover'));
  }

  it('on a flagged value shows the rule id and the finding\'s message', async () => {
    const uri = docUri('flagged.yaml');
    await client.open(uri, LONGHORN);
    const [diagnostic] = await pull(client, uri);
    const markdown = await hoverAt(uri, positionOf(LONGHORN, '"3"', 0, 1));
    assert.ok(markdown.includes('`longhorn-replica-count`'), markdown);
    assert.ok(markdown.includes(messageOf(diagnostic)), markdown);
    assert.ok(markdown.includes('docs/rules/longhorn-replica-count.md'), 'links the rule doc');
    await client.close(uri);
  });

  it('on Harvester install.device shows the disk requirements for test and production', async () => {
    const uri = docUri('harvester.yaml');
    await client.open(uri, HARVESTER);
    const onKey = await hoverAt(uri, positionOf(HARVESTER, 'device:', 0, 2));
    assert.ok(onKey.includes('**Harvester**'), onKey);
    assert.ok(onKey.includes(row('**Install disk**', '250 GB', '500 GB')), onKey);
    assert.ok(onKey.includes('Production'), onKey);
    assert.ok(onKey.includes('**Test** (selected)'), 'the default environment is test');
    const onValue = await hoverAt(uri, positionOf(HARVESTER, '/dev/nvme0n1', 0, 3));
    assert.equal(onValue, onKey, 'the value hovers like its key');
    await client.close(uri);
  });

  it('on install-config controlPlane shows the single-node OpenShift minimum', async () => {
    const uri = docUri('install-config.yaml');
    await client.open(uri, INSTALL_CONFIG);
    const markdown = await hoverAt(uri, positionOf(INSTALL_CONFIG, 'controlPlane', 0, 3));
    assert.ok(markdown.includes('Single-node OpenShift'), markdown);
    assert.ok(markdown.includes(row('Memory', '16 GiB', '16 GiB')), markdown);
    assert.ok(markdown.includes(row('Install disk', '120 GB', '120 GB')), markdown);
    assert.ok(markdown.includes('16 GiB') && markdown.includes('120 GB'));
    await client.close(uri);
  });

  it('on a VirtualMachine\'s domain.cpu shows the Harvester and Kube-V host tables and the VM\'s vCPU count', async () => {
    const uri = docUri('vm.yaml');
    await client.open(uri, VM);
    const markdown = await hoverAt(uri, positionOf(VM, 'cpu:', 0, 1));
    assert.ok(markdown.includes('**Harvester**'), markdown);
    assert.ok(markdown.includes('**Kubermatic Virtualization (Kube-V)**'), markdown);
    const cpuRows = markdown.split('\n').filter((l) => l.startsWith('| CPU cores |'));
    assert.deepEqual(cpuRows, [row('CPU cores', '8', '16'), row('CPU cores', '8', '16')], 'Harvester and Kube-V both need 8 cores for test');
    assert.ok(markdown.includes('4 vCPU'), `2 cores x 2 sockets x 1 thread: ${markdown}`);
    assert.ok(markdown.includes('8Gi of memory'), markdown);
    await client.close(uri);
  });

  it('marks Production as selected after changeSettings({environment: "production"})', async () => {
    const uri = docUri('harvester-production.yaml');
    await client.open(uri, HARVESTER);
    const position = positionOf(HARVESTER, 'device:', 0, 2);
    assert.ok((await hoverAt(uri, position)).includes('**Test** (selected)'));
    await client.changeSettings({ environment: 'production' });
    const markdown = await hoverAt(uri, position);
    assert.ok(markdown.includes('**Production** (selected)'), markdown);
    assert.ok(!markdown.includes('**Test** (selected)'), markdown);
    await client.changeSettings({});
    assert.ok((await hoverAt(uri, position)).includes('**Test** (selected)'), 'back to test with default settings');
    await client.close(uri);
  });

  it('shows only the chosen platform\'s table on a VM when the platform is set', async () => {
    const uri = docUri('vm-kubev.yaml');
    await client.open(uri, VM);
    await client.changeSettings({ platform: 'kubev' });
    try {
      const markdown = await hoverAt(uri, positionOf(VM, 'cpu:', 0, 1));
      assert.ok(markdown.includes('**Kubermatic Virtualization (Kube-V)**'), markdown);
      assert.ok(!markdown.includes('**Harvester**'), markdown);
    } finally {
      await client.changeSettings({});
    }
    await client.close(uri);
  });

  it('returns null on a plain key of an unrelated ConfigMap, and outside any key', async () => {
    const text = protocolFixture('unrelated-configmap.yaml');
    const uri = docUri('configmap.yaml');
    await client.open(uri, text);
    for (const needle of ['name: settings', 'numberOfReplicas', 'device', 'kind']) {
      const p = positionOf(text, needle, 0, 1);
      assert.equal(await withTimeout(client.hover(uri, p.line, p.character), 'hover'), null, `no hover on ${needle}`);
    }
    assert.equal(await withTimeout(client.hover(uri, 200, 0), 'hover'), null, 'no hover past the end');
    await client.close(uri);
  });

  it('returns null on controlPlane when it is a key of a ConfigMap, not of an install-config', async () => {
    const text = ruleFixture('sno-control-plane-replicas', 'dont-fire.yaml');
    const uri = docUri('not-install-config.yaml');
    await client.open(uri, text);
    const inConfigMap = positionOf(text, 'controlPlane', 1, 2);
    assert.equal(await withTimeout(client.hover(uri, inConfigMap.line, inConfigMap.character), 'hover'), null);
    assert.ok((await hoverAt(uri, positionOf(text, 'controlPlane', 0, 2))).includes('Single-node OpenShift'), 'the first document is an install-config');
    await client.close(uri);
  });

  it('returns null for a document that is not open', async () => {
    assert.equal(await withTimeout(client.hover(docUri('not-open.yaml'), 0, 0), 'hover'), null);
  });

  it('logged no handler failure', () => {
    assert.deepEqual(serverFailures(client), []);
  });
});
