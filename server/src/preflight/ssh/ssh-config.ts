/**
 * The parts of ~/.ssh/config preflight uses: host aliases for the picker, and HostName, User,
 * Port, IdentityFile and UserKnownHostsFile for a host. As in OpenSSH the first value obtained for
 * a key wins (IdentityFile accumulates). `Match` blocks and `Include` are not followed.
 */
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface SshConfigBlock {
  patterns: string[];
  options: [string, string][];
}

export interface SshHostConfig {
  hostName?: string;
  user?: string;
  port?: number;
  identityFiles: string[];
  knownHostsFile?: string;
}

export function defaultSshConfigPath(): string {
  return join(homedir(), '.ssh', 'config');
}

export function parseSshConfig(text: string): SshConfigBlock[] {
  const blocks: SshConfigBlock[] = [{ patterns: ['*'], options: [] }];
  let skipping = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const match = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!match) continue;
    const key = match[1].toLowerCase();
    const value = match[2].trim().replace(/^"(.*)"$/, '$1');
    if (key === 'host') {
      skipping = false;
      blocks.push({ patterns: value.split(/\s+/), options: [] });
    } else if (key === 'match') {
      skipping = true;
    } else if (!skipping) {
      blocks[blocks.length - 1].options.push([key, value]);
    }
  }
  return blocks;
}

function globMatch(pattern: string, name: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(name);
}

function blockMatches(block: SshConfigBlock, alias: string): boolean {
  let matched = false;
  for (const pattern of block.patterns) {
    if (pattern.startsWith('!')) {
      if (globMatch(pattern.slice(1), alias)) return false;
    } else if (globMatch(pattern, alias)) matched = true;
  }
  return matched;
}

function expandHome(path: string): string {
  return path === '~' ? homedir() : path.startsWith('~/') ? join(homedir(), path.slice(2)) : path.replace(/%d/g, homedir());
}

export function resolveHost(blocks: readonly SshConfigBlock[], alias: string): SshHostConfig {
  const result: SshHostConfig = { identityFiles: [] };
  for (const block of blocks) {
    if (!blockMatches(block, alias)) continue;
    for (const [key, value] of block.options) {
      if (key === 'hostname') result.hostName ??= value.replace(/%h/g, alias);
      else if (key === 'user') result.user ??= value;
      else if (key === 'port') result.port ??= Number(value) || undefined;
      else if (key === 'identityfile') result.identityFiles.push(expandHome(value));
      else if (key === 'userknownhostsfile') result.knownHostsFile ??= expandHome(value.split(/\s+/)[0]);
    }
  }
  return result;
}

/** Host aliases a user can pick: every Host pattern without wildcards or negation. */
export function hostAliases(blocks: readonly SshConfigBlock[]): string[] {
  const aliases = new Set<string>();
  for (const block of blocks.slice(1)) {
    for (const pattern of block.patterns) if (!/[*?!]/.test(pattern)) aliases.add(pattern);
  }
  return [...aliases];
}

export async function readSshConfig(path = defaultSshConfigPath()): Promise<SshConfigBlock[]> {
  try {
    return parseSshConfig(await fs.readFile(path, 'utf8'));
  } catch {
    return parseSshConfig('');
  }
}
