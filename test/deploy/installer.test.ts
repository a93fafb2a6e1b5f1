/**
 * Handing install configs to their installer: a scripted stand-in for openshift-install and the
 * Kube-V installer records the arguments it got, the directory it ran in and the files it was
 * given. It must get copies in a fresh asset directory, an argument array (nothing a shell would
 * read), preflight must pass first (or be skipped explicitly), and its output and exit status
 * must come through.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/paths';
import { runDeploy } from './helpers/run';

const OPENSHIFT = join(FIXTURES, 'deploy', 'openshift');
const KUBEV = join(FIXTURES, 'deploy', 'kubev');
const PASSING = join(FIXTURES, 'preflight', 'baremetal-nvme-10g.json');
const FAILING = join(FIXTURES, 'preflight', 'qemu-vm-no-kvm.json');

interface Record {
  argv: string[];
  cwd: string;
  files: { [name: string]: string };
}

/** A stand-in installer: records what it got, consumes its inputs as openshift-install does, prints, exits as told. */
function writeStandIn(dir: string): string {
  const path = join(dir, 'installer-stand-in');
  writeFileSync(
    path,
    `#!${process.execPath}
const fs = require('fs'), path = require('path');
const args = process.argv.slice(2);
const record = { argv: args, cwd: process.cwd(), files: {} };
if (args[0] === 'agent') {
  const dir = args[args.indexOf('--dir') + 1];
  for (const f of fs.readdirSync(dir)) record.files[f] = fs.readFileSync(path.join(dir, f), 'utf8');
  for (const f of ['install-config.yaml', 'agent-config.yaml']) fs.rmSync(path.join(dir, f), { force: true });
  fs.writeFileSync(path.join(dir, 'agent.x86_64.iso'), 'an ISO');
} else if (args[0] === 'apply') {
  const file = args[args.indexOf('-f') + 1];
  record.files[path.basename(file)] = fs.readFileSync(file, 'utf8');
}
fs.writeFileSync(process.env.STAND_IN_RECORD, JSON.stringify(record));
console.log('stand-in: INFO Consuming Install Config from target directory');
console.error('stand-in: WARNING a line on standard error');
process.exit(Number(process.env.STAND_IN_EXIT || 0));
`,
  );
  chmodSync(path, 0o755);
  return path;
}

