/**
 * Opening an SSH connection for preflight with ssh2: the host key is checked against known_hosts
 * (an unknown key is refused unless the person accepts its fingerprint, a changed or revoked one
 * always), then the agent, the key files and, only if the person types one, a password are tried.
 * One timeout bounds the TCP connect, the handshake and authentication, not counting the time
 * spent answering a prompt.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { promises as fs } from 'node:fs';
import { Client, utils, type AnyAuthMethod, type AuthenticationType, type ParsedKey } from 'ssh2';
import { cancelledError, PreflightError } from '../host';
import { Deadline } from './deadline';
import { appendKnownHost, fingerprintOf, keyTypeOf, knownHostName, readKnownHosts, verifyHostKey } from './known-hosts';
import type { SshPrompts } from './prompts';
import { formatTarget } from './target';

export interface SshConnectOptions {
  host: string;
  port: number;
  user: string;
  /** Private key files to try, in order. */
  identityFiles: readonly string[];
  /** ssh-agent socket (SSH_AUTH_SOCK), tried first. */
  agentSocket?: string;
  knownHostsFile: string;
  /** A fingerprint (SHA256:…) accepted in advance, for runs that cannot ask. */
  acceptFingerprint?: string;
  timeoutMs: number;
  prompts: SshPrompts;
  /** Abandons the attempt: the socket is closed and the promise rejects with a `cancelled` error. */
  signal?: AbortSignal;
}

// ssh2 has its own handshake timer; ours (which pauses during prompts) is the one that counts.
const SSH2_READY_TIMEOUT_MS = 24 * 60 * 60 * 1000;

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function describeNetError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'connection refused (no SSH server listens on that port)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable (no route)';
    case 'ETIMEDOUT':
      return 'connection timed out';
    default:
      return error.message;
  }
}

function openSocket(host: string, port: number, timeoutMs: number, where: string, signal: AbortSignal | undefined): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    const socket = netConnect({ host, port });
    const onAbort = () => {
      clearTimeout(timer);
      socket.destroy();
      reject(cancelledError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(new PreflightError('unreachable', `${where}: no answer within ${seconds(timeoutMs)} (is the host up and the port open?)`));
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners('error');
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      reject(new PreflightError('unreachable', `${where}: ${describeNetError(error)}`));
    });
  });
}

type AuthStep = (authsLeft: AuthenticationType[] | null) => Promise<AnyAuthMethod | undefined>;

async function loadKey(file: string, prompts: SshPrompts, deadline: Deadline): Promise<ParsedKey | undefined> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch {
    return undefined;
  }
  let parsed = utils.parseKey(data);
  if (parsed instanceof Error && /encrypt|passphrase/i.test(parsed.message)) {
    const passphrase = await deadline.paused(() => prompts.askSecret({ kind: 'passphrase', message: `Passphrase for ${file}` }));
    if (!passphrase) return undefined;
    parsed = utils.parseKey(data, passphrase);
  }
  if (parsed instanceof Error) return undefined;
  return Array.isArray(parsed) ? (parsed[0] as ParsedKey | undefined) : parsed;
}

