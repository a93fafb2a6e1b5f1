// Protocol: onenode.* settings changes take effect without a restart (diagnostic refresh, rule severities, platform, invalid values).
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConfigurationRequest,
  DiagnosticSeverity,
  InitializedNotification,
  InitializeRequest,
  type ClientCapabilities,
  type Diagnostic,
} from 'vscode-languageserver-protocol';
import { TestLspClient } from '../helpers/lsp-client';
import { docUri, protocolFixture, pull, rangeOf, ruleFixture, serverFailures, startClient, waitFor, withTimeout } from './support';

const LONGHORN = protocolFixture('longhorn-three.yaml');
const HARVESTER = ruleFixture('harvester-replica-count', 'fires-three.yaml');
const INGRESS = ruleFixture('ingress-replicas', 'fires.yaml');

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

describe('settings', { timeout: 60_000 }, () => {
  let client: TestLspClient;
  const longhornUri = docUri('longhorn.yaml');
  const harvesterUri = docUri('harvester-config.yaml');
  const ingressUri = docUri('ingress.yaml');

  before(async () => {
    client = await startClient({ pull: true });
    await client.open(longhornUri, LONGHORN);
    await client.open(harvesterUri, HARVESTER);
    await client.open(ingressUri, INGRESS);
  });

  after(async () => {
    await client.stop();
  });

  afterEach(async () => {
    await change({});
  });

  /** Changes the settings and waits for the server to ask the client to pull diagnostics again. */
  async function change(settings: Record<string, unknown>): Promise<void> {
    const refreshes = client.refreshRequests;
    await client.changeSettings(settings);
    await waitFor(() => client.refreshRequests > refreshes, 'workspace/diagnostic/refresh after didChangeConfiguration');
  }

  it('with default settings every rule that applies fires', async () => {
    assert.deepEqual(codes(await pull(client, longhornUri)), ['longhorn-replica-count']);
    assert.deepEqual(codes(await pull(client, harvesterUri)), ['harvester-replica-count']);
    assert.deepEqual(codes(await pull(client, ingressUri)), ['ingress-replicas']);
  });

  it('rules: {longhorn-replica-count: off} asks for a refresh and the next pull has no longhorn finding', async () => {
    assert.deepEqual(codes(await pull(client, longhornUri)), ['longhorn-replica-count']);
    await change({ rules: { 'longhorn-replica-count': 'off' } });
    assert.deepEqual(await pull(client, longhornUri), []);
    assert.deepEqual(codes(await pull(client, harvesterUri)), ['harvester-replica-count'], 'other rules are untouched');
  });

  it('rules: {longhorn-replica-count: error} turns the warning into an error at the same place', async () => {
    await change({ rules: { 'longhorn-replica-count': 'error' } });
    const diagnostics = await pull(client, longhornUri);
    assert.deepEqual(codes(diagnostics), ['longhorn-replica-count']);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Error);
    assert.deepEqual(diagnostics[0].range, rangeOf(LONGHORN, '"3"'));
  });

  it('rules: {longhorn-replica-count: info} gives an Information diagnostic, and a reset brings the Warning back', async () => {
    await change({ rules: { 'longhorn-replica-count': 'info' } });
    assert.equal((await pull(client, longhornUri))[0]?.severity, DiagnosticSeverity.Information);
    await change({});
    assert.equal((await pull(client, longhornUri))[0]?.severity, DiagnosticSeverity.Warning);
  });

  it('platform: openshift keeps the Longhorn rule and drops harvester-replica-count on a Harvester config', async () => {
    assert.deepEqual(codes(await pull(client, harvesterUri)), ['harvester-replica-count']);
    await change({ platform: 'openshift' });
    assert.deepEqual(codes(await pull(client, longhornUri)), ['longhorn-replica-count']);
    assert.deepEqual(await pull(client, harvesterUri), []);
    assert.deepEqual(codes(await pull(client, ingressUri)), ['ingress-replicas'], 'OpenShift-only rules still fire');
  });

  it('platform: harvester drops the OpenShift-only ingress-replicas rule', async () => {
    await change({ platform: 'harvester' });
    assert.deepEqual(await pull(client, ingressUri), []);
    assert.deepEqual(codes(await pull(client, harvesterUri)), ['harvester-replica-count']);
    assert.deepEqual(codes(await pull(client, longhornUri)), ['longhorn-replica-count']);
  });

  it('an invalid platform falls back to auto: no crash, diagnostics still come back, one warning in the log', async () => {
    await change({ platform: 'mars' });
    assert.deepEqual(codes(await pull(client, longhornUri)), ['longhorn-replica-count']);
    assert.deepEqual(codes(await pull(client, harvesterUri)), ['harvester-replica-count']);
    assert.deepEqual(codes(await pull(client, ingressUri)), ['ingress-replicas']);
    const warnings = client.logs.filter((l) => l.includes('platform "mars"'));
    assert.equal(warnings.length, 1, `the problem is logged once: ${JSON.stringify(client.logs)}`);
  });

  it('invalid rule settings and environments are ignored one by one, valid ones still apply', async () => {
    await change({
      environment: 42,
      rules: { 'longhorn-replica-count': 'loud', 'no-such-rule': 'off', 'harvester-replica-count': 'off' },
    });
    const longhorn = await pull(client, longhornUri);
    assert.deepEqual(codes(longhorn), ['longhorn-replica-count']);
    assert.equal(longhorn[0].severity, DiagnosticSeverity.Warning, 'the invalid severity falls back to the rule default');
    assert.deepEqual(await pull(client, harvesterUri), [], 'the valid entry next to the invalid ones applies');
    for (const problem of ['environment 42', 'unknown rule id "no-such-rule"', 'rules.longhorn-replica-count: "loud"']) {
      assert.ok(client.logs.some((l) => l.includes(problem)), `logged: ${problem}`);
    }
  });

  it('settings of the wrong shape (rules as a string or a list, null values) fall back to defaults', async () => {
    for (const settings of [{ rules: 'off' }, { rules: ['longhorn-replica-count'] }, { rules: null, platform: null, environment: null }]) {
      await change(settings);
      assert.deepEqual(codes(await pull(client, longhornUri)), ['longhorn-replica-count'], JSON.stringify(settings));
    }
  });

  it('a settings change applies to documents opened afterwards as well', async () => {
    await change({ rules: { 'longhorn-replica-count': 'off' } });
    const uri = docUri('opened-later.yaml');
    await client.open(uri, LONGHORN);
    assert.deepEqual(await pull(client, uri), []);
    await client.close(uri);
  });

  it('logged no handler failure', () => {
    assert.deepEqual(serverFailures(client), []);
  });
});

