/**
 * The language server (dist/server.js over stdio) on hostile and generated documents: every
 * request is answered within a time bound, diagnostics equal the engine's findings for the same
 * text (also after a run of incremental edits), ranges stay inside the document, and nothing a
 * handler throws is logged. The server keeps serving a healthy document at the end.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import type { TestLspClient } from '../helpers/lsp-client';
import { decode } from '../../server/src/files/yaml-files';
import { docUri, messageOf, serverFailures, startClient, withTimeout } from '../protocol/support';
import { EngineRunner } from './harness/engine-runner';
import { diagnosticSignature, exerciseDocument, expectedSignature } from './harness/lsp-checks';
import { structuredDocuments, tokenSoup } from './harness/arbitraries';
import { fixtureFiles } from './harness/inputs';
import { applyMutant, mutant } from './harness/mutations';
import { FUZZ_SEED, runs, timeBoundMs } from './harness/budget';
import {
  BILLION_LAUGHS_STORAGECLASS, billionLaughs, deepFlow, HELM_TEMPLATE, hugeFile, LONGHORN_THREE, PNG_BYTES, RECURSIVE_ALIAS, UTF16_WITHOUT_BOM,
} from './harness/hostile';

const fixtures = fixtureFiles();

describe(`language server on hostile and generated input (seed ${FUZZ_SEED})`, { timeout: 300_000 }, () => {
  let client: TestLspClient;
  const runner = new EngineRunner();
  let workspace: string;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'onenode-fuzz-ws-'));
    client = await startClient({ pull: true, workspaceFolders: [pathToFileURL(workspace).href] });
  });

  after(async () => {
    await client.stop();
    await runner.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  /** Opens `text`, checks the server's answers against the engine's, closes it. */
  async function roundTrip(text: string, name = 'fuzz.yaml', spots?: number[]): Promise<void> {
    const uri = docUri(name);
    const bound = timeBoundMs(text);
    const { value } = await runner.value({ kind: 'check', text }, bound, `engine on ${name}`);
    await client.open(uri, text);
    try {
      const diagnostics = await exerciseDocument(client, uri, text, bound, spots);
      assert.ok(value.kind === 'check');
      assert.deepEqual(diagnosticSignature(diagnostics), expectedSignature(value.result), JSON.stringify(text.slice(0, 300)));
    } finally {
      await client.close(uri);
    }
  }

  it('named hostile documents: answered in bounded time, with the engine\'s findings', async () => {
    const named: [string, string][] = [
      ['bomb.yaml', billionLaughs()],
      ['bomb-sc.yaml', BILLION_LAUGHS_STORAGECLASS],
      ['recursive.yaml', RECURSIVE_ALIAS],
      ['png.yaml', decode(PNG_BYTES).text],
      ['utf16.yaml', decode(UTF16_WITHOUT_BOM).text],
      ['bom.yaml', `\uFEFF${LONGHORN_THREE}`],
      ['crlf.yaml', LONGHORN_THREE.replace(/\n/g, '\r\n')],
      ['tabs.yaml', 'metadata:\n\tname: x\n'],
      ['duplicates.yaml', `a:\n${'  b: 1\n'.repeat(2000)}`],
      ['unterminated.yaml', 'data:\n  a: "abc\n'],
      ['chart.yaml', HELM_TEMPLATE],
      ['scalar.yaml', 'just a scalar\n'],
      ['list.yaml', '- a\n- b: c\n'],
      ['unknown.yaml', 'apiVersion: example.com/v9\nkind: StorageClass\nparameters:\n  numberOfReplicas: "3"\n'],
    ];
    for (const [name, text] of named) await roundTrip(text, name, [0, 7, 31, 1000]);
  });

  it('a document nested 50,000 deep: one syntax diagnostic', async () => {
    // Where the parser runs out of stack depends on the thread's stack, so the position is not
    // compared with the engine's (which runs in a worker with a larger stack).
    const uri = docUri('deep.yaml');
    const text = deepFlow(50_000);
    await client.open(uri, text);
    try {
      const diagnostics = await exerciseDocument(client, uri, text, timeBoundMs(text));
      assert.deepEqual(diagnostics.map((d) => d.code), ['yaml-syntax']);
    } finally {
      await client.close(uri);
    }
  });

  it('a 50 MB document: one information diagnostic, and hover and completion still answer quickly', async () => {
    const uri = docUri('fifty.yaml');
    const text = hugeFile(50);
    await client.open(uri, text);
    try {
      const started = Date.now();
      const diagnostics = await withTimeout(client.pullDiagnostics(uri), 'pull on 50 MB', 10_000);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
      assert.match(messageOf(diagnostics[0]), /not checked: the file is 50\.\d MB/);
      await withTimeout(client.hover(uri, 7, 20), 'hover on 50 MB', 5_000);
      await withTimeout(client.completion(uri, 7, 2), 'completion on 50 MB', 5_000);
      assert.ok(Date.now() - started < 15_000, `took ${Date.now() - started} ms`);
    } finally {
      await client.close(uri);
    }
  });

  it('generated documents: the engine\'s findings, ranges inside, every request answered', async () => {
    const input = fc.oneof(tokenSoup, structuredDocuments(fixtures), fc.tuple(fc.nat(), mutant).map(([i, m]) => applyMutant(fixtures[i % fixtures.length].text, m)));
    await fc.assert(fc.asyncProperty(input, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), (text, spots) => roundTrip(text, 'generated.yaml', spots)), { seed: FUZZ_SEED + 20, numRuns: runs(600) });
  });

  it('incremental edits, pulled after each: the server ends with the engine\'s findings for the final text', async () => {
    const typing = fc.tuple(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(12), fc.constantFrom('', 'x', '3', '"', ':', ' ', '\n', '  ', '- ', '---\n', '{{', '\r\n', '#', '&a', '*a')), { minLength: 1, maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(typing, async ([which, edits]) => {
        const uri = docUri('typing.yaml');
        let mirror = TextDocument.create(uri, 'yaml', 1, fixtures[which % fixtures.length].text);
        await client.open(uri, mirror.getText());
        try {
          for (const [at, length, insert] of edits) {
            const start = mirror.positionAt(at % (mirror.getText().length + 1));
            const end = mirror.positionAt(mirror.offsetAt(start) + length);
            await client.edit(uri, { start, end }, insert);
            mirror = TextDocument.update(mirror, [{ range: { start, end }, text: insert }], mirror.version + 1);
            await withTimeout(client.pullDiagnostics(uri), 'pull after an edit');
          }
          const text = mirror.getText();
          const { value } = await runner.value({ kind: 'check', text }, timeBoundMs(text), 'engine on the final text');
          assert.ok(value.kind === 'check');
          assert.deepEqual(diagnosticSignature(await withTimeout(client.pullDiagnostics(uri), 'final pull')), expectedSignature(value.result), JSON.stringify(text));
        } finally {
          await client.close(uri);
        }
      }),
      { seed: FUZZ_SEED + 21, numRuns: runs(80) },
    );
  });

  it('a hostile .onenode.yaml (alias bomb, garbage, 1 MB) is reported as a problem, not a crash', async () => {
    const config = join(workspace, '.onenode.yaml');
    const uri = pathToFileURL(config).href;
    const manyAliases = `rules:\n  schema: &x off\n${Array.from({ length: 150 }, (_, i) => `  r${i}: *x\n`).join('')}`;
    for (const text of [billionLaughs('rules:\n'), manyAliases, 'platform: [', `rules:\n${'  schema: off\n'.repeat(80_000)}`, decode(PNG_BYTES).text]) {
      writeFileSync(config, text);
      await client.open(uri, text);
      const diagnostics = await withTimeout(client.pullDiagnostics(uri), 'pull on .onenode.yaml', timeBoundMs(text));
      assert.ok(diagnostics.length > 0, `no problem reported for ${JSON.stringify(text.slice(0, 60))}`);
      await client.close(uri);
    }
    rmSync(config);
  });

  it('still serves a healthy document, and no handler failed', async () => {
    const uri = docUri('healthy.yaml');
    await client.open(uri, LONGHORN_THREE);
    assert.deepEqual((await withTimeout(client.pullDiagnostics(uri), 'pull')).map((d) => d.code), ['longhorn-replica-count']);
    await client.close(uri);
    assert.deepEqual(serverFailures(client), []);
  });
});