export async function connectSsh(options: SshConnectOptions): Promise<Client> {
  const where = formatTarget(options.user, options.host, options.port);
  const started = Date.now();
  const sock = await openSocket(options.host, options.port, options.timeoutMs, where, options.signal);
  const remaining = Math.max(1, options.timeoutMs - (Date.now() - started));

  return new Promise<Client>((resolve, reject) => {
    const client = new Client();
    const tried: string[] = [];
    let failure: PreflightError | undefined;
    let settled = false;
    const onAbort = (): void => fail(cancelledError());
    const fail = (error: PreflightError): void => {
      if (settled) return;
      settled = true;
      deadline.clear();
      options.signal?.removeEventListener('abort', onAbort);
      client.end();
      sock.destroy();
      reject(error);
    };
    const deadline = new Deadline(remaining, () =>
      fail(new PreflightError('timeout', `${where}: no SSH answer within ${seconds(options.timeoutMs)} (the port is open, but the handshake or authentication did not finish)`)),
    );
    // Cancelled during the handshake or while a question is open: a late answer finds nothing to do.
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });

    const hostVerifier = (key: Buffer, verify: (valid: boolean) => void): void => {
      const decide = async (): Promise<boolean> => {
        const verdict = verifyHostKey(await readKnownHosts(options.knownHostsFile), options.host, options.port, key);
        const fingerprint = fingerprintOf(key);
        const keyType = keyTypeOf(key);
        const name = knownHostName(options.host, options.port);
        if (verdict === 'known') return true;
        if (verdict === 'revoked') {
          failure = new PreflightError('host-key-revoked', `${where}: the host key ${keyType} ${fingerprint} is marked @revoked in ${options.knownHostsFile}; refused.`);
          return false;
        }
        if (verdict === 'changed') {
          failure = new PreflightError(
            'host-key-changed',
            `${where}: the host key ${keyType} ${fingerprint} is not the one ${options.knownHostsFile} records for ${name}; refused. Someone may be intercepting the connection; if the host was reinstalled, remove the old key with: ssh-keygen -R '${name}'`,
          );
          return false;
        }
        const accepted =
          options.acceptFingerprint !== undefined
            ? options.acceptFingerprint === fingerprint
            : await deadline.paused(() => options.prompts.confirmHostKey({ host: options.host, port: options.port, keyType, fingerprint, knownHostsFile: options.knownHostsFile }));
        // Answered after the run was cancelled or timed out: record nothing.
        if (settled) return false;
        if (!accepted) {
          failure = new PreflightError(
            'host-key-unknown',
            `${where}: unknown host key ${keyType} ${fingerprint} (not in ${options.knownHostsFile}); refused. Compare it with the host's own fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the host) and accept it if it matches.`,
          );
          return false;
        }
        await appendKnownHost(options.knownHostsFile, options.host, options.port, key);
        return true;
      };
      decide().then(verify, (error: unknown) => {
        failure = new PreflightError('io', `${where}: could not check the host key: ${error instanceof Error ? error.message : String(error)}`);
        verify(false);
      });
    };

    // ssh2 calls the handler first with no list of methods. Asking with "none" (as OpenSSH does)
    // makes the server name the methods it takes, so a host that offers only passwords is asked
    // for one even when there is no agent and no key to try first.
    const steps: AuthStep[] = [(left) => Promise.resolve(left === null ? { type: 'none', username: options.user } : undefined)];
    if (options.agentSocket) {
      const agent = options.agentSocket;
      steps.push((left) => {
        if (left && !left.includes('publickey')) return Promise.resolve(undefined);
        tried.push('ssh-agent');
        return Promise.resolve({ type: 'agent', username: options.user, agent });
      });
    }
    for (const file of options.identityFiles) {
      steps.push(async (left) => {
        if (left && !left.includes('publickey')) return undefined;
        const key = await loadKey(file, options.prompts, deadline);
        if (!key) return undefined;
        tried.push(`key ${file}`);
        return { type: 'publickey', username: options.user, key };
      });
    }
    let password: string | undefined;
    const askPassword = async (): Promise<string | undefined> =>
      (password ??= await deadline.paused(() => options.prompts.askSecret({ kind: 'password', message: `Password for ${where}` })));
    steps.push(async (left) => {
      if (!left?.includes('password')) return undefined;
      const typed = await askPassword();
      if (!typed) return undefined;
      tried.push('password');
      return { type: 'password', username: options.user, password: typed };
    });
    steps.push(async (left) => {
      if (!left?.includes('keyboard-interactive')) return undefined;
      const typed = await askPassword();
      if (!typed) return undefined;
      tried.push('keyboard-interactive');
      return {
        type: 'keyboard-interactive',
        username: options.user,
        // Servers using PAM ask for the password this way; every hidden prompt gets the typed password.
        prompt: (_name, _instructions, _lang, prompts, finish) => finish(prompts.map((p) => (p.echo ? '' : typed))),
      };
    });

    const authHandler = (authsLeft: AuthenticationType[] | null, _partial: boolean | null, next: (method: AnyAuthMethod | false) => void): void => {
      const tryNext = async (): Promise<AnyAuthMethod | false> => {
        for (let step = steps.shift(); step; step = steps.shift()) {
          const method = await step(authsLeft);
          if (method) return method;
        }
        return false;
      };
      tryNext().then(next, () => next(false));
    };

    client.on('ready', () => {
      if (settled) return;
      settled = true;
      deadline.clear();
      options.signal?.removeEventListener('abort', onAbort);
      resolve(client);
    });
    client.on('error', (error: NodeJS.ErrnoException & { level?: string }) => {
      if (failure) return fail(failure);
      if (error.level === 'client-authentication') {
        const what = tried.length > 0 ? tried.join(', ') : 'nothing: no ssh-agent, no usable key file, and no password typed';
        return fail(new PreflightError('auth-failed', `${where}: authentication failed (tried ${what}).`));
      }
      if (error.level === 'client-timeout') return fail(new PreflightError('timeout', `${where}: no SSH answer within ${seconds(options.timeoutMs)}`));
      fail(new PreflightError('unreachable', `${where}: ${describeNetError(error)}`));
    });
    client.on('close', () => fail(failure ?? new PreflightError('unreachable', `${where}: the connection closed before authentication finished`)));

    client.connect({
      sock,
      username: options.user,
      readyTimeout: SSH2_READY_TIMEOUT_MS,
      hostVerifier,
      authHandler: authHandler as unknown as (authsLeft: AuthenticationType[], partialSuccess: boolean, next: (method: AnyAuthMethod) => void) => void,
    });
  });
}
