/**
 * Preflight over SSH never shows what the person typed or the key material it used: the language
 * server's whole output (protocol messages, progress, logs, results, standard error) and the
 * CLI's stdout and stderr are scanned for the key passphrase, the password and every line of the
 * private keys, in plain, JSON, base64 and URL-encoded forms (test/helpers/secret-scan.ts). Runs
 * against a real sshd on 127.0.0.1 (test/preflight/helpers/sshd.ts) and, for passwords, an SSH
 * server that asks for one.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_PREFLIGHT_COMMAND, type RunPreflightResult } from '../../server/src/preflight/protocol';
import { runCli } from '../helpers/run-cli';
import { assertNoSecrets } from '../helpers/secret-scan';
import { startSshd, type TestSshd } from '../preflight/helpers/sshd';
import { ServerSession } from './server-session';
import { startPasswordSshServer, type PasswordSshServer } from './password-ssh-server';

const PASSPHRASE = 'correct horse "battery" staple/7';
const WRONG_PASSPHRASE = 'wrong-passphrase-4711';
const PASSWORD = 'pa$$word with spaces & quotes\'"';

describe('preflight keeps passwords, passphrases and keys out of every output', { timeout: 120_000 }, () => {
  let sshd: TestSshd;
  let work: string;
  let home: string;
  let lockedKey: string;
  let passwordServer: PasswordSshServer;
  const sessions: ServerSession[] = [];
  let secrets: string[];

  before(async () => {
    sshd = await startSshd();
    work = mkdtempSync(join(tmpdir(), 'onenode-secrets-'));
    home = join(work, 'home');
    mkdirSync(join(home, '.ssh'), { recursive: true });
    lockedKey = join(work, 'id_locked');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', PASSPHRASE, '-C', 'onenode-locked', '-f', lockedKey], { stdio: 'ignore' });
    // sshd reads authorized_keys at every login, so the locked key is accepted from now on.
    appendFileSync(join(sshd.dir, 'authorized_keys'), readFileSync(`${lockedKey}.pub`));
    passwordServer = await startPasswordSshServer(work);
    secrets = [PASSPHRASE, WRONG_PASSPHRASE, PASSWORD, readFileSync(lockedKey, 'utf8'), readFileSync(sshd.identity, 'utf8'), readFileSync(sshd.strangerIdentity, 'utf8')];
  });

  after(async () => {
    for (const session of sessions) await session.stop();
    await passwordServer?.stop();
    await sshd?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function session(answers: string[]): Promise<ServerSession> {
    const s = await ServerSession.start({ trusted: true, home, secrets: answers });
    sessions.push(s);
    return s;
  }

  it('over the language server: a passphrase-protected key, unlocked with the passphrase typed in the editor', async () => {
    const s = await session([PASSPHRASE]);
    const result = await s.execute<RunPreflightResult>(RUN_PREFLIGHT_COMMAND, { target: `${sshd.user}@127.0.0.1:${sshd.port}`, identityFile: lockedKey, platform: 'kubernetes', environment: 'test' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(s.questions.map((q) => q.kind), ['passphrase']);
    assertNoSecrets(s.text(), secrets, 'the language server\'s output');
  });

  it('over the language server: a wrong passphrase, and a password the host refuses', async () => {
    const s = await session([WRONG_PASSPHRASE, PASSWORD]);
    const wrong = await s.execute<RunPreflightResult>(RUN_PREFLIGHT_COMMAND, { target: `${sshd.user}@127.0.0.1:${sshd.port}`, identityFile: lockedKey, platform: 'kubernetes' });
    assert.equal(wrong.ok ? 'ran' : wrong.code, 'auth-failed');
    const refused = await s.execute<RunPreflightResult>(RUN_PREFLIGHT_COMMAND, { target: `someone@127.0.0.1:${passwordServer.port}`, identityFile: sshd.strangerIdentity, platform: 'kubernetes' });
    assert.equal(refused.ok ? 'ran' : refused.code, 'auth-failed');
    assert.deepEqual(s.questions.map((q) => q.kind), ['passphrase', 'password']);
    // The password did reach the host: its absence from the output is not for want of using it.
    assert.deepEqual(passwordServer.received, [PASSWORD]);
    assertNoSecrets(s.text(), secrets, 'the language server\'s output');
  });

  it('over the language server: a host that takes only passwords is asked for one when there is no agent and no key', async () => {
    // HOME is a fresh directory (no ~/.ssh keys) and SSH_AUTH_SOCK is empty: the password is all there is.
    const s = await session([PASSWORD]);
    const sentBefore = passwordServer.received.length;
    const refused = await s.execute<RunPreflightResult>(RUN_PREFLIGHT_COMMAND, { target: `someone@127.0.0.1:${passwordServer.port}`, platform: 'kubernetes' });
    assert.equal(refused.ok ? 'ran' : refused.code, 'auth-failed');
    assert.deepEqual(s.questions.map((q) => q.kind), ['password']);
    assert.deepEqual(passwordServer.received.slice(sentBefore), [PASSWORD]);
    assertNoSecrets(s.text(), secrets, 'the language server\'s output');
  });

  it('the CLI: preflight --host with a key, and with a locked key it cannot unlock, prints no key material', async () => {
    const knownHosts = join(work, 'cli_known_hosts');
    writeFileSync(knownHosts, `${sshd.knownHostsLine}\n`);
    const base = ['preflight', '--host', `${sshd.user}@127.0.0.1:${sshd.port}`, '--known-hosts', knownHosts, '--platform', 'kubernetes', '--timeout', '10'];
    for (const [identity, format] of [[sshd.identity, 'json'], [sshd.identity, 'text'], [lockedKey, 'text']]) {
      const run = await runCli([...base, '--identity', identity, '--format', format]);
      assert.ok(run.code === 0 || run.code === 1 || (identity === lockedKey && run.code === 2), `exit ${run.code}: ${run.stderr}`);
      assertNoSecrets(`${run.stdout}\n${run.stderr}`, secrets, `onenode ${base.join(' ')} --identity ${identity} --format ${format}`);
    }
  });
});
