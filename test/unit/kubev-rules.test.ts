/**
 * Kube-V rules beyond their fixtures: the production-only emulation rule (the fixture runner uses
 * the test environment) and the network rule's range arithmetic on real-looking values.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, fixAll, RULES, type CheckOptions, type Finding } from '../../server/src/engine';
import { RULE_FIXTURES } from '../helpers/paths';
import { lineColumn, textAt } from '../helpers/text';

const PRODUCTION: CheckOptions = { platform: 'auto', environment: 'production', rules: {} };

function only(id: string, base: CheckOptions = PRODUCTION): CheckOptions {
  return { ...base, rules: Object.fromEntries(RULES.map((r) => [r.id, r.id === id ? r.severity : 'off'])) };
}

function findingsOf(text: string, id: string, options: CheckOptions = PRODUCTION): Finding[] {
  return check(text, options).findings.filter((f) => f.rule === id);
}

const cluster = (body: string) => `apiVersion: virtualization.k8c.io/v1alpha1\nkind: KubeVCluster\n${body}`;

describe('kubev-emulation (production only)', () => {
  const text = readFileSync(join(RULE_FIXTURES, 'kubev-emulation', 'fires-production.yaml'), 'utf8');

  it('fires on useEmulation: true in production', () => {
    const findings = findingsOf(text, 'kubev-emulation');
    assert.deepEqual(findings.map((f) => ({ ...lineColumn(f.range), text: textAt(text, f.range) })), [{ line: 11, column: 19, text: 'true' }]);
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /software emulation.*production\.$/);
  });

  it('sets useEmulation to false and keeps the comment', () => {
    const fixed = fixAll(text, only('kubev-emulation')).text;
    assert.equal(fixed, text.replace('useEmulation: true # no VT-x in the lab VM', 'useEmulation: false # no VT-x in the lab VM'));
    assert.deepEqual(findingsOf(fixed, 'kubev-emulation'), []);
  });

  it('does not fire in the test environment, for another platform, or on a string "true"', () => {
    assert.deepEqual(findingsOf(text, 'kubev-emulation', { ...PRODUCTION, environment: 'test' }), []);
    assert.deepEqual(findingsOf(text, 'kubev-emulation', { ...PRODUCTION, platform: 'harvester' }), []);
    assert.equal(findingsOf(text, 'kubev-emulation', { ...PRODUCTION, platform: 'kubev' }).length, 1);
    assert.deepEqual(findingsOf(cluster('kubevirt:\n  developerConfiguration:\n    useEmulation: "true"\n'), 'kubev-emulation'), []);
  });
});

describe('kubev-network', () => {
  it('reports overlap when the service range sits inside the network range', () => {
    const text = cluster('networkConfiguration:\n  networkCIDR: 10.0.0.0/8\n  serviceCIDR: 10.96.0.0/12\n');
    const [finding] = findingsOf(text, 'kubev-network');
    assert.equal(textAt(text, finding.range), '10.96.0.0/12');
  });

  it('compares networks, not the host bits written in them', () => {
    const text = cluster('networkConfiguration:\n  networkCIDR: 10.244.7.9/16\n  serviceCIDR: 10.96.0.0/12\n  gatewayIP: 10.244.255.254\n');
    assert.deepEqual(findingsOf(text, 'kubev-network'), []);
  });

  it('shows the network range when the gateway is outside it', () => {
    const text = cluster('networkConfiguration:\n  networkCIDR: 192.168.0.0/23\n  gatewayIP: 192.168.2.1\n');
    const [finding] = findingsOf(text, 'kubev-network');
    assert.match(finding.message, /192\.168\.0\.0–192\.168\.1\.255/);
    assert.equal(finding.severity, 'error');
  });
});

describe('kubev-longhorn-replicas', () => {
  it('is information, not a warning', () => {
    const [finding] = findingsOf(cluster('controlPlane:\n  hosts:\n    - address: 10.0.0.10\nstorage:\n  longhorn: {}\n'), 'kubev-longhorn-replicas');
    assert.equal(finding.severity, 'info');
  });
});