describe('settings for clients with fewer capabilities', { timeout: 60_000 }, () => {
  /** A client initialized by hand with exactly `capabilities` (the helper's initialize() announces everything). */
  async function startWith(capabilities: ClientCapabilities, initializationOptions?: unknown): Promise<TestLspClient> {
    const client = new TestLspClient({ pull: true });
    try {
      await withTimeout(
        client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, initializationOptions, workspaceFolders: null }),
        'initialize',
      );
      await client.connection.sendNotification(InitializedNotification.type, {});
    } catch (error) {
      await client.stop();
      throw error;
    }
    return client;
  }

  it('without workspace/configuration, settings come from initializationOptions and then from didChangeConfiguration', async () => {
    const client = await startWith(
      { textDocument: { diagnostic: { dynamicRegistration: false } } },
      { settings: { rules: { 'longhorn-replica-count': 'error' } } },
    );
    try {
      let configurationRequests = 0;
      client.connection.onRequest(ConfigurationRequest.type, (params) => {
        configurationRequests++;
        return params.items.map(() => null);
      });
      const uri = docUri('no-configuration.yaml');
      await client.open(uri, LONGHORN);
      const initial = await pull(client, uri);
      assert.deepEqual(codes(initial), ['longhorn-replica-count']);
      assert.equal(initial[0].severity, DiagnosticSeverity.Error, 'initializationOptions.settings apply');

      await client.changeSettings({ rules: { 'longhorn-replica-count': 'off' } });
      assert.deepEqual(await pull(client, uri), [], 'the didChangeConfiguration payload applies');
      await client.changeSettings({ platform: 'mars' });
      assert.deepEqual(codes(await pull(client, uri)), ['longhorn-replica-count'], 'an invalid payload falls back to defaults');
      assert.equal(configurationRequests, 0, 'the server does not ask a client that cannot answer');
      assert.deepEqual(serverFailures(client), []);
    } finally {
      await client.stop();
    }
  });

  it('a pull client without refreshSupport is not sent workspace/diagnostic/refresh', async () => {
    const client = await startWith({ workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } });
    try {
      const uri = docUri('no-refresh.yaml');
      await client.open(uri, LONGHORN);
      assert.deepEqual(codes(await pull(client, uri)), ['longhorn-replica-count']);
      await client.changeSettings({ rules: { 'longhorn-replica-count': 'off' } });
      // The server handles the notification before the pull, so a refresh would arrive before this answer.
      assert.deepEqual(await pull(client, uri), []);
      assert.equal(client.refreshRequests, 0);
    } finally {
      await client.stop();
    }
  });
});
