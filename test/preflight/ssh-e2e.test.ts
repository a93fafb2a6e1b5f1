/**
 * Preflight over SSH against a real OpenSSH server on 127.0.0.1 (started here with temporary keys):
 * the same figures as reading this machine directly, host keys checked against known_hosts, clear
 * errors for refused keys, failed authentication and hosts that do not answer, each within its timeout.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectSnapshot } from '../../server/src/preflight/collect';
import { parseFacts } from '../../server/src/preflight/facts';
import { LocalHost } from '../../server/src/preflight/local-host';
import { openHost, type SshTargetRequest } from '../../server/src/preflight/open-host';
import { PreflightError } from '../../server/src/preflight/host';
import { measureDiskLatency } from '../../server/src/preflight/disk-latency';
import { NO_PROMPTS, type HostKeyQuestion } from '../../server/src/preflight/ssh/prompts';
import type { HostFacts, PreflightReport } from '../../server/src/preflight/types';
import { runCli } from '../helpers/run-cli';
import { freePort, startSilentServer, startSshd, type TestSshd } from './helpers/sshd';

let sshd: TestSshd;
let work: string;

before(async () => {
  sshd = await startSshd();
  work = mkdtempSync(join(tmpdir(), 'onenode-ssh-test-'));
});

after(async () => {
  await sshd?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

function knownHosts(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

function target(overrides: Partial<SshTargetRequest> = {}): SshTargetRequest {
  return {
    kind: 'ssh',
    host: '127.0.0.1',
    port: sshd.port,
    user: sshd.user,
    identityFiles: [sshd.identity],
    knownHostsFile: knownHosts('known_hosts', `${sshd.knownHostsLine}\n`),
    sshConfigPath: join(work, 'no-ssh-config'),
    useAgent: false,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<PreflightError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PreflightError, `a PreflightError, not ${String(error)}`);
    return error;
  }
  assert.fail('expected the connection to be refused');
}

/** The facts that do not depend on who reads them or how (sockets do: sshd listens for this test). */
function hardware(facts: HostFacts) {
  return { cpu: facts.cpu, memory: facts.memory, disks: facts.disks, nics: facts.nics, kvm: facts.kvmDevice, virt: facts.virtualization, boot: facts.bootMode, os: facts.os, kernel: facts.kernel };
}

