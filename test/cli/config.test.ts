/** `.onenode.yaml` in the CLI: found in the working directory or given with --config; flags override it. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULE_FIXTURES } from '../helpers/paths';
import { runCli, type JsonReport } from '../helpers/run-cli';

let dir: string;
const INGRESS = readFileSync(join(RULE_FIXTURES, 'ingress-replicas', 'fires.yaml'), 'utf8');
const LONGHORN = readFileSync(join(RULE_FIXTURES, 'longhorn-replica-count', 'fires-three-replicas.yaml'), 'utf8');

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'onenode-config-'));
  mkdirSync(join(dir, 'charts', 'app'), { recursive: true });
  writeFileSync(join(dir, 'ingress.yaml'), INGRESS);
  writeFileSync(join(dir, 'charts', 'app', 'sc.yaml'), LONGHORN);
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function report(args: string[]): Promise<{ code: number; stderr: string; rules: string[] }> {
  const result = await runCli(['check', '--format', 'json', ...args], dir);
  const parsed = JSON.parse(result.stdout) as JsonReport;
  return { code: result.code, stderr: result.stderr, rules: parsed.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.rule}:${x.severity}`)) };
}

describe('onenode check with .onenode.yaml', () => {
  it('applies severities and ignore globs from the working directory\'s .onenode.yaml, and does not check the config itself', async () => {
    writeFileSync(join(dir, '.onenode.yaml'), 'rules:\n  ingress-replicas: error\nignore:\n  - charts/**\n');
    const { code, rules } = await report([]);
    assert.deepEqual(rules, ['ingress.yaml:ingress-replicas:error']);
    assert.equal(code, 1);
  });

  it('lets command-line flags override the config', async () => {
    writeFileSync(join(dir, '.onenode.yaml'), 'platform: harvester\n');
    assert.deepEqual((await report([])).rules, ['charts/app/sc.yaml:longhorn-replica-count:warning']);
    assert.deepEqual((await report(['--platform', 'openshift'])).rules, ['charts/app/sc.yaml:longhorn-replica-count:warning', 'ingress.yaml:ingress-replicas:warning']);
  });

  it('reads --config from elsewhere, and exits 2 naming the line of an invalid entry', async () => {
    const other = join(dir, 'ci.yaml');
    writeFileSync(other, 'environment: staging\n');
    const result = await report(['--config', other, 'ingress.yaml']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /ci\.yaml:1:1 error \.onenode\.yaml: environment must be one of test, production\./);
  });
});
