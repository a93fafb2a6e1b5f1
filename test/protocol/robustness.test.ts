// Protocol: the server survives malformed, binary, empty, huge and half-typed input and keeps answering.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind, DiagnosticSeverity } from 'vscode-languageserver-protocol';
import type { TestLspClient } from '../helpers/lsp-client';
import { textAt } from '../helpers/text';
import { actionsOf, docUri, hoverMarkdown, messageOf, positionOf, protocolFixture, pull, rangeOf, serverFailures, startClient, withTimeout } from './support';

const LONGHORN = protocolFixture('longhorn-three.yaml');
const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('robustness', { timeout: 120_000 }, () => {
  let client: TestLspClient;

  before(async () => {
    client = await startClient({ pull: true });
  });

  after(async () => {
    await client.stop();
  });

  /** The server still answers every request kind on a healthy document. */
  async function assertStillServing(): Promise<void> {
    const uri = docUri('healthy.yaml');
    await client.open(uri, LONGHORN);
    const diagnostics = await pull(client, uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['longhorn-replica-count']);
    const p = positionOf(LONGHORN, '"3"', 0, 1);
    assert.ok(await withTimeout(client.hover(uri, p.line, p.character), 'hover'), 'hover still answers');
    const actions = actionsOf(await withTimeout(client.codeActions(uri, diagnostics[0].range, diagnostics), 'codeAction'));
    assert.ok(actions.length > 0, 'code actions still answer');
    await client.close(uri);
  }

  /** No diagnostics, no hover, no code actions, and no crash. */
  async function assertQuiet(uri: string, text: string): Promise<void> {
    await client.open(uri, text);
    assert.deepEqual(await pull(client, uri), []);
    assert.equal(await withTimeout(client.hover(uri, 0, 0), 'hover'), null);
    assert.deepEqual(actionsOf(await withTimeout(client.codeActions(uri, ORIGIN, []), 'codeAction')), []);
    await client.close(uri);
  }

  it('malformed YAML gives one yaml-syntax error, and the server keeps answering', async () => {
    const uri = docUri('malformed.yaml');
    const text = 'key: [unclosed\n';
    await client.open(uri, text);
    const diagnostics = await pull(client, uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [d] = diagnostics;
    assert.equal(d.code, 'yaml-syntax');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.source, 'onenode');
    assert.match(messageOf(d), /^YAML syntax error: /);
    assert.ok(textAt(text, d.range).length > 0, 'the range is not empty, so the squiggle is visible');
    const fixAll = actionsOf(await withTimeout(client.codeActions(uri, ORIGIN, diagnostics, [CodeActionKind.SourceFixAll]), 'codeAction'));
    assert.deepEqual(fixAll, [], 'nothing to fix all in a broken file');
    const onError = hoverMarkdown(await withTimeout(client.hover(uri, d.range.start.line, d.range.start.character), 'hover'));
    assert.ok(onError.includes('`yaml-syntax`') && onError.includes(messageOf(d)), onError);
    await client.close(uri);
    await assertStillServing();
  });

  it('a broken document does not hide findings in the healthy documents of the same file', async () => {
    const uri = docUri('one-broken.yaml');
    const text = `${LONGHORN}---\nkey: [unclosed\n`;
    await client.open(uri, text);
    const diagnostics = await pull(client, uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['longhorn-replica-count', 'yaml-syntax']);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, '"3"'));
    assert.ok(diagnostics[1].range.start.line > diagnostics[0].range.start.line, 'the syntax error is in the second document');
    await client.close(uri);
  });

  it('a document being typed character by character never breaks the server, and ends with the right finding', async () => {
    const uri = docUri('typing.yaml');
    await client.open(uri, '');
    let typed = '';
    for (const ch of LONGHORN) {
      const lines = typed.split('\n');
      const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
      await client.edit(uri, { start: end, end }, ch);
      typed += ch;
      const diagnostics = await pull(client, uri);
      for (const d of diagnostics) assert.ok(d.range.end.line <= lines.length, `range inside the typed text: ${JSON.stringify(d.range)}`);
    }
    assert.equal(typed, LONGHORN);
    const final = await pull(client, uri);
    assert.deepEqual(final.map((d) => [d.code, d.range]), [['longhorn-replica-count', rangeOf(LONGHORN, '"3"')]]);
    await client.close(uri);
  });

  it('a text with NUL characters gets one Information diagnostic saying it was not checked', async () => {
    const uri = docUri('binary.yaml');
    const text = `apiVersion: v1\u0000\u0000kind: ConfigMap\n\u0000\u0001\u0002binary`;
    await client.open(uri, text);
    const diagnostics = await pull(client, uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [d] = diagnostics;
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.equal(d.source, 'onenode');
    assert.match(messageOf(d), /not checked/);
    assert.match(messageOf(d), /NUL/);
    assert.equal(await withTimeout(client.hover(uri, 0, 2), 'hover'), null);
    assert.deepEqual(actionsOf(await withTimeout(client.codeActions(uri, d.range, diagnostics), 'codeAction')), []);
    await client.close(uri);
  });

  it('a file above the size limit gets one Information diagnostic saying it was not checked', async () => {
    const uri = docUri('huge.yaml');
    const text = `${LONGHORN}# ${'x'.repeat(11 * 1024 * 1024)}\n`;
    await client.open(uri, text);
    const diagnostics = await pull(client, uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(messageOf(diagnostics[0]), /not checked.*MB/);
    await client.close(uri);
    await assertStillServing();
  });

  it('an empty document gives no diagnostics and no crash', async () => {
    await assertQuiet(docUri('empty.yaml'), '');
  });

  it('a document that is just a scalar gives no diagnostics and no crash', async () => {
    await assertQuiet(docUri('scalar.yaml'), 'just a plain scalar\n');
    await assertQuiet(docUri('number.yaml'), '42');
  });

  it('other shapes without a mapping at the top (a list, null, separators, comments only) are quiet too', async () => {
    await assertQuiet(docUri('list.yaml'), '- a\n- b: c\n');
    await assertQuiet(docUri('null.yaml'), '~\n');
    await assertQuiet(docUri('separators.yaml'), '---\n---\n...\n');
    await assertQuiet(docUri('comments.yaml'), '# only a comment\n# onenode-disable-next-line\n');
    await assertQuiet(docUri('whitespace.yaml'), '\n\n   \r\n\t\n');
  });

  it('deeply nested YAML gives diagnostics (or none) without crashing the server', async () => {
    const uri = docUri('deep.yaml');
    const depth = 5000;
    const text = `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    await client.open(uri, text);
    const diagnostics = await pull(client, uri);
    for (const d of diagnostics) assert.equal(d.code, 'yaml-syntax');
    await withTimeout(client.hover(uri, 0, depth), 'hover');
    await client.close(uri);
    await assertStillServing();
  });

  it('requests with positions outside the document are answered, not failed', async () => {
    const uri = docUri('out-of-range.yaml');
    await client.open(uri, LONGHORN);
    assert.equal(await withTimeout(client.hover(uri, 999, 999), 'hover'), null);
    const far = { start: { line: 999, character: 0 }, end: { line: 1000, character: 5 } };
    assert.deepEqual(actionsOf(await withTimeout(client.codeActions(uri, far, [], [CodeActionKind.QuickFix]), 'codeAction')), []);
    await client.close(uri);
  });

  it('logged no handler failure', () => {
    assert.deepEqual(serverFailures(client), []);
  });
});
