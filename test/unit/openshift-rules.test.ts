/**
 * Focused tests for the single-node OpenShift rules beyond their fixtures: findings without a
 * quick-fix, edge cases of the fixes, and the real files of the shared corpus whose faults are known.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, fixAll, RULES, type CheckOptions, type Finding } from '../../server/src/engine';
import { parseGoDuration } from '../../server/src/engine/rules/graceful-shutdown';
import { fileReboots } from '../../server/src/engine/rules/machineconfig-reboots-node';
import { intendedKernelType } from '../../server/src/engine/rules/machineconfig-kernel-type';
import { CORPUS } from '../helpers/paths';
import { textAt } from '../helpers/text';

const OPENSHIFT_RULES = [
  'sno-compute-replicas',
  'sno-platform',
  'sno-network-type',
  'sno-installation-disk',
  'agent-config-api-version',
  'machineconfig-kernel-type',
  'machineconfig-reboots-node',
  'mcp-paused',
  'kubeletconfig-pool-selector',
  'performance-profile-node-selector',
  'performance-profile-cpu-sets',
  'graceful-shutdown',
];

function only(rule: string): CheckOptions {
  const rules = Object.fromEntries(RULES.map((r) => [r.id, r.id === rule ? r.severity : 'off'])) as CheckOptions['rules'];
  return { platform: 'openshift', environment: 'test', rules };
}

function findings(text: string, rule: string): Finding[] {
  return check(text, only(rule)).findings;
}

function corpus(path: string, rule: string): Finding[] {
  return findings(readFileSync(join(CORPUS, path), 'utf8'), rule);
}

const SNO = 'apiVersion: v1\nbaseDomain: example.com\ncompute:\n- name: worker\n  replicas: 0\ncontrolPlane:\n  name: master\n  replicas: 1\n';

describe('OpenShift rule registry', () => {
  it('registers every rule of the issue, for the openshift platform', () => {
    for (const id of OPENSHIFT_RULES) {
      const rule = RULES.find((r) => r.id === id);
      assert.ok(rule, `missing rule ${id}`);
      assert.deepEqual(rule.platforms, ['openshift']);
    }
  });
  it('skips them all when the platform is harvester', () => {
    const text = `${SNO}networking:\n  networkType: OpenShiftSDN\nplatform:\n  baremetal: {}\n`;
    assert.ok(check(text, { platform: 'openshift', environment: 'test', rules: {} }).findings.some((f) => f.rule === 'sno-platform'));
    const harvester = check(text, { platform: 'harvester', environment: 'test', rules: {} }).findings;
    assert.deepEqual(harvester.filter((f) => OPENSHIFT_RULES.includes(f.rule)), []);
  });
});

describe('sno-platform', () => {
  it('offers no fix when the platform block holds a comment that the fix would drop', () => {
    const text = `${SNO}platform:\n  baremetal:\n    # lab VIPs\n    apiVIPs:\n    - 192.168.111.5\n`;
    const [f] = findings(text, 'sno-platform');
    assert.ok(f);
    assert.deepEqual(f.fixes, []);
  });

  it('flags each unsupported entry of a platform mapping with two entries, without a fix', () => {
    const text = `${SNO}platform:\n  none: {}\n  vsphere: {}\n`;
    const found = findings(text, 'sno-platform');
    assert.deepEqual(found.map((f) => textAt(text, f.range)), ['vsphere']);
    assert.deepEqual(found[0].fixes, []);
  });

  it('keeps CRLF line endings and the following keys', () => {
    const text = `${SNO}platform:\n  openstack:\n    cloud: lab\npullSecret: x\n`.replace(/\n/g, '\r\n');
    assert.equal(fixAll(text, only('sno-platform')).text, `${SNO}platform:\n  none: {}\npullSecret: x\n`.replace(/\n/g, '\r\n'));
  });
});

describe('sno-compute-replicas', () => {
  it('adds the compute section at the indentation of a document that is indented as a whole', () => {
    const text = '  apiVersion: v1\n  baseDomain: example.com\n  controlPlane:\n    name: master\n    replicas: 1\n';
    const fixed = fixAll(text, only('sno-compute-replicas')).text;
    assert.equal(fixed, '  apiVersion: v1\n  baseDomain: example.com\n  compute:\n  - name: worker\n    replicas: 0\n  controlPlane:\n    name: master\n    replicas: 1\n');
    assert.deepEqual(findings(fixed, 'sno-compute-replicas'), []);
  });

  it('sums several pools: each pool with workers is reported', () => {
    const text = 'apiVersion: v1\nbaseDomain: example.com\ncompute:\n- name: worker\n  replicas: 1\n- name: edge\n  replicas: 2\ncontrolPlane:\n  replicas: 1\n';
    assert.deepEqual(findings(text, 'sno-compute-replicas').map((f) => textAt(text, f.range)), ['1', '2']);
  });
});

describe('sno-installation-disk', () => {
  it('does not fire on platform external without bootstrapInPlace (an agent-based install)', () => {
    const text = `${SNO}platform:\n  external:\n    platformName: oci\n`;
    assert.deepEqual(findings(text, 'sno-installation-disk'), []);
  });
});

describe('agent-config-api-version', () => {
  it('inserts apiVersion with CRLF endings in a CRLF file', () => {
    const text = 'kind: AgentConfig\r\nmetadata:\r\n  name: sno\r\n';
    assert.equal(fixAll(text, only('agent-config-api-version')).text, 'apiVersion: v1beta1\r\nkind: AgentConfig\r\nmetadata:\r\n  name: sno\r\n');
  });
});

describe('machineconfig-kernel-type', () => {
  it('maps clear misspellings to the valid value and nothing else', () => {
    assert.equal(intendedKernelType('RealTime'), 'realtime');
    assert.equal(intendedKernelType('kernel-rt'), 'realtime');
    assert.equal(intendedKernelType('64K_pages'), '64k-pages');
    assert.equal(intendedKernelType('Default'), 'default');
    assert.equal(intendedKernelType('lowlatency'), undefined);
  });

  it('reports a value with no clear meaning, without a fix', () => {
    const text = 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: x\nspec:\n  kernelType: lowlatency\n';
    const [f] = findings(text, 'machineconfig-kernel-type');
    assert.equal(textAt(text, f.range), 'lowlatency');
    assert.deepEqual(f.fixes, []);
    assert.match(f.message, /pool it targets goes Degraded\.$/);
  });
});

describe('machineconfig-reboots-node', () => {
  it('knows the rebootless files', () => {
    assert.equal(fileReboots('/etc/containers/registries.conf'), false);
    assert.equal(fileReboots('/etc/containers/registries.d/mirror.yaml'), false);
    assert.equal(fileReboots('/etc/nmstate/openshift/applied'), false);
    assert.equal(fileReboots('/etc/kubernetes/kubelet-ca.crt'), false);
    assert.equal(fileReboots('/etc/chrony.conf'), true);
    assert.equal(fileReboots('/etc/containers/storage.conf'), true);
  });

  it('names every reboot trigger of the MachineConfig in its data', () => {
    const text =
      'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  labels:\n    machineconfiguration.openshift.io/role: master\n  name: x\n' +
      'spec:\n  osImageURL: quay.io/example/os@sha256:abc\n  fips: true\n  extensions: [usbguard]\n';
    const [f] = findings(text, 'machineconfig-reboots-node');
    assert.deepEqual(f.data, { triggers: ['osImageURL', 'fips', 'extensions'] });
    assert.equal(f.severity, 'info');
  });
});

describe('mcp-paused', () => {
  it('keeps the comment after the value', () => {
    const text = 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfigPool\nmetadata:\n  name: master\nspec:\n  paused: true # maintenance\n';
    assert.equal(fixAll(text, only('mcp-paused')).text, text.replace('paused: true', 'paused: false'));
  });
});

describe('kubeletconfig-pool-selector', () => {
  it('flags a matchExpressions selector for the worker pool only, without a fix', () => {
    const text =
      'apiVersion: machineconfiguration.openshift.io/v1\nkind: KubeletConfig\nmetadata:\n  name: x\nspec:\n  machineConfigPoolSelector:\n' +
      '    matchExpressions:\n    - key: pools.operator.machineconfiguration.openshift.io/worker\n      operator: Exists\n';
    const [f] = findings(text, 'kubeletconfig-pool-selector');
    assert.ok(f);
    assert.match(f.message, /selects only the worker pool/);
    assert.deepEqual(f.fixes, []);
  });

  it('does not rename a worker pool label whose value is not ""', () => {
    const text =
      'apiVersion: machineconfiguration.openshift.io/v1\nkind: KubeletConfig\nmetadata:\n  name: x\nspec:\n  machineConfigPoolSelector:\n' +
      '    matchLabels:\n      pools.operator.machineconfiguration.openshift.io/worker: "yes"\n';
    const [f] = findings(text, 'kubeletconfig-pool-selector');
    assert.ok(f);
    assert.deepEqual(f.fixes, []);
  });
});

describe('performance-profile-node-selector', () => {
  it('offers no rename that would duplicate an existing key', () => {
    const text =
      'apiVersion: performance.openshift.io/v2\nkind: PerformanceProfile\nmetadata:\n  name: x\nspec:\n  nodeSelector:\n' +
      '    node-role.kubernetes.io/master: ""\n    node-role.kubernetes.io/worker: ""\n';
    const [f] = findings(text, 'performance-profile-node-selector');
    assert.equal(textAt(text, f.range), 'node-role.kubernetes.io/worker');
    assert.deepEqual(f.fixes, []);
  });

  it('clears a non-empty role label value along with the rename', () => {
    const text = 'apiVersion: performance.openshift.io/v2\nkind: PerformanceProfile\nmetadata:\n  name: x\nspec:\n  nodeSelector:\n    node-role.kubernetes.io/worker: "true"\n';
    assert.equal(fixAll(text, only('performance-profile-node-selector')).text, text.replace('node-role.kubernetes.io/worker: "true"', 'node-role.kubernetes.io/master: ""'));
  });
});

describe('performance-profile-cpu-sets', () => {
  it('says which CPUs overlap', () => {
    const text = 'apiVersion: performance.openshift.io/v2\nkind: PerformanceProfile\nmetadata:\n  name: x\nspec:\n  cpu:\n    reserved: 0-3\n    isolated: 3-7\n    offlined: 6,7\n';
    const found = findings(text, 'performance-profile-cpu-sets');
    assert.deepEqual(found.map((f) => f.data?.overlap), ['3', '6-7']);
    assert.match(found[0].message, /share CPU 3,/);
  });
});

describe('graceful-shutdown', () => {
  it('parses Go durations', () => {
    assert.equal(parseGoDuration('0'), 0);
    assert.equal(parseGoDuration('30s'), 30e9);
    assert.equal(parseGoDuration('1m30s'), 90e9);
    assert.equal(parseGoDuration('1.5h'), 5400e9);
    assert.equal(parseGoDuration('500ms'), 500e6);
    assert.equal(parseGoDuration('30'), undefined);
    assert.equal(parseGoDuration('${GRACE}'), undefined);
    assert.equal(parseGoDuration(''), undefined);
  });

  const kubelet = (body: string) =>
    'apiVersion: machineconfiguration.openshift.io/v1\nkind: KubeletConfig\nmetadata:\n  name: x\nspec:\n  machineConfigPoolSelector:\n' +
    `    matchLabels:\n      pools.operator.machineconfiguration.openshift.io/master: ""\n  kubeletConfig:\n${body}`;

  it('reports critical pods longer than the total (the kubelet rejects it), without a fix', () => {
    const text = kubelet('    shutdownGracePeriod: 30s\n    shutdownGracePeriodCriticalPods: 1m\n');
    const [f] = findings(text, 'graceful-shutdown');
    assert.equal(textAt(text, f.range), '1m');
    assert.match(f.message, /kubelet rejects its configuration/);
    assert.deepEqual(f.fixes, []);
  });

  it('reports critical pods equal to the total, and critical pods without a total', () => {
    const equal = kubelet('    shutdownGracePeriod: 30s\n    shutdownGracePeriodCriticalPods: 30s\n');
    assert.match(findings(equal, 'graceful-shutdown')[0].message, /ordinary pods get no time/);
    const noTotal = kubelet('    shutdownGracePeriodCriticalPods: 10s\n');
    assert.match(findings(noTotal, 'graceful-shutdown')[0].message, /longer than shutdownGracePeriod \(unset\)/);
  });

  it('replaces a zero total and adds the critical share in one fix', () => {
    const text = kubelet('    shutdownGracePeriod: 0s\n    shutdownGracePeriodCriticalPods: 0s\n');
    assert.equal(fixAll(text, only('graceful-shutdown')).text, kubelet('    shutdownGracePeriod: 30s\n    shutdownGracePeriodCriticalPods: 10s\n'));
  });
});

describe('OpenShift rules on the shared corpus', () => {
  const IC = 'install-config/openshift__installer__cmd__openshift-install__testdata__agent__image__';

  it('flags the installer negative fixture sno_invalid_workers for its workers, and nothing else of ours', () => {
    const path = `${IC}validations__sno_invalid_workers__install-config.yaml`;
    const found = OPENSHIFT_RULES.flatMap((r) => corpus(path, r));
    assert.deepEqual(found.map((f) => `${f.range.start.line + 1} ${f.rule}`), ['8 sno-compute-replicas']);
    assert.match(found[0].message, /replicas: 1/);
  });

  it('flags the installer negative fixture sno_invalid_network_type for OpenShiftSDN, and nothing else of ours', () => {
    const path = `${IC}validations__sno_invalid_network_type__install-config.yaml`;
    const found = OPENSHIFT_RULES.flatMap((r) => corpus(path, r));
    assert.deepEqual(found.map((f) => `${f.range.start.line + 1} ${f.rule}`), ['16 sno-network-type']);
    assert.match(found[0].message, /OpenShiftSDN/);
  });

  it('does not flag the upstream SNO agent fixtures', () => {
    for (const file of ['configurations__sno__install-config.yaml', 'configurations__sno__agent-config.yaml']) {
      assert.deepEqual(OPENSHIFT_RULES.flatMap((r) => corpus(`${IC}${file}`, r)), [], file);
    }
  });

  it('does not flag the real single-node install-configs and agent-configs', () => {
    for (const file of [
      'christophefontaine__grout-on-sno__install-config.yaml',
      'christophefontaine__grout-on-sno__agent-config.yaml',
      'jgruetter__m346_okd_sno__install-config.yaml',
      'jgruetter__m346_okd_sno__agent-config.yaml',
      'RyanMillerC__sno-bootstrap__install-config.template.yaml',
      'eranco74__bootstrap-in-place-poc__install-config.yaml.template.yaml',
      '250788__snomas__install-config.yaml',
    ]) {
      assert.deepEqual(OPENSHIFT_RULES.flatMap((r) => corpus(`install-config/${file}`, r)).map((f) => f.rule), [], file);
    }
  });

  it('flags the worker pool of the MCO ContainerRuntimeConfig example, not its custom-label one', () => {
    const found = corpus('machineconfig/openshift__machine-config-operator__examples__containerruntimeconfig.crd.yaml', 'kubeletconfig-pool-selector');
    assert.deepEqual(found.map((f) => f.range.start.line + 1), [20]);
  });

  it('skips the $isolated / $reserved / $mcp placeholders of the ZTP PerformanceProfile', () => {
    const path = 'machineconfig/openshift-kni__cnf-features-deploy__ztp__source-crs__PerformanceProfile.yaml';
    assert.deepEqual(['performance-profile-cpu-sets', 'performance-profile-node-selector'].flatMap((r) => corpus(path, r)), []);
  });
});
