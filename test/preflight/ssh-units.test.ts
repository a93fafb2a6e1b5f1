/** The SSH pieces that need no server: known_hosts, quoting, the batch reader's framing, ssh_config and targets. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { fingerprintOf, keyTypeOf, parseKnownHosts, verifyHostKey } from '../../server/src/preflight/ssh/known-hosts';
import { commandLine } from '../../server/src/preflight/ssh/quote';
import { BATCH_SCRIPT, batchArgv, newNonce, parseBatchOutput } from '../../server/src/preflight/ssh/batch';
import { hostAliases, parseSshConfig, resolveHost } from '../../server/src/preflight/ssh/ssh-config';
import { parseTarget } from '../../server/src/preflight/ssh/target';

function keyBlob(type: string, body: Buffer): Buffer {
  const name = Buffer.from(type);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(name.length);
  return Buffer.concat([length, name, body]);
}

const KEY = keyBlob('ssh-ed25519', randomBytes(36));
const OTHER = keyBlob('ssh-ed25519', randomBytes(36));
const RSA = keyBlob('ssh-rsa', randomBytes(64));

describe('known_hosts', () => {
  it('knows a host by plain name, [host]:port, wildcard and hashed name', () => {
    const salt = randomBytes(20);
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('[10.0.0.9]:2222').digest('base64')}`;
    const entries = parseKnownHosts(
      [`node1,10.0.0.5 ssh-ed25519 ${KEY.toString('base64')}`, `[127.0.0.1]:2222 ssh-ed25519 ${KEY.toString('base64')}`, `*.lab ssh-ed25519 ${KEY.toString('base64')}`, `${hashed} ssh-ed25519 ${KEY.toString('base64')}`].join('\n'),
    );
    assert.equal(verifyHostKey(entries, '10.0.0.5', 22, KEY), 'known');
    assert.equal(verifyHostKey(entries, '127.0.0.1', 2222, KEY), 'known');
    assert.equal(verifyHostKey(entries, '127.0.0.1', 22, KEY), 'unknown', 'port 22 is a different name than [host]:2222');
    assert.equal(verifyHostKey(entries, 'edge.lab', 22, KEY), 'known');
    assert.equal(verifyHostKey(entries, '10.0.0.9', 2222, KEY), 'known');
  });

  it('calls a different key of the same type "changed", another type "unknown", and honours @revoked and negation', () => {
    const entries = parseKnownHosts(`node1 ssh-ed25519 ${KEY.toString('base64')}\n@revoked * ssh-ed25519 ${OTHER.toString('base64')}\n*.lab,!bad.lab ssh-rsa ${RSA.toString('base64')}\n`);
    assert.equal(verifyHostKey(entries, 'node1', 22, keyBlob('ssh-ed25519', randomBytes(36))), 'changed');
    assert.equal(verifyHostKey(entries, 'node1', 22, RSA), 'unknown');
    assert.equal(verifyHostKey(entries, 'node1', 22, OTHER), 'revoked');
    assert.equal(verifyHostKey(entries, 'good.lab', 22, RSA), 'known');
    assert.equal(verifyHostKey(entries, 'bad.lab', 22, RSA), 'unknown');
  });

  it('prints fingerprints as ssh-keygen does', () => {
    const dir = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
    try {
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', `${dir}/k`]);
      const [type, b64] = execFileSync('cat', [`${dir}/k.pub`], { encoding: 'utf8' }).split(/\s+/);
      const expected = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${dir}/k.pub`], { encoding: 'utf8' }).split(/\s+/)[1];
      const blob = Buffer.from(b64, 'base64');
      assert.equal(fingerprintOf(blob), expected);
      assert.equal(keyTypeOf(blob), type);
    } finally {
      execFileSync('rm', ['-rf', dir]);
    }
  });
});

describe('remote command lines', () => {
  it('quotes every argument so the shell sees it as one word', () => {
    const nasty = [`it's`, '$(reboot)', '`id`', 'a b', '; rm -rf /', '*'];
    const echoed = execFileSync('sh', ['-c', `printf '%s\\n' ${commandLine(nasty)}`], { encoding: 'utf8' });
    assert.deepEqual(echoed.split('\n').slice(0, -1), nasty);
    assert.throws(() => commandLine(['a\0b']));
  });

  it('frames batch reads so contents, missing files and empty files come back exactly', () => {
    const nonce = newNonce();
    const dir = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
    try {
      execFileSync('sh', ['-c', `printf 'two\\nlines\\n\\n' > ${dir}/a; : > ${dir}/empty; printf 'no newline' > ${dir}/b`]);
      const paths = [`${dir}/a`, `${dir}/missing`, `${dir}/empty`, `${dir}/b`, dir];
      const [program, ...args] = batchArgv(nonce, 'read', paths);
      const output = execFileSync(program, args, { input: BATCH_SCRIPT, encoding: 'utf8' });
      assert.deepEqual(parseBatchOutput(output, nonce, paths.length), ['two\nlines\n\n', null, '', 'no newline', null]);
      assert.throws(() => parseBatchOutput(output, nonce, paths.length + 1), /unexpected answer/);
    } finally {
      execFileSync('rm', ['-rf', dir]);
    }
  });
});

describe('ssh_config and targets', () => {
  const config = parseSshConfig(['Host edge', '  HostName 10.0.0.5', '  User admin', '  Port 2222', '  IdentityFile ~/.ssh/edge', 'Host *.lab !bad.lab', '  User labuser', 'Match host x', '  User ignored', 'Host *', '  User fallback', '  IdentityFile ~/.ssh/id_ed25519'].join('\n'));

  it('resolves an alias with first-value-wins and accumulated identity files', () => {
    const edge = resolveHost(config, 'edge');
    assert.equal(edge.hostName, '10.0.0.5');
    assert.equal(edge.user, 'admin');
    assert.equal(edge.port, 2222);
    assert.equal(edge.identityFiles.length, 2);
    assert.equal(resolveHost(config, 'a.lab').user, 'labuser');
    assert.equal(resolveHost(config, 'bad.lab').user, 'fallback');
    assert.deepEqual(hostAliases(config), ['edge']);
  });

  it('parses user@host[:port] and bracketed IPv6, and rejects what could be an option', () => {
    assert.deepEqual(parseTarget('root@10.0.0.5:2222'), { user: 'root', host: '10.0.0.5', port: 2222 });
    assert.deepEqual(parseTarget('edge'), { user: undefined, host: 'edge', port: undefined });
    assert.deepEqual(parseTarget('core@[fd00::5]:22'), { user: 'core', host: 'fd00::5', port: 22 });
    assert.deepEqual(parseTarget('fd00::5'), { user: undefined, host: 'fd00::5', port: undefined });
    assert.throws(() => parseTarget('-oProxyCommand=x'));
    assert.throws(() => parseTarget('root@host:99999'));
  });
});