describe('preflight over SSH (real sshd on 127.0.0.1)', () => {
  it('reads the same hardware over SSH as locally', async () => {
    const local = parseFacts(await collectSnapshot(new LocalHost()));
    const host = await openHost(target(), { timeoutMs: 10_000 });
    try {
      assert.equal(host.label, `${sshd.user}@127.0.0.1:${sshd.port}`);
      const remote = parseFacts(await collectSnapshot(host));
      assert.deepEqual(hardware(remote), hardware(local));
      assert.ok(remote.listening.some((s) => s.protocol === 'tcp' && s.port === sshd.port), 'the test sshd is among the listening sockets');
    } finally {
      await host.close();
    }
  });

  it('refuses an unknown host key, naming its fingerprint, and leaves known_hosts alone', async () => {
    const file = knownHosts('empty_known_hosts', '');
    const questions: HostKeyQuestion[] = [];
    const error = await rejection(openHost(target({ knownHostsFile: file }), { timeoutMs: 10_000, prompts: { ...NO_PROMPTS, confirmHostKey: (q) => (questions.push(q), Promise.resolve(false)) } }));
    assert.equal(error.code, 'host-key-unknown');
    assert.ok(error.message.includes(sshd.hostFingerprint), error.message);
    assert.equal(questions.length, 1);
    assert.equal(questions[0].fingerprint, sshd.hostFingerprint);
    assert.equal(readFileSync(file, 'utf8'), '');
  });

  it('connects once the person accepts the fingerprint, and records it as ssh does', async () => {
    const file = knownHosts('accepting_known_hosts', '');
    const host = await openHost(target({ knownHostsFile: file }), { timeoutMs: 10_000, prompts: { ...NO_PROMPTS, confirmHostKey: () => Promise.resolve(true) } });
    await host.close();
    assert.equal(readFileSync(file, 'utf8'), `${sshd.knownHostsLine}\n`);
    // Now known: no question asked.
    const again = await openHost(target({ knownHostsFile: file }), { timeoutMs: 10_000, prompts: NO_PROMPTS });
    await again.close();
  });

  it('accepts a fingerprint given in advance only when it matches', async () => {
    const host = await openHost(target({ knownHostsFile: knownHosts('advance', ''), acceptFingerprint: sshd.hostFingerprint }), { timeoutMs: 10_000 });
    await host.close();
    const error = await rejection(openHost(target({ knownHostsFile: knownHosts('advance2', ''), acceptFingerprint: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }), { timeoutMs: 10_000 }));
    assert.equal(error.code, 'host-key-unknown');
  });

  it('refuses a host whose key differs from the recorded one', async () => {
    const other = readFileSync(`${sshd.strangerIdentity}.pub`, 'utf8').split(/\s+/).slice(0, 2).join(' ');
    const error = await rejection(openHost(target({ knownHostsFile: knownHosts('changed', `[127.0.0.1]:${sshd.port} ${other}\n`) }), { timeoutMs: 10_000, prompts: { ...NO_PROMPTS, confirmHostKey: () => Promise.resolve(true) } }));
    assert.equal(error.code, 'host-key-changed');
    assert.match(error.message, /ssh-keygen -R/);
  });

  it('reports failed authentication with what was tried, without asking for a password it was not given', async () => {
    const started = Date.now();
    const error = await rejection(openHost(target({ identityFiles: [sshd.strangerIdentity] }), { timeoutMs: 10_000 }));
    assert.equal(error.code, 'auth-failed');
    assert.ok(error.message.includes(`key ${sshd.strangerIdentity}`), error.message);
    assert.ok(Date.now() - started < 10_000);
  });

  it('fails at once on a port where nothing listens', async () => {
    const port = await freePort();
    const started = Date.now();
    const error = await rejection(openHost(target({ port }), { timeoutMs: 10_000 }));
    assert.equal(error.code, 'unreachable');
    assert.match(error.message, /connection refused/);
    assert.ok(Date.now() - started < 5_000);
  });

  it('gives up on a host that accepts the connection but never answers, within its timeout', async () => {
    const silent = await startSilentServer();
    try {
      const started = Date.now();
      const error = await rejection(openHost(target({ port: silent.port }), { timeoutMs: 1_500 }));
      const elapsed = Date.now() - started;
      assert.equal(error.code, 'timeout');
      assert.match(error.message, /no SSH answer within 1\.5 s/);
      assert.ok(elapsed >= 1_400 && elapsed < 5_000, `gave up after ${elapsed} ms`);
    } finally {
      await silent.stop();
    }
  });

  it('times fdatasync on the host within its bounds, and removes its scratch file', async () => {
    const dir = mkdtempSync(join(work, 'latency-'));
    const host = await openHost(target(), { timeoutMs: 10_000 });
    try {
      const result = await measureDiskLatency(host, dir, { blockBytes: 2300, maxBytes: 2300 * 50, maxMs: 5_000 });
      assert.ok(result.samples > 0 && result.samples <= 50, `${result.samples} samples`);
      assert.ok(result.bytesWritten <= 2300 * 50);
      assert.ok(result.p99Ms >= result.p50Ms && result.maxMs >= result.p99Ms);
      assert.match(result.method, /python3 on the host/);
      assert.deepEqual(readdirSync(dir), []);
      await assert.rejects(measureDiskLatency(host, join(dir, 'missing'), { blockBytes: 2300, maxBytes: 23000, maxMs: 1000 }), /not a directory/);
    } finally {
      await host.close();
    }
  });

  it('runs `onenode preflight --host … --format json` with the machine\'s own figures', async () => {
    const args = ['preflight', '--host', `${sshd.user}@127.0.0.1:${sshd.port}`, '--identity', sshd.identity, '--known-hosts', target().knownHostsFile ?? '', '--format', 'json'];
    const local = parseFacts(await collectSnapshot(new LocalHost()));
    for (const [platform, environment] of [['harvester', 'test'], ['openshift', 'production'], ['kubev', 'production'], ['kubernetes', 'test']]) {
      const run = await runCli([...args, '--platform', platform, '--environment', environment]);
      assert.ok(run.code === 0 || run.code === 1, `${platform}/${environment}: exit ${run.code} ${run.stderr}`);
      const report = JSON.parse(run.stdout) as PreflightReport;
      assert.equal(report.target, `${sshd.user}@127.0.0.1:${sshd.port}`);
      // JSON leaves out undefined fields (a NIC without a speed), so compare both as JSON.
      assert.deepEqual(hardware(report.facts), JSON.parse(JSON.stringify(hardware(local))));
      assert.equal(report.evaluations.length, 1);
      assert.equal(report.evaluations[0].platform, platform);
      assert.equal(run.code, report.verdict === 'fail' ? 1 : 0);
    }
  });

  it('exits 2 with the reason when the host key is unknown and nobody can be asked', async () => {
    const run = await runCli(['preflight', '--host', `${sshd.user}@127.0.0.1:${sshd.port}`, '--identity', sshd.identity, '--known-hosts', knownHosts('cli-empty', ''), '--timeout', '5']);
    assert.equal(run.code, 2);
    assert.ok(run.stderr.includes(`unknown host key ssh-ed25519 ${sshd.hostFingerprint}`), run.stderr);
  });
});
