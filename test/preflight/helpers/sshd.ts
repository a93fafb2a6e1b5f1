/**
 * A real OpenSSH server on 127.0.0.1 for the preflight tests: a temporary host key, a temporary
 * user key in authorized_keys, and a private config. It logs in as the user running the tests.
 * Every wait is bounded; stop() kills the server and removes the directory.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, listenOnLoopback, stopper } from '../../helpers/ports';
export { freePort };

export const SSHD = '/usr/sbin/sshd';
const START_TIMEOUT_MS = 10_000;

export interface TestSshd {
  dir: string;
  port: number;
  user: string;
  /** The user's private key (authorised on the server). */
  identity: string;
  /** A key the server does not accept. */
  strangerIdentity: string;
  /** "[127.0.0.1]:port ssh-ed25519 AAAA…", the host's key as known_hosts records it. */
  knownHostsLine: string;
  hostFingerprint: string;
  stop(): Promise<void>;
}

function keygen(path: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'onenode-test', '-f', path], { stdio: 'ignore' });
}

function waitForListening(child: ChildProcess, log: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sshd did not start within ${START_TIMEOUT_MS} ms:\n${log.join('')}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      log.push(chunk.toString());
      if (/Server listening on 127\.0\.0\.1/.test(log.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`sshd exited with ${code}:\n${log.join('')}`));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startSshd(): Promise<TestSshd> {
  if (!existsSync(SSHD)) throw new Error(`${SSHD} is missing: install Debian's openssh-server (apt-get install -y openssh-server), as .ci/run does`);
  const dir = mkdtempSync(join(tmpdir(), 'onenode-sshd-'));
  let child: ChildProcess | undefined;
  try {
    keygen(join(dir, 'host_ed25519'));
    keygen(join(dir, 'id_user'));
    keygen(join(dir, 'id_stranger'));
    writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'id_user.pub')));
    // sshd refuses to start without its privilege-separation directory.
    if (process.getuid?.() === 0) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    const port = await freePort();
    const user = userInfo().username;
    writeFileSync(
      join(dir, 'sshd_config'),
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${join(dir, 'host_ed25519')}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
        'StrictModes no',
        'UsePAM no',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        'PermitRootLogin prohibit-password',
        `AllowUsers ${user}`,
        'MaxStartups 50',
        '',
      ].join('\n'),
    );
    const log: string[] = [];
    child = spawn(SSHD, ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
    await waitForListening(child, log);
    const [keyType, keyBase64] = readFileSync(join(dir, 'host_ed25519.pub'), 'utf8').trim().split(/\s+/);
    const fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', join(dir, 'host_ed25519.pub')], { encoding: 'utf8' }).split(/\s+/)[1];
    const running = child;
    return {
      dir,
      port,
      user,
      identity: join(dir, 'id_user'),
      strangerIdentity: join(dir, 'id_stranger'),
      knownHostsLine: `[127.0.0.1]:${port} ${keyType} ${keyBase64}`,
      hostFingerprint: fingerprint,
      stop: async () => {
        await stopProcess(running);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (child) await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** A TCP server on 127.0.0.1 that accepts connections and never says a word: an SSH host that does not answer. */
export async function startSilentServer(): Promise<{ port: number; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  return { port: await listenOnLoopback(server), stop: stopper(server, sockets) };
}
