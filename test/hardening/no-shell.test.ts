/**
 * No command string built from file content is run by a shell. The sources of the server, the CLI
 * and the extension are read and held to the rules the code follows today: child processes only
 * through execFile or spawn with an argument array and no `shell: true`; commands over SSH only
 * as commandLine(argv) (every argument single-quoted, server/src/preflight/ssh/quote.ts); nothing
 * typed into a VS Code terminal (sendText is input to a shell).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../helpers/paths';

const ROOTS = ['server/src', 'client/src'].map((dir) => join(REPO_ROOT, dir));
const ALLOWED_CHILD_PROCESS = new Set(['execFile', 'execFileSync', 'spawn', 'spawnSync', 'ChildProcess', 'ChildProcessWithoutNullStreams', 'SpawnOptions', 'ExecFileOptions']);

function sources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.m?ts$/.test(entry)) out.push({ path: relative(REPO_ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  ROOTS.forEach(walk);
  return out;
}

/** Names imported from a module, e.g. `import { execFile, type X } from 'node:child_process'`. */
function importedNames(text: string, module: RegExp): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(/import\s+(?:type\s+)?(?:\*\s+as\s+(\w+)|\{([^}]*)\}|(\w+))\s+from\s+['"]([^'"]+)['"]/g)) {
    if (!module.test(match[4])) continue;
    if (match[1] || match[3]) names.push(`* as ${match[1] ?? match[3]}`);
    for (const part of (match[2] ?? '').split(',')) {
      const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0];
      if (name) names.push(name);
    }
  }
  return names;
}

describe('no shell runs commands built from file content', () => {
  const files = sources();

  it('reads the sources', () => {
    assert.ok(files.length > 50, `${files.length} files`);
  });

  it('imports only execFile and spawn from child_process (no exec, no execSync)', () => {
    const offending = files.flatMap((f) => importedNames(f.text, /^(node:)?child_process$/).filter((n) => !ALLOWED_CHILD_PROCESS.has(n)).map((n) => `${f.path}: ${n}`));
    assert.deepEqual(offending, []);
  });

  it('never asks for a shell (shell: true, /bin/sh -c, cmd /c)', () => {
    const offending = files.filter((f) => /shell\s*:\s*(true|['"`])|['"`](\/bin\/)?(ba)?sh['"`]\s*,\s*\[\s*['"`]-c['"`]|cmd(\.exe)?['"`]\s*,\s*\[\s*['"`]\/c/i.test(f.text)).map((f) => f.path);
    assert.deepEqual(offending, []);
  });

  it('runs SSH commands only as commandLine(argv)', () => {
    const offending = files
      .filter((f) => importedNames(f.text, /^ssh2$/).length > 0)
      // ssh2's Client#exec; `this.exec` is a host class's own method, which calls it.
      .flatMap((f) => [...f.text.matchAll(/(\w+)\.exec\(\s*([^,)]*)/g)].filter((m) => m[1] !== 'this' && !m[2].startsWith('commandLine(')).map((m) => `${f.path}: ${m[1]}.exec(${m[2]}`));
    assert.deepEqual(offending, []);
  });

  it('types nothing into a terminal', () => {
    assert.deepEqual(files.filter((f) => /\.sendText\s*\(/.test(f.text)).map((f) => f.path), []);
  });
});
