/**
 * An edit re-checks the edited document, plus the open documents that read what the edit changed
 * (a PodDisruptionBudget reads the workloads of every file), and nothing else: a ConfigMap next to
 * them is answered from the cache. Engine runs are counted by the server's stats request.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { TestLspClient } from '../helpers/lsp-client';
import { docUri, pull, positionOf, waitFor } from '../protocol/support';
import { runsOf, startHookedClient, stats } from './stats';

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  template:\n    metadata:\n      labels:\n        app: web\n# notes\n';
const PDB = 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\n';
const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n';

describe('only the edited document and the documents depending on it are checked again', { timeout: 60_000 }, () => {
  let client: TestLspClient;
  const deployment = docUri('deployment.yaml');
  const pdb = docUri('pdb.yaml');
  const configMap = docUri('configmap.yaml');

  before(async () => {
    client = await startHookedClient({ pull: true });
    for (const [uri, text] of [[deployment, DEPLOYMENT], [pdb, PDB], [configMap, CONFIGMAP]]) await client.open(uri, text);
    for (const uri of [deployment, pdb, configMap]) await pull(client, uri);
  });

  after(async () => {
    await client.stop();
  });

  /** Pulls all three, as the client does after a refresh, and returns the engine runs per document since `since`. */
  async function pullAll(since: Awaited<ReturnType<typeof stats>>): Promise<{ runs: number[]; pdbCodes: unknown[] }> {
    await pull(client, deployment);
    const pdbCodes = (await pull(client, pdb)).map((d) => d.code);
    await pull(client, configMap);
    const now = await stats(client);
    return { runs: [deployment, pdb, configMap].map((uri) => runsOf(now, uri) - runsOf(since, uri)), pdbCodes };
  }

  it('changing the Deployment\'s replicas re-checks the PodDisruptionBudget, not the ConfigMap', async () => {
    // Settle: the first pulls may have re-checked the budget once the Deployment's facts arrived.
    await pullAll(await stats(client));
    assert.deepEqual((await pull(client, pdb)).map((d) => d.code), ['pdb-blocks-drain']);
    const start = await stats(client);
    const refreshes = client.refreshRequests;
    const at = positionOf(DEPLOYMENT, 'replicas: 1', 0, 'replicas: '.length);
    await client.edit(deployment, { start: at, end: { line: at.line, character: at.character + 1 } }, '3');
    await pull(client, deployment);
    await waitFor(() => client.refreshRequests > refreshes, 'a diagnostics refresh after the facts changed');
    const { runs, pdbCodes } = await pullAll(start);
    assert.deepEqual(runs, [1, 1, 0], 'engine runs for [Deployment, PodDisruptionBudget, ConfigMap]');
    assert.deepEqual(pdbCodes, [], 'with 3 replicas the budget allows an eviction');
  });

  it('typing in a comment re-checks the edited document only, and asks for no refresh', async () => {
    const start = await stats(client);
    const refreshes = client.refreshRequests;
    const at = positionOf(DEPLOYMENT, '# notes', 0, '# notes'.length);
    await client.edit(deployment, { start: at, end: at }, ' more');
    const { runs } = await pullAll(start);
    assert.deepEqual(runs, [1, 0, 0], 'engine runs for [Deployment, PodDisruptionBudget, ConfigMap]');
    assert.equal(client.refreshRequests, refreshes);
  });
});
