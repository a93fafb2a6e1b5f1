// Protocol: initialize capabilities and pull diagnostics (fields, ranges, doc links, incremental edits, close).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import type { TestLspClient } from '../helpers/lsp-client';
import { REPO_ROOT } from '../helpers/paths';
import { textAt } from '../helpers/text';
import { docUri, messageOf, protocolFixture, pull, rangeOf, ruleFixture, startClient, serverFailures } from './support';

const LONGHORN = protocolFixture('longhorn-three.yaml');

describe('pull diagnostics', { timeout: 60_000 }, () => {
  let client: TestLspClient;

  before(async () => {
    client = await startClient({ pull: true });
  });

  after(async () => {
    await client.stop();
  });

  it('initialize announces pull diagnostics, code actions, hover and the server name', () => {
    const result = client.initializeResult;
    assert.ok(result, 'initialize answered');
    const { capabilities, serverInfo } = result;
    assert.deepEqual(capabilities.diagnosticProvider, { identifier: 'onenode', interFileDependencies: false, workspaceDiagnostics: false });
    const codeActionProvider = capabilities.codeActionProvider;
    assert.ok(typeof codeActionProvider === 'object', 'codeActionProvider lists its kinds');
    assert.ok(codeActionProvider.codeActionKinds?.includes('quickfix'), 'quickfix is offered');
    assert.ok(codeActionProvider.codeActionKinds?.includes('source.fixAll.onenode'), 'source.fixAll.onenode is offered');
    assert.equal(capabilities.hoverProvider, true);
    assert.equal(capabilities.textDocumentSync, TextDocumentSyncKind.Incremental);
    assert.equal(serverInfo?.name, 'onenode');
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(serverInfo?.version, pkg.version, 'serverInfo.version is the package version');
  });

  it('reports a Longhorn StorageClass with numberOfReplicas "3" as one longhorn-replica-count warning', async () => {
    const uri = docUri('longhorn.yaml');
    await client.open(uri, LONGHORN);
    const diagnostics = await pull(client, uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.source, 'onenode');
    assert.equal(diagnostic.code, 'longhorn-replica-count');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic.range, rangeOf(LONGHORN, '"3"'));
    assert.equal(textAt(LONGHORN, diagnostic.range), '"3"');
    assert.match(messageOf(diagnostic), /numberOfReplicas "3"/);

    const href = diagnostic.codeDescription?.href;
    assert.ok(href, 'the diagnostic links to its rule doc');
    assert.match(href, /^file:\/\//);
    assert.ok(href.endsWith('docs/rules/longhorn-replica-count.md'), href);
    const docPath = fileURLToPath(href);
    assert.ok(existsSync(docPath), `${docPath} exists`);
    assert.equal(docPath, join(REPO_ROOT, 'docs', 'rules', 'longhorn-replica-count.md'), 'the link points at this checkout\'s docs');
    await client.close(uri);
  });

  it('gives every rule\'s diagnostic a doc link that exists on disk', async () => {
    const uri = docUri('many-rules.yaml');
    const text = [
      ruleFixture('longhorn-replica-count', 'fires-missing.yaml'),
      ruleFixture('storageclass-parameter-type', 'fires.yaml'),
      ruleFixture('kubevirt-eviction-strategy', 'fires-vm.yaml'),
      ruleFixture('sno-control-plane-replicas', 'fires.yaml'),
    ].join('---\n');
    await client.open(uri, text);
    const diagnostics = await pull(client, uri);
    const codes = new Set(diagnostics.map((d) => d.code));
    for (const rule of ['longhorn-replica-count', 'storageclass-parameter-type', 'kubevirt-eviction-strategy', 'sno-control-plane-replicas']) {
      assert.ok(codes.has(rule), `${rule} is reported: ${[...codes].join(', ')}`);
    }
    for (const d of diagnostics) {
      const href = d.codeDescription?.href;
      assert.ok(href, `${String(d.code)} has a doc link`);
      assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
    }
    await client.close(uri);
  });

  it('maps ranges in later documents of a multi-document file to the right lines', async () => {
    const uri = docUri('multi.yaml');
    const text = ruleFixture('longhorn-replica-count', 'fires-missing.yaml');
    await client.open(uri, text);
    const diagnostics = (await pull(client, uri)).filter((d) => d.code === 'longhorn-replica-count');
    // Second document: its `parameters` key; third document: its `provisioner` key.
    assert.deepEqual(
      diagnostics.map((d) => d.range),
      [rangeOf(text, 'parameters', 0), rangeOf(text, 'provisioner', 1)],
    );
    await client.close(uri);
  });

  it('counts characters in UTF-16 code units, as LSP does, on lines with non-ASCII text', async () => {
    const uri = docUri('unicode.yaml');
    const text = [
      'apiVersion: storage.k8s.io/v1',
      'kind: StorageClass',
      'metadata: {name: "räpli-🚀", annotations: {note: "ünïcödé 🚀🚀"}}',
      'provisioner: driver.longhorn.io',
      'parameters: {description: "🚀 fast", numberOfReplicas: "2"}',
      '',
    ].join('\n');
    await client.open(uri, text);
    const diagnostics = await pull(client, uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(diagnostics[0].range, rangeOf(text, '"2"'));
    assert.equal(textAt(text, diagnostics[0].range), '"2"');
    await client.close(uri);
  });

  it('follows incremental edits: changing "3" to "1" in place clears the finding, undoing it brings it back', async () => {
    const uri = docUri('incremental.yaml');
    await client.open(uri, LONGHORN);
    assert.equal((await pull(client, uri)).length, 1);
    const digit = rangeOf(LONGHORN, '3"');
    const digitOnly = { start: digit.start, end: { line: digit.start.line, character: digit.start.character + 1 } };
    await client.edit(uri, digitOnly, '1');
    assert.deepEqual(await pull(client, uri), []);
    await client.edit(uri, digitOnly, '3');
    const again = await pull(client, uri);
    assert.deepEqual(again.map((d) => d.code), ['longhorn-replica-count']);
    assert.deepEqual(again[0].range, rangeOf(LONGHORN, '"3"'));
    await client.close(uri);
  });

  it('keeps ranges right after an edit that inserts lines above the finding', async () => {
    const uri = docUri('insert-lines.yaml');
    await client.open(uri, LONGHORN);
    const at = rangeOf(LONGHORN, 'apiVersion').start;
    const inserted = '# first added line\n# second added line\n';
    await client.edit(uri, { start: at, end: at }, inserted);
    const edited = LONGHORN.replace('apiVersion', `${inserted}apiVersion`);
    const diagnostics = await pull(client, uri);
    assert.deepEqual(diagnostics.map((d) => d.range), [rangeOf(edited, '"3"')]);
    await client.close(uri);
  });

  it('answers an empty report for a document that was closed or never opened', async () => {
    const uri = docUri('closed.yaml');
    await client.open(uri, LONGHORN);
    assert.equal((await pull(client, uri)).length, 1);
    await client.close(uri);
    assert.deepEqual(await pull(client, uri), []);
    assert.deepEqual(await pull(client, docUri('never-opened.yaml')), []);
  });

  it('logged no handler failure', () => {
    assert.deepEqual(serverFailures(client), []);
  });
});
