/** Meta-tests over the rule catalog: every rule is well-formed, documented and has fixtures. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, fixAll, RULES, PLATFORMS, type CheckOptions } from '../../server/src/engine';
import { REPO_ROOT, RULE_FIXTURES } from '../helpers/paths';
import { renderRuleDoc } from '../../scripts/rule-docs';

const ISSUE_RULES = [
  'longhorn-replica-count',
  'storageclass-parameter-type',
  'harvester-replica-count',
  'kubevirt-eviction-strategy',
  'required-anti-affinity',
  'ingress-replicas',
  'sno-control-plane-replicas',
  'machineconfig-pool-role',
];

describe('rule catalog', () => {
  it('has the single-node rules with their exact ids, plus yaml-syntax', () => {
    const ids = RULES.map((r) => r.id);
    for (const id of ISSUE_RULES) assert.ok(ids.includes(id), `missing rule ${id}`);
    assert.ok(ids.includes('yaml-syntax'));
    assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      it('is well-formed', () => {
        assert.match(rule.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case id');
        assert.ok(rule.title.length > 10);
        assert.ok(['error', 'warning', 'info'].includes(rule.severity));
        assert.ok(rule.platforms.length > 0 && rule.platforms.every((p) => PLATFORMS.includes(p)));
        assert.ok(rule.docs.why.length > 80, 'docs.why explains the rule');
        assert.ok(rule.docs.fix.length > 20, 'docs.fix says what to do');
        assert.ok(rule.docs.sources.length > 0, 'docs cite sources');
        for (const s of rule.docs.sources) assert.match(s.url, /^https:\/\//);
      });

      it('has firing and non-firing fixtures (and fixed text when fixable)', () => {
        const dir = join(RULE_FIXTURES, rule.id);
        assert.ok(existsSync(dir), `${dir} exists`);
        const files = readdirSync(dir);
        const fires = files.filter((f) => /^fires.*\.yaml$/.test(f) && !f.endsWith('.fixed.yaml'));
        assert.ok(fires.length > 0, 'a fires*.yaml fixture');
        assert.ok(files.some((f) => /^dont-fire.*\.yaml$/.test(f)), 'a dont-fire*.yaml fixture');
        for (const f of fires) {
          const base = f.replace(/\.yaml$/, '');
          assert.ok(files.includes(`${base}.expect.json`), `${base}.expect.json`);
          if (rule.fixable) assert.ok(files.includes(`${base}.fixed.yaml`), `${base}.fixed.yaml`);
        }
      });

      it('has a doc example that holds: the bad one fires, the good one does not, the fix turns one into the other', () => {
        const example = rule.docs.example;
        assert.ok(example, 'docs.example');
        // Production, so the production-only rules run; only this rule, so the example shows just it.
        const options: CheckOptions = {
          platform: 'auto',
          environment: 'production',
          rules: Object.fromEntries(RULES.filter((r) => r.id !== rule.id).map((r) => [r.id, 'off'])),
        };
        if (rule.id === 'templated-file' || rule.id === 'yaml-syntax') {
          assert.ok(check(example.bad, options).findings.length > 0);
          return;
        }
        assert.ok(check(example.bad, options).findings.length > 0, 'the bad example fires');
        assert.deepEqual(check(example.good, options).findings, [], 'the good example does not');
        if (rule.fixable) assert.equal(fixAll(example.bad, options).text, example.good, 'the fix turns bad into good');
      });

      it('has an up-to-date doc page (npm run docs regenerates it)', () => {
        const path = join(REPO_ROOT, 'docs', 'rules', `${rule.id}.md`);
        assert.ok(existsSync(path), `${path} exists`);
        assert.equal(readFileSync(path, 'utf8'), renderRuleDoc(rule), `${path} is stale: run npm run docs`);
      });
    });
  }

  it('has no doc page for a rule that does not exist', () => {
    const pages = readdirSync(join(REPO_ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    assert.deepEqual(pages.map((p) => p.replace(/\.md$/, '')).sort(), RULES.map((r) => r.id).sort());
  });
});
