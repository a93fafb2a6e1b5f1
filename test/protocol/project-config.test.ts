/** A workspace folder's .onenode.yaml in the editor: applied to its documents, validated, re-read when edited. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pull, startClient, waitFor } from './support';
import type { TestLspClient } from '../helpers/lsp-client';

const LONGHORN = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: x\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "3"\n';

describe('.onenode.yaml in the language server', { timeout: 60_000 }, () => {
  let dir: string;
  let client: TestLspClient;
  const uri = (name: string) => pathToFileURL(join(dir, name)).toString();

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'onenode-lsp-config-'));
    mkdirSync(join(dir, 'vendor'));
    writeFileSync(join(dir, '.onenode.yaml'), 'rules:\n  longhorn-replica-count: error\nignore:\n  - vendor/**\n');
    client = await startClient({ pull: true, workspaceFolders: [pathToFileURL(dir).toString()] });
    await waitFor(() => client.logs.some((l) => /Indexed \d+ YAML files/.test(l)), 'workspace scan');
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the folder\'s rule severities and ignore globs', async () => {
    await client.open(uri('sc.yaml'), LONGHORN);
    await waitFor(() => client.refreshRequests > 0, 'refresh after reading the config');
    const diagnostics = await pull(client, uri('sc.yaml'));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['longhorn-replica-count', 1]]);
    await client.open(uri('vendor/sc.yaml'), LONGHORN);
    assert.deepEqual(await pull(client, uri('vendor/sc.yaml')), []);
  });

  it('reports problems in the config file itself, and re-reads it as it is edited', async () => {
    const configUri = uri('.onenode.yaml');
    await client.open(configUri, 'rules:\n  longhorn-replica-count: loud\n');
    const problems = await pull(client, configUri);
    assert.equal(problems.length, 1);
    assert.equal(problems[0].code, 'onenode-config');
    assert.equal(problems[0].range.start.line, 1);
    const refreshes = client.refreshRequests;
    await client.replace(configUri, 'rules:\n  longhorn-replica-count: "off"\n');
    await waitFor(() => client.refreshRequests > refreshes, 'refresh after the config changed');
    assert.deepEqual(await pull(client, configUri), []);
    assert.deepEqual(await pull(client, uri('sc.yaml')), []);
  });
});
