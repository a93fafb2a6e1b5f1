/**
 * Turning what the person asked for (this machine, or user@host:port / an ~/.ssh/config alias)
 * into a Host. SSH defaults follow OpenSSH: the alias's HostName, User, Port and IdentityFile,
 * else the local user name, port 22, ~/.ssh/id_{ed25519,ecdsa,rsa}, ~/.ssh/known_hosts and the agent.
 */
import { promises as fs } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import { PreflightError, type Host } from './host';
import { LocalHost } from './local-host';
import { SshHost } from './ssh-host';
import { NO_PROMPTS, type SshPrompts } from './ssh/prompts';
import { readSshConfig, resolveHost } from './ssh/ssh-config';
import { formatTarget } from './ssh/target';
import { loadBundle } from '../load-bundle';
import type * as SshConnect from '../preflight-ssh';

export interface SshTargetRequest {
  kind: 'ssh';
  /** A host name, an address or an ~/.ssh/config alias. */
  host: string;
  port?: number;
  user?: string;
  /** Explicit key files (--identity); they must exist. */
  identityFiles?: string[];
  knownHostsFile?: string;
  acceptFingerprint?: string;
  /** Tests point this at a private file; default ~/.ssh/config. */
  sshConfigPath?: string;
  /** Whether to offer ssh-agent (SSH_AUTH_SOCK); default true. */
  useAgent?: boolean;
}

export type TargetRequest = { kind: 'local' } | SshTargetRequest;

export const DEFAULT_SSH_TIMEOUT_MS = 10_000;

const DEFAULT_KEYS = ['id_ed25519', 'id_ecdsa', 'id_rsa'];

async function existing(paths: readonly string[]): Promise<string[]> {
  const checks = await Promise.all(paths.map((p) => fs.stat(p).then((s) => s.isFile(), () => false)));
  return paths.filter((_, i) => checks[i]);
}

export async function openHost(target: TargetRequest, options: { timeoutMs?: number; prompts?: SshPrompts; signal?: AbortSignal } = {}): Promise<Host> {
  if (target.kind === 'local') return new LocalHost();
  const config = resolveHost(await readSshConfig(target.sshConfigPath), target.host);
  const host = config.hostName ?? target.host;
  const port = target.port ?? config.port ?? 22;
  const user = target.user ?? config.user ?? userInfo().username;
  for (const file of target.identityFiles ?? []) {
    if ((await existing([file])).length === 0) throw new PreflightError('usage', `identity file ${file} does not exist`);
  }
  const identityFiles = target.identityFiles?.length
    ? target.identityFiles
    : await existing([...config.identityFiles, ...DEFAULT_KEYS.map((k) => join(homedir(), '.ssh', k))]);
  // ssh2 is loaded on the first SSH preflight, not with the language server.
  const { connectSsh } = loadBundle<typeof SshConnect>('preflight-ssh');
  const client = await connectSsh({
    host,
    port,
    user,
    identityFiles: [...new Set(identityFiles)],
    agentSocket: target.useAgent === false ? undefined : process.env.SSH_AUTH_SOCK,
    knownHostsFile: target.knownHostsFile ?? config.knownHostsFile ?? join(homedir(), '.ssh', 'known_hosts'),
    acceptFingerprint: target.acceptFingerprint,
    timeoutMs: options.timeoutMs ?? DEFAULT_SSH_TIMEOUT_MS,
    prompts: options.prompts ?? NO_PROMPTS,
    signal: options.signal,
  });
  return new SshHost(client, formatTarget(user, host, port));
}
