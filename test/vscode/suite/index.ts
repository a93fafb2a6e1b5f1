/**
 * The extension-host test entry: `run()` as @vscode/test-electron and code-server's smoke-test
 * driver both call it. Runs the mocha files of this folder in a fixed order (activation first,
 * while nothing has activated the extension yet). When ONENODE_SUITE_RESULTS names a file, writes
 * one record per test there, so a driver outside VS Code can report each test by name.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The default run; ONENODE_SUITE_FILES (comma-separated) picks others, e.g. red-hat-yaml. */
const FILES = ['activation', 'diagnostics', 'code-actions', 'hover', 'completion', 'commands'];

/** Read by test/vscode/extension-host.test.ts, which keeps its own copy of this shape. */
interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  milliseconds: number;
  error?: string;
}

export async function run(): Promise<void> {
  // Mocha 12's package entry is an ES module; import() loads it from CommonJS on any Node.
  const { default: Mocha } = await import('mocha');
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  const files = process.env.ONENODE_SUITE_FILES?.split(',') ?? FILES;
  for (const name of files) mocha.addFile(join(__dirname, `${name}.test.js`));
  await mocha.loadFilesAsync();

  const records: TestRecord[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => records.push({ title: test.fullTitle(), state: 'passed', milliseconds: test.duration ?? 0 }));
    runner.on('pending', (test) => records.push({ title: test.fullTitle(), state: 'pending', milliseconds: 0 }));
    runner.on('fail', (test, error: Error) => records.push({ title: test.fullTitle(), state: 'failed', milliseconds: test.duration ?? 0, error: error.stack ?? error.message }));
  });
  const resultsFile = process.env.ONENODE_SUITE_RESULTS;
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(records, null, 2));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
