/** Rules that look across files in the editor: open buffers, files on disk, and re-checks when another file changes. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pull, startClient, waitFor } from './support';
import type { TestLspClient } from '../helpers/lsp-client';

const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n';
const deployment = (replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx\n`;

describe('workspace index in the language server', { timeout: 60_000 }, () => {
  let dir: string;
  let client: TestLspClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onenode-lsp-ws-'));
    // On disk only, never opened: the server must find it by scanning the workspace folder.
    writeFileSync(join(dir, 'web.yaml'), deployment(1));
    client = await startClient({ pull: true, workspaceFolders: [pathToFileURL(dir).toString()] });
    await waitFor(() => client.logs.some((l) => /Indexed \d+ YAML files/.test(l)), 'workspace scan');
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('flags a PDB by a workload in a file that is not open', async () => {
    const uri = pathToFileURL(join(dir, 'pdb.yaml')).toString();
    await client.open(uri, PDB);
    const diagnostics = await pull(client, uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['pdb-blocks-drain']);
    const message = diagnostics[0].message;
    assert.match(typeof message === 'string' ? message : message.value, /Deployment web \(replicas: 1 in file:.*web\.yaml\)/);
    await client.close(uri);
  });

  it('re-checks the PDB when the workload\'s buffer changes in another editor', async () => {
    const pdbUri = pathToFileURL(join(dir, 'pdb2.yaml')).toString();
    const webUri = pathToFileURL(join(dir, 'web.yaml')).toString();
    await client.open(pdbUri, PDB);
    await client.open(webUri, deployment(1));
    assert.equal((await pull(client, pdbUri)).length, 1);
    const refreshes = client.refreshRequests;
    await client.replace(webUri, deployment(3));
    await pull(client, webUri);
    await waitFor(() => client.refreshRequests > refreshes, 'diagnostic refresh after the workload changed');
    assert.deepEqual(await pull(client, pdbUri), []);
    await client.close(webUri);
    await client.close(pdbUri);
  });
});
