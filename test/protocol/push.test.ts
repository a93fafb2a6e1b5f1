// Protocol: push mode (a client without pull support) gets publishDiagnostics on open, change, settings change and close.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigurationRequest, DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { TestLspClient } from '../helpers/lsp-client';
import { docUri, messageOf, protocolFixture, rangeOf, serverFailures, startClient, WAIT_MS, withTimeout } from './support';

const LONGHORN = protocolFixture('longhorn-three.yaml');
const FIXED = LONGHORN.replace('numberOfReplicas: "3"', 'numberOfReplicas: "1"');

describe('push diagnostics', { timeout: 60_000 }, () => {
  let client: TestLspClient;

  before(async () => {
    client = await startClient({ pull: false });
  });

  after(async () => {
    await client.stop();
  });

  /** Waits for the publish for `uri` that satisfies `accept`, skipping earlier ones (bounded by WAIT_MS each). */
  async function published(uri: string, accept: (p: PublishDiagnosticsParams) => boolean, trigger: () => Promise<void>): Promise<PublishDiagnosticsParams> {
    let next = client.nextPublished(uri, WAIT_MS);
    await trigger();
    for (let i = 0; i < 20; i++) {
      const p = await next;
      if (accept(p)) return p;
      next = client.nextPublished(uri, WAIT_MS);
    }
    throw new Error(`no accepted publish for ${uri}`);
  }

  it('initialize does not announce a diagnostic provider to a client without pull support', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.ok(capabilities);
    assert.equal(capabilities.diagnosticProvider, undefined);
    assert.equal(client.initializeResult?.serverInfo?.name, 'onenode');
  });

  it('publishes after open, after a full change and after an incremental change, with the document version', async () => {
    const uri = docUri('push.yaml');
    const opened = await published(uri, () => true, () => client.open(uri, LONGHORN));
    assert.equal(opened.version, 1);
    assert.deepEqual(opened.diagnostics.map((d) => d.code), ['longhorn-replica-count']);
    assert.equal(opened.diagnostics[0].severity, DiagnosticSeverity.Warning);
    assert.equal(opened.diagnostics[0].source, 'onenode');
    assert.deepEqual(opened.diagnostics[0].range, rangeOf(LONGHORN, '"3"'));

    const changed = await published(uri, () => true, () => client.replace(uri, FIXED));
    assert.equal(changed.version, 2);
    assert.deepEqual(changed.diagnostics, []);

    const digit = rangeOf(FIXED, '1"').start;
    const edited = await published(uri, () => true, () => client.edit(uri, { start: digit, end: { line: digit.line, character: digit.character + 1 } }, '2'));
    assert.equal(edited.version, 3);
    assert.deepEqual(edited.diagnostics.map((d) => d.range), [rangeOf(LONGHORN, '"3"')]);

    const closed = await published(uri, () => true, () => client.close(uri));
    assert.deepEqual(closed.diagnostics, [], 'closing clears the problems of the file');
  });

  it('after a burst of edits the last publish matches the last version', async () => {
    const uri = docUri('burst.yaml');
    await published(uri, () => true, () => client.open(uri, LONGHORN));
    const texts = ['"2"', '"4"', '"1"', '"5"'].map((v) => LONGHORN.replace('"3"', v));
    const last = await published(uri, (p) => p.version === 1 + texts.length, async () => {
      for (const text of texts) await client.replace(uri, text);
    });
    assert.equal(last.diagnostics.length, 1);
    assert.match(messageOf(last.diagnostics[0]), /numberOfReplicas "5"/);
    await published(uri, (p) => p.diagnostics.length === 0, () => client.close(uri));
  });

  it('re-publishes every open document when the settings change, without a pull refresh', async () => {
    const first = docUri('push-a.yaml');
    const second = docUri('push-b.yaml');
    await published(first, () => true, () => client.open(first, LONGHORN));
    await published(second, () => true, () => client.open(second, LONGHORN));

    const secondCleared = client.nextPublished(second, WAIT_MS);
    const firstCleared = await published(first, () => true, () => client.changeSettings({ rules: { 'longhorn-replica-count': 'off' } }));
    assert.deepEqual(firstCleared.diagnostics, []);
    assert.deepEqual((await secondCleared).diagnostics, []);
    assert.equal(client.refreshRequests, 0, 'a push client is not sent workspace/diagnostic/refresh');

    const back = await published(first, () => true, () => client.changeSettings({}));
    assert.deepEqual(back.diagnostics.map((d) => d.code), ['longhorn-replica-count']);
    await published(first, (p) => p.diagnostics.length === 0, () => client.close(first));
    await published(second, (p) => p.diagnostics.length === 0, () => client.close(second));
  });

  // A push that was waiting for the file's settings must not publish after the close's empty publish.
  it('a close while the server is still reading the file\'s settings does not bring its diagnostics back', async () => {
    const uri = docUri('close-race.yaml');
    let asked!: () => void;
    const configurationAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Hold the answer to workspace/configuration until the document is closed.
    client.connection.onRequest(ConfigurationRequest.type, async (params) => {
      asked();
      await released;
      return params.items.map((item) => (item.section === 'onenode' ? client.settings : null));
    });
    try {
      await client.open(uri, LONGHORN);
      await withTimeout(configurationAsked, 'workspace/configuration for the opened document');
      const cleared = await published(uri, () => true, () => client.close(uri));
      assert.deepEqual(cleared.diagnostics, [], 'closing clears the problems of the file');

      const next = client.nextPublished(uri, WAIT_MS);
      release();
      // Let the held answer be written before the next notifications, then open and close again:
      // the server answers the close with an empty publish, after any late publish for the first open.
      await new Promise((resolve) => setImmediate(resolve));
      await client.open(uri, LONGHORN);
      await client.close(uri);
      const late = await next;
      assert.deepEqual(late.diagnostics, [], `a publish after close carried ${late.diagnostics.length} diagnostics (version ${late.version})`);
    } finally {
      release();
      client.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'onenode' ? client.settings : null)));
    }
  });

  it('logged no handler failure', () => {
    assert.deepEqual(serverFailures(client), []);
  });
});
