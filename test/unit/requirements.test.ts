/** Hardware hovers: which keys decide the hardware, and the table rendered from REQUIREMENTS. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { locate, parseFile } from '../../server/src/engine';
import { hardwareTopicAt } from '../../server/src/requirements/topics';
import { hardwareHover, requirementsTable } from '../../server/src/requirements/markdown';
import { REQUIREMENTS } from '../../server/src/requirements/table';

function topicAt(text: string, needle: string) {
  const file = parseFile(text);
  const located = locate(file, text.indexOf(needle) + 1);
  assert.ok(located, `located ${needle}`);
  return hardwareTopicAt(located.document, located.path);
}

const HARVESTER = 'scheme_version: 1\ninstall:\n  mode: create\n  device: /dev/sda\n  managementInterface:\n    method: dhcp\n  vip: 10.0.0.5\n';
const INSTALL_CONFIG = 'apiVersion: v1\nbaseDomain: example.com\ncontrolPlane:\n  name: master\n  replicas: 1\nplatform:\n  none: {}\n';
const VM = 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vm\nspec:\n  template:\n    spec:\n      domain:\n        cpu:\n          cores: 2\n          sockets: 2\n        memory:\n          guest: 8Gi\n';

describe('hardware topics', () => {
  it('knows the Harvester install disk and management interface (any key spelling)', () => {
    assert.equal(topicAt(HARVESTER, 'device')?.aspect, 'disk');
    assert.equal(topicAt(HARVESTER, 'managementInterface')?.aspect, 'nic');
    assert.equal(topicAt(HARVESTER, 'vip:'), undefined);
  });

  it('knows the install-config control plane', () => {
    assert.deepEqual(topicAt(INSTALL_CONFIG, 'replicas')?.platforms, ['openshift']);
    assert.equal(topicAt(INSTALL_CONFIG, 'baseDomain'), undefined);
  });

  it('knows a VM\'s cpu and memory, and says what the VM asks for', () => {
    const topic = topicAt(VM, 'cores');
    assert.deepEqual(topic?.platforms, ['harvester', 'kubev']);
    assert.match(topic?.asks ?? '', /4 vCPU and 8Gi of memory/);
    assert.equal(topicAt(VM, 'name: vm'), undefined);
  });
});

describe('requirements tables', () => {
  it('renders each platform\'s figures from the one table, marking the selected environment', () => {
    for (const req of Object.values(REQUIREMENTS)) {
      const md = requirementsTable(req.platform, 'production', 'all');
      assert.ok(md.includes(`| CPU cores | ${req.minimum.test.cpuCores} | ${req.minimum.production.cpuCores} |`), req.platform);
      assert.ok(md.includes(`${req.minimum.production.memoryGiB} GiB`), req.platform);
      assert.match(md, /\*\*Production\*\* \(selected\)/);
    }
  });

  it('shows only the configured platform when it is one of the topic\'s', () => {
    const topic = { aspect: 'all' as const, platforms: ['harvester' as const, 'kubev' as const], heading: 'VM' };
    assert.match(hardwareHover(topic, 'test', 'auto'), /Harvester[\s\S]*Kube-V/);
    assert.doesNotMatch(hardwareHover(topic, 'test', 'kubev'), /\*\*Harvester\*\*/);
  });
});
