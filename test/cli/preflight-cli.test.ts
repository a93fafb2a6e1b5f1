/** `onenode preflight`: this machine's figures in JSON, saved snapshots, exit codes and usage errors. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/run-cli';
import { FIXTURES } from '../helpers/paths';
import type { PreflightReport } from '../../server/src/preflight/types';

const SNAPSHOTS = join(FIXTURES, 'preflight');
let dir: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'onenode-preflight-cli-'));
});

after(() => {
  rmSync(dir, { recursive: true, force: true });
});

function report(stdout: string): PreflightReport {
  return JSON.parse(stdout) as PreflightReport;
}

describe('onenode preflight on this machine', () => {
  it('reports the machine\'s own CPU count, memory and disks in JSON, for each platform and environment', async () => {
    const lsblk = execFileSync('lsblk', ['-b', '-d', '-n', '-r', '-o', 'NAME,SIZE'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([name]) => !/^(loop|ram|zram|sr|fd|nbd|dm-|md)/.test(name));
    for (const [platform, environment] of [['harvester', 'test'], ['openshift', 'production'], ['kubev', 'test'], ['kubernetes', 'production']]) {
      const run = await runCli(['preflight', '--format', 'json', '--platform', platform, '--environment', environment]);
      const r = report(run.stdout);
      assert.equal(r.target, 'this machine');
      assert.equal(r.facts.cpu.logical, Number(execFileSync('nproc', ['--all'], { encoding: 'utf8' })));
      assert.ok(r.facts.cpu.logical !== undefined && r.facts.cpu.logical >= cpus().length);
      assert.equal(r.facts.memory.memTotalBytes, totalmem());
      assert.deepEqual(r.facts.disks.map((d) => [d.name, String(d.sizeBytes)]).sort(), lsblk.sort());
      const [evaluation] = r.evaluations;
      assert.deepEqual([evaluation.platform, evaluation.environment], [platform, environment]);
      const cores = evaluation.checks.find((c) => c.id === 'cpu-cores');
      assert.match(cores?.measured ?? '', new RegExp(`^${r.facts.cpu.logical} logical CPUs?`));
      assert.equal(run.code, r.verdict === 'fail' ? 1 : 0, run.stderr);
    }
  });

  it('times fdatasync with --disk-latency and leaves nothing behind', async () => {
    const target = mkdtempSync(join(dir, 'latency-'));
    const run = await runCli(['preflight', '--format', 'json', '--platform', 'openshift', '--disk-latency', target]);
    const r = report(run.stdout);
    assert.ok(r.diskLatency && 'p99Ms' in r.diskLatency, JSON.stringify(r.diskLatency));
    assert.ok(r.diskLatency.bytesWritten <= 22 * 1024 * 1024);
    assert.deepEqual(readdirSync(target), []);
    const check = r.evaluations[0].checks.find((c) => c.id === 'disk-latency');
    assert.equal(check?.status, r.diskLatency.p99Ms <= 10 ? 'pass' : 'fail');
  });
});

describe('onenode preflight on saved snapshots', () => {
  it('fails a machine below the requirements, with the reason, and exits 1', async () => {
    const run = await runCli(['preflight', '--from-raw', join(SNAPSHOTS, 'qemu-vm-no-kvm.json'), '--platform', 'harvester', '--environment', 'production']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /FAIL {2}CPU cores: 4 logical CPUs \(nproc --all\)\n {8}required: 16 cores for production \(Harvester installer preflight, MinCPUTest=8, MinCPUProd=16\)/);
    assert.match(run.stdout, /FAIL {2}Hardware virtualization \(KVM\): \/dev\/kvm missing/);
    assert.match(run.stdout, /Result: FAIL\n?$/);
  });

  it('exits 0 for a machine that meets them', async () => {
    const run = await runCli(['preflight', '--from-raw', join(SNAPSHOTS, 'baremetal-nvme-10g.json'), '--platform', 'all', '--environment', 'all', '--format', 'json']);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(report(run.stdout).evaluations.length, 8);
  });

  it('checks the install device and interfaces a Harvester config names', async () => {
    const config = join(dir, 'config.yaml');
    writeFileSync(config, 'scheme_version: 1\ninstall:\n  mode: create\n  device: /dev/nvme0n1\n  management_interface:\n    interfaces:\n      - name: eno1\n      - hwAddr: "3C:EC:EF:AA:BB:02"\n    method: dhcp\n');
    const good = report((await runCli(['preflight', '--from-raw', join(SNAPSHOTS, 'baremetal-nvme-10g.json'), '--platform', 'harvester', '--config', config, '--format', 'json'])).stdout);
    const checks = good.evaluations[0].checks;
    assert.equal(checks.find((c) => c.id === 'config-install-device')?.status, 'pass');
    assert.equal(checks.find((c) => c.id === 'config-management-interface')?.status, 'pass');
    writeFileSync(config, 'scheme_version: 1\ninstall:\n  mode: create\n  device: /dev/sdz\n  management_interface:\n    interfaces:\n      - name: eth7\n    method: dhcp\n');
    const bad = await runCli(['preflight', '--from-raw', join(SNAPSHOTS, 'baremetal-nvme-10g.json'), '--platform', 'harvester', '--config', config]);
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /Config: install device: \/dev\/sdz is not a disk on the host \(disks: \/dev\/nvme0n1, \/dev\/sda\)/);
    assert.match(bad.stdout, /Config: management interfaces: not on the host: eth7/);
  });

  it('picks the agent-config host by MAC address and checks its root device', async () => {
    const config = join(dir, 'agent-config.yaml');
    writeFileSync(config, 'apiVersion: v1beta1\nkind: AgentConfig\nmetadata:\n  name: sno\nrendezvousIP: 192.168.1.40\nhosts:\n  - hostname: other\n    interfaces:\n      - name: eth0\n        macAddress: 00:11:22:33:44:55\n  - hostname: nuc-lab\n    rootDeviceHints:\n      deviceName: /dev/sdb\n    interfaces:\n      - name: enp89s0\n        macAddress: 1c:69:7a:0a:0b:0c\n');
    const run = await runCli(['preflight', '--from-raw', join(SNAPSHOTS, 'baremetal-1g-nic.json'), '--platform', 'openshift', '--config', config, '--format', 'json']);
    const r = report(run.stdout);
    assert.match(r.config?.source ?? '', /\(nuc-lab\)$/);
    const device = r.evaluations[0].checks.find((c) => c.id === 'config-install-device');
    assert.equal(device?.status, 'fail');
    assert.match(device?.measured ?? '', /removable/);
  });
});

describe('onenode preflight usage', () => {
  it('exits 2 on bad options, with the reason', async () => {
    const cases: [string[], RegExp][] = [
      [['preflight', '--platform', 'mars'], /--platform must be all or one of harvester, openshift, kubev, kubernetes/],
      [['preflight', '--format', 'xml'], /--format must be text, json or markdown/],
      [['preflight', '--host=-oProxyCommand=sh'], /is not a host/],
      [['preflight', '--identity', '/tmp/x'], /--identity and --accept-host-key need --host/],
      [['preflight', '--from-raw', '/nonexistent.json'], /--from-raw \/nonexistent\.json: no such file/],
      [['preflight', '--frobnicate'], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });

  it('prints its help', async () => {
    const run = await runCli(['preflight', '--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Usage: onenode preflight/);
  });
});
