// Runs the mocha suite in test/vscode/suite/ inside code-server's extension host (the real vscode
// API, this folder as the development extension) and reports each of its tests here by name.
import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runForResults } from '../../scripts/e2e/extension-host';
import { ARTIFACTS, REPO_ROOT, SUITE_INDEX } from '../../scripts/e2e/paths';

/** One test as test/vscode/suite/index.ts records it (a JSON contract: the suite compiles separately). */
interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  milliseconds: number;
  error?: string;
}

interface SuiteRun {
  /** Names the log kept in test-results/vscode/. */
  name: string;
  /** Suite files to run instead of the default list (ONENODE_SUITE_FILES). */
  files?: string[];
  otherExtensions?: string[];
}

/** Runs the suite in a fresh code-server and turns each of its tests into a subtest of `t`. */
async function runSuite(t: TestContext, suite: SuiteRun): Promise<void> {
  assert.ok(existsSync(SUITE_INDEX), `${SUITE_INDEX} is missing: npm run compile-tests`);
  const { run, results: records } = await runForResults<TestRecord[]>({
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: SUITE_INDEX,
    ...(suite.files ? { env: { ONENODE_SUITE_FILES: suite.files.join(',') } } : {}),
    otherExtensions: suite.otherExtensions,
    timeoutMs: 180_000,
  });
  t.diagnostic(`suite finished in ${run.milliseconds} ms with exit code ${run.exitCode}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${suite.name}.log`), `${run.log.join('\n')}\n`);
  assert.ok(records, `the suite wrote no results; workbench log:\n${run.log.join('\n')}`);
  assert.ok(records.length > 0, 'the suite ran tests');
  for (const record of records) {
    await t.test(record.title, (subtest) => {
      subtest.diagnostic(`${Math.round(record.milliseconds)} ms inside VS Code`);
      assert.notEqual(record.state, 'pending', 'no test is skipped');
      if (record.state === 'failed') assert.fail(record.error ?? 'failed');
    });
  }
  assert.equal(run.exitCode, 0, `the suite's exit code; workbench log:\n${run.log.slice(-40).join('\n')}`);
}

describe('VS Code extension host (code-server)', { timeout: 240_000 }, () => {
  it('runs the extension-host suite', (t) => runSuite(t, { name: 'extension-host' }));

  it('runs the Red Hat YAML checks with a stand-in of that extension installed', (t) =>
    runSuite(t, {
      name: 'extension-host-red-hat-yaml',
      files: ['red-hat-yaml'],
      otherExtensions: [join(REPO_ROOT, 'test', 'vscode', 'red-hat-yaml-stub')],
    }));
});