describe('onenode deploy <install-config> / <KubeVCluster> (installer hand-off)', () => {
  let dir: string;
  let installer: string;
  let recordPath: string;
  let env: NodeJS.ProcessEnv;
  let count = 0;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'onenode-installer-'));
    installer = writeStandIn(dir);
    recordPath = join(dir, 'record.json');
    mkdirSync(join(dir, 'home'));
    env = { ...process.env, STAND_IN_RECORD: recordPath, HOME: join(dir, 'home') };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const assetDir = () => join(dir, `assets-${++count}`);
  const record = () => JSON.parse(readFileSync(recordPath, 'utf8')) as Record;

  it('runs openshift-install agent create image on copies in a fresh, private asset directory after preflight passes', async () => {
    rmSync(recordPath, { force: true });
    const assets = assetDir();
    const run = await runDeploy([OPENSHIFT, '--installer', installer, '--asset-dir', assets, '--preflight-snapshot', PASSING, '--yes'], env);
    assert.equal(run.code, 0, run.stderr);
    const got = record();
    assert.deepEqual(got.argv, ['agent', 'create', 'image', '--dir', assets, '--log-level', 'info']);
    assert.equal(got.cwd, assets);
    assert.deepEqual(Object.keys(got.files).sort(), ['agent-config.yaml', 'install-config.yaml']);
    assert.equal(got.files['install-config.yaml'], readFileSync(join(OPENSHIFT, 'install-config.yaml'), 'utf8'));
    assert.equal(got.files['agent-config.yaml'], readFileSync(join(OPENSHIFT, 'agent-config.yaml'), 'utf8'));
    // The installer consumed the copies; the person's files are untouched.
    assert.deepEqual(readdirSync(assets), ['agent.x86_64.iso']);
    assert.ok(existsSync(join(OPENSHIFT, 'install-config.yaml')));
    assert.equal(statSync(assets).mode & 0o777, 0o700);
    // Its output comes through; preflight was shown first.
    assert.match(run.stdout, /^stand-in: INFO Consuming Install Config from target directory$/m);
    assert.match(run.stderr, /^stand-in: WARNING a line on standard error$/m);
    assert.match(run.stderr, /^Preflight of .*baremetal-nvme-10g\.json/m);
    assert.match(run.stderr, /Config: install device: \/dev\/nvme0n1 is \/dev\/nvme0n1/);
    assert.match(run.stderr, /^Running \S+installer-stand-in agent create image --dir \S+ --log-level info$/m);
  });

  it('refuses to run the installer when preflight fails, unless --force', async () => {
    rmSync(recordPath, { force: true });
    const refused = await runDeploy([OPENSHIFT, '--installer', installer, '--asset-dir', assetDir(), '--preflight-snapshot', FAILING, '--yes'], env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /preflight failed: fix the machine \(see above\), or run the installer anyway with --force/);
    assert.ok(!existsSync(recordPath), 'the installer ran');
    const forced = await runDeploy([OPENSHIFT, '--installer', installer, '--asset-dir', assetDir(), '--preflight-snapshot', FAILING, '--yes', '--force'], env);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stderr, /preflight failed; going on because of --force/);
    assert.ok(existsSync(recordPath));
  });

  it('asks for preflight or an explicit skip, and for a confirmation', async () => {
    rmSync(recordPath, { force: true });
    const noPreflight = await runDeploy([OPENSHIFT, '--installer', installer, '--yes'], env);
    assert.equal(noPreflight.code, 1);
    assert.match(noPreflight.stderr, /run preflight of the machine to install first: --preflight-host user@host \(or local\), --preflight-snapshot FILE .*, or --skip-preflight/);
    const unconfirmed = await runDeploy([OPENSHIFT, '--installer', installer, '--asset-dir', assetDir(), '--skip-preflight'], env);
    assert.equal(unconfirmed.code, 1);
    assert.match(unconfirmed.stderr, /preflight skipped \(--skip-preflight\)/);
    assert.match(unconfirmed.stderr, /not confirmed: there is no terminal to ask in; pass --yes/);
    assert.ok(!existsSync(recordPath), 'the installer ran without a confirmation');
  });

  it('runs kubev apply -f on a copy, in the folder of the original, with paths no shell ever reads', async () => {
    rmSync(recordPath, { force: true });
    const source = join(dir, 'site $(touch pwned) ;x');
    mkdirSync(source);
    const file = join(source, 'cluster `id`.yaml');
    cpSync(join(KUBEV, 'cluster.yaml'), file);
    const assets = assetDir();
    const run = await runDeploy([file, '--installer', installer, '--asset-dir', assets, '--skip-preflight', '--yes'], env, dir);
    assert.equal(run.code, 0, run.stderr);
    const got = record();
    assert.deepEqual(got.argv, ['apply', '-f', join(assets, 'cluster `id`.yaml')]);
    assert.equal(got.cwd, source, 'relative paths in the file (sshPrivateKeyFile) resolve next to it');
    assert.equal(got.files['cluster `id`.yaml'], readFileSync(file, 'utf8'));
    assert.ok(!existsSync(join(dir, 'pwned')) && !existsSync(join(source, 'pwned')), 'a shell ran the path');
    assert.match(run.stderr, /^Running \S+installer-stand-in apply -f '.*cluster `id`\.yaml'$/m);
  });

  it('passes the installer\'s exit status through', async () => {
    const run = await runDeploy([KUBEV, '--installer', installer, '--asset-dir', assetDir(), '--skip-preflight', '--yes'], { ...env, STAND_IN_EXIT: '3' });
    assert.equal(run.code, 3);
    assert.match(run.stderr, /The installer exited with 3\. Its files are in /);
  });

  it('refuses an asset directory that is not empty, and an installer that is not there', async () => {
    const used = assetDir();
    mkdirSync(used);
    writeFileSync(join(used, '.openshift_install_state.json'), '{}');
    const busy = await runDeploy([OPENSHIFT, '--installer', installer, '--asset-dir', used, '--skip-preflight', '--yes'], env);
    assert.equal(busy.code, 2);
    assert.match(busy.stderr, /the asset directory .* is not empty: give a new or empty one/);
    const missing = await runDeploy([OPENSHIFT, '--skip-preflight', '--yes'], { ...env, PATH: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /openshift-install was not found on PATH: set onenode\.deploy\.openshiftInstallPath \(or give --installer\)/);
  });

  it('needs the install-config with an agent-config', async () => {
    const run = await runDeploy([join(OPENSHIFT, 'agent-config.yaml'), '--installer', installer, '--skip-preflight', '--yes'], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /an agent-config alone cannot be installed: select it together with its install-config/);
  });
});
