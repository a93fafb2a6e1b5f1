/**
 * Runs every rule against its fixtures in test/fixtures/rules/<rule-id>/:
 *   fires*.yaml       must produce exactly the findings in fires*.expect.json (position and text);
 *   fires*.fixed.yaml is the text after applying the rule's preferred fixes (fixable rules);
 *   dont-fire*.yaml   must produce no finding of that rule.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { check, fixAll, RULES, type CheckOptions, type Rule } from '../../server/src/engine';
import { RULE_FIXTURES } from '../helpers/paths';
import { lineColumn, textAt } from '../helpers/text';

interface Expectation {
  /** Severity defaults to the rule's; a rule may give some findings another one. */
  findings: { line: number; column: number; text: string; severity?: string }[];
}

/** Options a fixture asks for in <base>.options.json (e.g. the production environment), else the defaults. */
function fixtureOptions(dir: string, base: string): CheckOptions {
  const path = join(dir, `${base}.options.json`);
  const extra = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Partial<CheckOptions>) : {};
  return { platform: 'auto', environment: 'test', rules: {}, ...extra };
}

/** Only `rule` enabled (severity left as the rule reports it), so fixtures test one rule at a time. */
function onlyRule(rule: Rule, base: CheckOptions): CheckOptions {
  const rules = Object.fromEntries(RULES.filter((r) => r.id !== rule.id).map((r) => [r.id, 'off'])) as CheckOptions['rules'];
  return { ...base, rules };
}

function fixturesOf(rule: Rule): string[] {
  const dir = join(RULE_FIXTURES, rule.id);
  return existsSync(dir) ? readdirSync(dir) : [];
}

for (const rule of RULES) {
  describe(`rule ${rule.id}`, () => {
    const dir = join(RULE_FIXTURES, rule.id);
    const files = fixturesOf(rule);
    for (const name of files.filter((f) => /^fires.*\.yaml$/.test(f) && !f.endsWith('.fixed.yaml'))) {
      const base = name.replace(/\.yaml$/, '');
      it(`${name}: fires at the expected positions`, () => {
        const text = readFileSync(join(dir, name), 'utf8');
        const expected = JSON.parse(readFileSync(join(dir, `${base}.expect.json`), 'utf8')) as Expectation;
        const findings = check(text, fixtureOptions(dir, base)).findings.filter((f) => f.rule === rule.id);
        const actual = findings.map((f, i) => ({
          ...lineColumn(f.range),
          text: textAt(text, f.range),
          ...(expected.findings[i]?.severity !== undefined || f.severity !== rule.severity ? { severity: f.severity } : {}),
        }));
        assert.deepEqual(actual, expected.findings);
        for (const f of findings) assert.match(f.message, /\.$/, 'a message is one sentence ending with a period');
      });
      if (rule.fixable) {
        it(`${name}: the preferred fixes give ${base}.fixed.yaml and clear the findings`, () => {
          const text = readFileSync(join(dir, name), 'utf8');
          const expected = readFileSync(join(dir, `${base}.fixed.yaml`), 'utf8');
          const options = onlyRule(rule, fixtureOptions(dir, base));
          const findings = check(text, options).findings;
          for (const f of findings) assert.ok(f.fixes.some((x) => x.isPreferred), `finding at ${JSON.stringify(f.range.start)} has a preferred fix`);
          const fixed = fixAll(text, options);
          assert.equal(fixed.text, expected);
          assert.deepEqual(check(fixed.text, options).findings, []);
        });
      }
    }
    for (const name of files.filter((f) => /^dont-fire.*\.yaml$/.test(f))) {
      it(`${name}: does not fire`, () => {
        const text = readFileSync(join(dir, name), 'utf8');
        const findings = check(text).findings.filter((f) => f.rule === rule.id);
        assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
      });
    }
  });
}
