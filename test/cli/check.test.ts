/** `onenode check`: exit codes, text and JSON output, --fix in place, --platform, encodings. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, RULE_FIXTURES } from '../helpers/paths';
import { runCli, type JsonReport } from '../helpers/run-cli';

let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'onenode-cli-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const CLEAN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fine\n';
const WARNING_ONLY = readFileSync(join(RULE_FIXTURES, 'longhorn-replica-count', 'fires-three-replicas.yaml'), 'utf8');
const WITH_ERROR = readFileSync(join(RULE_FIXTURES, 'storageclass-parameter-type', 'fires.yaml'), 'utf8');

describe('onenode check', () => {
  it('exits 0 on a clean file and 0 when there are only warnings', async () => {
    writeFileSync(join(dir, 'clean.yaml'), CLEAN);
    writeFileSync(join(dir, 'warn.yml'), WARNING_ONLY);
    assert.equal((await runCli(['check', join(dir, 'clean.yaml')])).code, 0);
    const warn = await runCli(['check', join(dir, 'warn.yml')]);
    assert.equal(warn.code, 0);
    assert.match(warn.stdout, /1 problem \(0 errors, 1 warning, 0 info\) in 1 file/);
  });

  it('exits 1 when there are error findings, or more warnings than --max-warnings', async () => {
    writeFileSync(join(dir, 'error.yaml'), WITH_ERROR);
    assert.equal((await runCli(['check', join(dir, 'error.yaml')])).code, 1);
    const capped = await runCli(['check', join(dir, 'warn.yml'), '--max-warnings', '0']);
    assert.equal(capped.code, 1);
    assert.match(capped.stderr, /more than --max-warnings 0/);
  });

  it('prints compiler-style lines: path:line:col severity message [rule]', async () => {
    const result = await runCli(['check', 'warn.yml'], dir);
    const first = result.stdout.split('\n')[0];
    assert.match(first, /^warn\.yml:9:21 warning numberOfReplicas "3" .* \[longhorn-replica-count\]$/);
  });

  it('prints JSON with 0-based ranges and fixes', async () => {
    const result = await runCli(['check', join(dir, 'warn.yml'), '--format', 'json']);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.equal(report.files.length, 1);
    const [finding] = report.files[0].findings;
    assert.equal(finding.rule, 'longhorn-replica-count');
    assert.deepEqual(finding.range, { start: { line: 8, character: 20 }, end: { line: 8, character: 23 } });
    assert.equal(finding.fixes.length, 1);
    assert.deepEqual(report.summary, { files: 1, errors: 0, warnings: 1, infos: 0, fixed: 0, skipped: 0 });
  });

  it('walks directories for *.yaml and *.yml only', async () => {
    const sub = mkdtempSync(join(dir, 'walk-'));
    writeFileSync(join(sub, 'a.yaml'), WARNING_ONLY);
    writeFileSync(join(sub, 'b.yml'), WARNING_ONLY);
    writeFileSync(join(sub, 'c.txt'), WARNING_ONLY);
    const report = JSON.parse((await runCli(['check', sub, '--format', 'json'])).stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => f.path.split('/').pop()), ['a.yaml', 'b.yml']);
  });

  it('exits 2 with a clear message for usage and I/O errors', async () => {
    const missing = await runCli(['check', join(dir, 'does-not-exist.yaml')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /does-not-exist\.yaml: no such file or directory/);
    const badPlatform = await runCli(['check', dir, '--platform', 'mars']);
    assert.equal(badPlatform.code, 2);
    assert.match(badPlatform.stderr, /--platform must be one of auto, harvester, openshift, kubev, kubernetes/);
    const badFlag = await runCli(['check', '--frobnicate']);
    assert.equal(badFlag.code, 2);
    const noCommand = await runCli([]);
    assert.equal(noCommand.code, 2);
    assert.match(noCommand.stderr, /Usage: onenode check/);
  });

  it('--fix applies the preferred fixes in place, keeps comments, and reports what is left', async () => {
    const path = join(dir, 'fix-me.yaml');
    copyFileSync(join(RULE_FIXTURES, 'required-anti-affinity', 'fires-all-terms.yaml'), path);
    const result = await runCli(['check', path, '--fix', '--format', 'json']);
    assert.equal(result.code, 0);
    const expected = readFileSync(join(RULE_FIXTURES, 'required-anti-affinity', 'fires-all-terms.fixed.yaml'), 'utf8');
    assert.equal(readFileSync(path, 'utf8'), expected);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.equal(report.summary.fixed, 1);
    assert.deepEqual(report.files[0].findings, []);
  });

  it('--fix resolves overlapping fixes over several passes (unquoted 3 replicas)', async () => {
    const path = join(dir, 'overlap.yaml');
    writeFileSync(path, 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: x\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: 3 # was HA\n');
    const result = await runCli(['check', path, '--fix']);
    assert.equal(result.code, 0);
    assert.match(readFileSync(path, 'utf8'), /numberOfReplicas: "1" # was HA\n$/);
  });

  it('--platform openshift skips Harvester-only rules; auto runs every rule on its kind', async () => {
    const path = join(dir, 'harvester.yaml');
    copyFileSync(join(RULE_FIXTURES, 'harvester-replica-count', 'fires-three.yaml'), path);
    const auto = JSON.parse((await runCli(['check', path, '--format', 'json'])).stdout) as JsonReport;
    assert.equal(auto.files[0].findings.length, 1);
    const openshift = JSON.parse((await runCli(['check', path, '--format', 'json', '--platform', 'openshift'])).stdout) as JsonReport;
    assert.equal(openshift.files[0].findings.length, 0);
  });

  it('keeps CRLF line endings and a UTF-8 BOM when fixing', async () => {
    const path = join(dir, 'crlf.yaml');
    const text = WARNING_ONLY.replace(/\n/g, '\r\n');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const before = JSON.parse((await runCli(['check', path, '--format', 'json'])).stdout) as JsonReport;
    assert.deepEqual(before.files[0].findings[0].range.start, { line: 8, character: 20 });
    await runCli(['check', path, '--fix']);
    const after = readFileSync(path);
    assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const fixed = after.subarray(3).toString('utf8');
    assert.equal(fixed, text.replace("numberOfReplicas: '3'", "numberOfReplicas: '1'"));
  });

  it('skips binary files with a reason instead of failing', async () => {
    const path = join(dir, 'binary.yaml');
    writeFileSync(path, Buffer.from([0x00, 0x01, 0x02, 0x61, 0x3a, 0x20, 0x00]));
    const result = await runCli(['check', path]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /binary\.yaml: skipped, not checked: the file looks binary/);
  });

  it('skips a file too large to check by its size, without reading it', async () => {
    // 33 MiB of a 3-byte UTF-8 character: read, it is 11 Mi characters ("11.0 MB"); skipped
    // unread, the message gives its size on disk.
    const path = join(dir, 'dump.yaml');
    writeFileSync(path, Buffer.alloc(33 * 1024 * 1024, '€'));
    writeFileSync(join(dir, 'next-to-dump.yaml'), WARNING_ONLY);
    const result = await runCli(['check', path, join(dir, 'next-to-dump.yaml'), '--format', 'json']);
    assert.equal(result.code, 0);
    const report = JSON.parse(result.stdout) as JsonReport;
    assert.match(report.files[0].skipped ?? '', /^not checked: the file is 33\.0 MB, above OneNode's 10 MB limit$/);
    assert.equal(report.files[1].findings.length, 1);
  });
});

describe('onenode check -', () => {
  it('reads standard input and names it <stdin>', () => {
    const out = execFileSync(process.execPath, [join(DIST, 'cli.js'), 'check', '-'], { input: WARNING_ONLY, encoding: 'utf8' });
    assert.match(out, /^<stdin>:9:21 warning numberOfReplicas "3"/);
  });

  it('refuses --fix on standard input', async () => {
    const result = await runCli(['check', '-', '--fix']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--fix cannot write back to standard input/);
  });
});
