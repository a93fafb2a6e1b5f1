/**
 * The OneNode language servers a test's own code-server started, found through /proc (Linux), so a
 * test can kill its server without touching any other session's.
 */
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { sep } from 'node:path';

/** PIDs of processes running a dist/server.js installed under `extensionsDir`. */
export function languageServerPids(extensionsDir: string): number[] {
  const root = realpathSync(extensionsDir) + sep;
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited while we looked
    }
    if (args.some((arg) => arg.startsWith(root) && arg.endsWith(`${sep}dist${sep}server.js`))) pids.push(Number(entry));
  }
  return pids;
}
