/** `--format sarif` is valid SARIF 2.1.0 (checked against the OASIS schema) and carries the findings and fixes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { CORPUS, REPO_ROOT, RULE_FIXTURES } from '../helpers/paths';
import { runCli } from '../helpers/run-cli';
import { RULES } from '../../server/src/engine';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// The official schema has a pattern that is invalid in JavaScript's unicode mode.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

async function sarif(paths: string[]): Promise<Sarif.Log> {
  const result = await runCli(['check', ...paths, '--format', 'sarif'], REPO_ROOT);
  assert.ok(result.code === 0 || result.code === 1, result.stderr);
  return JSON.parse(result.stdout) as Sarif.Log;
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema, for the rule fixtures and the whole corpus', async () => {
    for (const paths of [[RULE_FIXTURES], [CORPUS]]) {
      const log = await sarif(paths);
      assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3), null, 2));
    }
  });

  it('lists every rule, and reports a finding with its 1-based region, level and fix', async () => {
    const log = await sarif(['test/fixtures/rules/longhorn-replica-count/fires-three-replicas.yaml']);
    const run = log.runs[0];
    assert.deepEqual(run.tool.driver.rules?.map((r) => r.id), RULES.map((r) => r.id));
    assert.equal(run.results?.length, 1);
    const [result] = run.results;
    assert.equal(result.ruleId, 'longhorn-replica-count');
    assert.equal(result.level, 'warning');
    assert.equal(run.tool.driver.rules?.[result.ruleIndex!].id, 'longhorn-replica-count');
    const location = result.locations![0].physicalLocation!;
    assert.deepEqual(location.artifactLocation, { uri: 'test/fixtures/rules/longhorn-replica-count/fires-three-replicas.yaml', uriBaseId: 'SRCROOT' });
    assert.deepEqual(location.region, { startLine: 9, startColumn: 21, endLine: 9, endColumn: 24 });
    assert.equal(result.fixes?.[0].artifactChanges[0].replacements[0].insertedContent?.text, "'1'");
  });
});
