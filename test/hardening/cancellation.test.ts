/**
 * Typing faster than the server checks: each keystroke sends didChange, a pull for the new version
 * and a cancel of the previous pull. The superseded pulls must be cancelled, not checked one after
 * the other, so the latest version's diagnostics come after about one engine run, not ten.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, DocumentDiagnosticRequest, LSPErrorCodes, ResponseError, type DocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TestLspClient } from '../helpers/lsp-client';
import { check } from '../../server/src/engine';
import { docUri, pull, withTimeout } from '../protocol/support';
import { diagnosticSignature, expectedSignature } from '../fuzz/harness/lsp-checks';
import { startHookedClient, stats } from './stats';

const KEYSTROKES = 10;

/** One YAML document of about 180 KB, so every keystroke re-parses all of it (a few hundred ms). */
function slowDocument(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:'];
  for (let i = 0; i < 15_000; i++) lines.push(`  key${i}: value`);
  return `${lines.join('\n')}\n# typed: `;
}

describe('rapid edits cancel the superseded diagnostics pulls', { timeout: 120_000 }, () => {
  let client: TestLspClient;

  before(async () => {
    client = await startHookedClient({ pull: true });
  });

  after(async () => {
    await client.stop();
  });

  it(`${KEYSTROKES} keystrokes in a burst: the superseded pulls are cancelled and the engine runs about once`, async (t) => {
    const uri = docUri('slow.yaml');
    let mirror = TextDocument.create(uri, 'yaml', 1, slowDocument());
    await client.open(uri, mirror.getText());
    await pull(client, uri);
    const before = (await stats(client)).engineRuns.total;

    const outcomes: Promise<'answered' | 'cancelled'>[] = [];
    let latest: Promise<DocumentDiagnosticReport> | undefined;
    let previous: CancellationTokenSource | undefined;
    const started = Date.now();
    for (let k = 0; k < KEYSTROKES; k++) {
      const end = mirror.positionAt(mirror.getText().length);
      // As vscode-languageclient does on a keystroke: the change, then a pull, cancelling the last one.
      void client.edit(uri, { start: end, end }, 'x');
      mirror = TextDocument.update(mirror, [{ range: { start: end, end }, text: 'x' }], mirror.version + 1);
      previous?.cancel();
      const source = new CancellationTokenSource();
      latest = client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token);
      outcomes.push(
        latest.then(
          () => 'answered' as const,
          (error: unknown) => {
            assert.ok(error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled, `not a cancellation: ${String(error)}`);
            return 'cancelled' as const;
          },
        ),
      );
      previous = source;
    }
    const settled = await withTimeout(Promise.all(outcomes), 'the burst of pulls', 60_000);
    const report = await latest!;
    const elapsed = Date.now() - started;
    const runs = (await stats(client)).engineRuns.total - before;
    t.diagnostic(`${settled.filter((o) => o === 'cancelled').length} of ${KEYSTROKES - 1} superseded pulls cancelled; ${runs} engine runs; last diagnostics after ${elapsed} ms`);

    assert.equal(settled[KEYSTROKES - 1], 'answered', 'the latest pull is answered');
    assert.ok(settled.filter((o) => o === 'cancelled').length >= KEYSTROKES - 3, `cancelled: ${settled.join(', ')}`);
    assert.ok(runs <= 3, `the engine ran ${runs} times for one burst`);
    assert.equal(report.kind, 'full');
    assert.deepEqual(diagnosticSignature(report.kind === 'full' ? report.items : []), expectedSignature(check(mirror.getText())));
    await client.close(uri);
  });
});
