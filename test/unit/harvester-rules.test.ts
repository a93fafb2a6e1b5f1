/**
 * Harvester install-config rules beyond their fixtures: the production-only skipchecks rule
 * (the fixture runner uses the test environment), CRLF files, fixes that cannot apply, and the
 * YAML helpers the rules rely on.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, fixAll, parseFile, RULES, type CheckOptions, type Finding } from '../../server/src/engine';
import { findPair, literalText, pairLines } from '../../server/src/engine/yaml-ast';
import { RULE_FIXTURES } from '../helpers/paths';
import { lineColumn, textAt } from '../helpers/text';

const PRODUCTION: CheckOptions = { platform: 'auto', environment: 'production', rules: {} };

function only(id: string, base: CheckOptions = PRODUCTION): CheckOptions {
  return { ...base, rules: Object.fromEntries(RULES.map((r) => [r.id, r.id === id ? r.severity : 'off'])) };
}

function findingsOf(text: string, id: string, options: CheckOptions = PRODUCTION): Finding[] {
  return check(text, options).findings.filter((f) => f.rule === id);
}

describe('harvester-skipchecks (production only)', () => {
  const path = join(RULE_FIXTURES, 'harvester-skipchecks', 'fires-production.yaml');
  const text = readFileSync(path, 'utf8');

  it('fires on skipchecks: true and "true" in production', () => {
    const findings = findingsOf(text, 'harvester-skipchecks');
    assert.deepEqual(findings.map((f) => ({ ...lineColumn(f.range), text: textAt(text, f.range) })), [
      { line: 7, column: 15, text: 'true' },
      { line: 12, column: 15, text: '"true"' },
    ]);
    for (const f of findings) {
      assert.equal(f.severity, 'warning');
      assert.match(f.message, /production/);
      assert.match(f.message, /\.$/);
    }
  });

  it('sets skipchecks to false, keeping quotes and comments', () => {
    const fixed = fixAll(text, only('harvester-skipchecks')).text;
    assert.equal(fixed, text.replace('skipchecks: true # PXE lab leftover', 'skipchecks: false # PXE lab leftover').replace('skipChecks: "true"', 'skipChecks: "false"'));
    assert.deepEqual(findingsOf(fixed, 'harvester-skipchecks'), []);
  });

  it('does not fire in the test environment or for another platform', () => {
    assert.deepEqual(findingsOf(text, 'harvester-skipchecks', { ...PRODUCTION, environment: 'test' }), []);
    assert.deepEqual(findingsOf(text, 'harvester-skipchecks', { ...PRODUCTION, platform: 'kubev' }), []);
    assert.equal(findingsOf(text, 'harvester-skipchecks', { ...PRODUCTION, platform: 'harvester' }).length, 2);
  });

  it('does not fire on skipchecks: false or a string the installer does not read as true', () => {
    const config = 'scheme_version: 1\ninstall:\n  mode: create\n  skipchecks: false\n---\nscheme_version: 1\ninstall:\n  mode: create\n  skipchecks: "no"\n';
    assert.deepEqual(findingsOf(config, 'harvester-skipchecks'), []);
  });
});

describe('Harvester config fixes in CRLF files', () => {
  it('adds scheme_version with CRLF', () => {
    const text = '#cloud-config\r\ntoken: my-cluster-token\r\ninstall:\r\n  mode: create\r\n';
    const fixed = fixAll(text, only('harvester-scheme-version')).text;
    assert.equal(fixed, '#cloud-config\r\nscheme_version: 1\r\ntoken: my-cluster-token\r\ninstall:\r\n  mode: create\r\n');
  });

  it('removes the server_url line, comment included, with CRLF', () => {
    const text = 'scheme_version: 1\r\nserver_url: https://10.0.0.5:443 # first node\r\ntoken: t\r\ninstall:\r\n  mode: join\r\n';
    const fixed = fixAll(text, only('harvester-install-mode')).text;
    assert.equal(fixed, 'scheme_version: 1\r\ntoken: t\r\ninstall:\r\n  mode: create\r\n');
  });
});

describe('harvester-install-mode', () => {
  it('reports server_url in a flow mapping without a fix it cannot make', () => {
    const text = '{scheme_version: 1, server_url: "https://10.0.0.5:443", install: {mode: create}}\n';
    const [finding, ...rest] = findingsOf(text, 'harvester-install-mode');
    assert.equal(rest.length, 0);
    assert.equal(textAt(text, finding.range), '"https://10.0.0.5:443"');
    assert.deepEqual(finding.fixes, []);
  });

  it('changes join to create even when server_url cannot be removed, then reports server_url', () => {
    const text = '{scheme_version: 1, server_url: "https://10.0.0.5:443", install: {mode: join}}\n';
    const [finding] = findingsOf(text, 'harvester-install-mode');
    assert.equal(textAt(text, finding.range), 'join');
    const fixed = fixAll(text, only('harvester-install-mode')).text;
    assert.equal(fixed, '{scheme_version: 1, server_url: "https://10.0.0.5:443", install: {mode: create}}\n');
    assert.match(findingsOf(fixed, 'harvester-install-mode')[0].message, /ServerURL need to be empty/);
  });
});

describe('harvester-vip', () => {
  it('reports a dhcp VIP without vip_hw_addr once, even when the VIP is also malformed', () => {
    const text = 'scheme_version: 1\ninstall:\n  mode: create\n  vip: 10.0.0.256\n  vip_mode: dhcp\n';
    const findings = findingsOf(text, 'harvester-vip');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /leases a new address over DHCP/);
  });

  it('accepts the IPv4-mapped form Go accepts', () => {
    const text = 'scheme_version: 1\ninstall:\n  mode: create\n  vip: "::ffff:10.0.0.5"\n  vip_mode: static\n';
    assert.deepEqual(findingsOf(text, 'harvester-vip'), []);
  });
});

describe('harvester-token', () => {
  it('counts the offending characters without quoting any part of the secret', () => {
    const text = 'scheme_version: 1\ntoken: "abcäöüß€"\ninstall:\n  mode: create\n';
    const [finding] = findingsOf(text, 'harvester-token');
    assert.match(finding.message, /^token contains 5 characters outside what the installer accepts/);
    for (const part of ['ä', 'ö', 'ü', 'ß', '€', 'abc']) assert.ok(!finding.message.includes(part), part);
  });

  it('reads an anchored token through its alias', () => {
    const text = 'scheme_version: 1\nx: &t "naïve"\ntoken: *t\ninstall:\n  mode: create\n';
    assert.equal(findingsOf(text, 'harvester-token').length, 1);
  });
});

describe('YAML helpers used by the rules', () => {
  function pair(text: string, key: string) {
    const file = parseFile(text);
    return { file, pair: findPair(file.documents[0].doc.contents, key)! };
  }

  it('literalText keeps plain scalars as written and reads quoted ones by value', () => {
    const { file, pair: mac } = pair('mac: 52:54:00:12:34:56\n', 'mac');
    assert.equal(literalText(file, mac.value), '52:54:00:12:34:56');
    const quoted = pair('a: "x\\ty"\n', 'a');
    assert.equal(literalText(quoted.file, quoted.pair.value), 'x\ty');
    const empty = pair('a:\n', 'a');
    assert.equal(literalText(empty.file, empty.pair.value), undefined);
    const block = pair('a: |\n  one\n', 'a');
    assert.equal(literalText(block.file, block.pair.value), 'one\n');
  });

  it('pairLines covers a block pair with its comment and nested lines, and refuses shared lines', () => {
    const text = 'a: 1 # one\nb:\n  c: 2\n  d: 3\ne: 4\n';
    const b = pair(text, 'b');
    const lines = pairLines(b.file, b.pair)!;
    assert.equal(text.slice(lines.start, lines.end), 'b:\n  c: 2\n  d: 3\n');
    const a = pair(text, 'a');
    const aLines = pairLines(a.file, a.pair)!;
    assert.equal(text.slice(aLines.start, aLines.end), 'a: 1 # one\n');
    const flow = pair('{a: 1, b: 2}\n', 'b');
    assert.equal(pairLines(flow.file, flow.pair), undefined);
    const item = parseFile('- a: 1\n  b: 2\n');
    const seqFirst = findPair((item.documents[0].doc.contents as { items: unknown[] }).items[0], 'a')!;
    assert.equal(pairLines(item, seqFirst), undefined);
  });
});


