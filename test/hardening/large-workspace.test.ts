/**
 * A workspace of 2,000 YAML files and a 400 MB file named `.yaml`: the server indexes the files in
 * the background and answers an open document meanwhile, rules see the files on disk once the scan
 * is done, and the large file is never read (the server's peak memory stays far below its size).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TestLspClient } from '../helpers/lsp-client';
import { messageOf, pull, waitFor, withTimeout } from '../protocol/support';
import { startHookedClient, stats } from './stats';

const FILES = 2000;
const HUGE_BYTES = 400 * 1024 * 1024;

function deployment(i: number): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\n  namespace: team-${i % 20}\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        app: app-${i}\n`;
}

const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: last\n  namespace: team-19\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: app-1999\n';

function peakRssMb(pid: number | undefined): number {
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
}

describe(`a workspace of ${FILES} YAML files and a ${HUGE_BYTES / 1024 / 1024} MB one`, { timeout: 180_000 }, () => {
  let root: string;
  let client: TestLspClient;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'onenode-large-ws-'));
    for (let dir = 0; dir < 20; dir++) mkdirSync(join(root, `team-${dir}`));
    for (let i = 0; i < FILES; i++) writeFileSync(join(root, `team-${i % 20}`, `app-${i}.yaml`), deployment(i));
    // Sparse: takes no disk space, but reading it would cost its size in memory (twice, as bytes and text).
    const fd = openSync(join(root, 'dump.yaml'), 'w');
    ftruncateSync(fd, HUGE_BYTES);
    closeSync(fd);
    client = await startHookedClient({ pull: true, workspaceFolders: [pathToFileURL(root).href] });
  });

  after(async () => {
    await client?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers an open document while indexing, then applies rules across the files on disk', async (t) => {
    const uri = pathToFileURL(join(root, 'pdb.yaml')).href;
    writeFileSync(join(root, 'pdb.yaml'), PDB);
    await client.open(uri, PDB);
    const started = Date.now();
    await withTimeout(client.pullDiagnostics(uri), 'a pull during the scan', 5_000);
    const answeredMs = Date.now() - started;
    await waitFor(() => client.logs.some((line) => /^Indexed \d+ YAML files in \d+ ms/.test(line)), 'the end of the workspace scan', 120_000);
    const scan = client.logs.find((line) => /^Indexed \d+ YAML files/.test(line));
    const indexed = await stats(client);
    t.diagnostic(`first pull answered after ${answeredMs} ms during the scan; ${scan}; ${indexed.indexedFiles} files with facts; server peak RSS ${peakRssMb(client.process.pid).toFixed(0)} MB`);
    assert.ok(indexed.indexedFiles >= FILES, `${indexed.indexedFiles} files indexed`);
    const diagnostics = await pull(client, uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['pdb-blocks-drain']);
    assert.match(messageOf(diagnostics[0]), /Deployment app-1999/);
    assert.ok(peakRssMb(client.process.pid) < HUGE_BYTES / 1024 / 1024, `peak RSS ${peakRssMb(client.process.pid).toFixed(0)} MB: the large file was read`);
  });
});
