/**
 * Hundreds of documents opened, used (diagnostics, hovers, completion) and closed: every per-document
 * cache of the server (check results, settings, yaml-language-server's parses and cursor schemas,
 * push timers) is back to empty, so memory does not grow with every file ever opened. Resident
 * memory is read from /proc and reported.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { TestLspClient } from '../helpers/lsp-client';
import { docUri, pull, withTimeout } from '../protocol/support';
import { fixtureFiles } from '../fuzz/harness/inputs';
import { startHookedClient, stats } from './stats';

const DOCUMENTS = 200;

function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
}

for (const pullMode of [true, false]) {
  describe(`${DOCUMENTS} documents opened and closed (${pullMode ? 'pull' : 'push'} diagnostics)`, { timeout: 180_000 }, () => {
    let client: TestLspClient;
    const texts = fixtureFiles().map((f) => f.text);

    before(async () => {
      client = await startHookedClient({ pull: pullMode });
    });

    after(async () => {
      await client.stop();
    });

    async function openUseClose(round: number): Promise<void> {
      const uris = Array.from({ length: DOCUMENTS }, (_, i) => docUri(`memory-${round}-${i}.yaml`));
      for (const [i, uri] of uris.entries()) {
        await client.open(uri, texts[i % texts.length]);
        // Push mode is not awaited: its timers (100 ms debounce) must be cleared by the close too.
        if (pullMode) await pull(client, uri);
        // Hover and completion make yaml-language-server parse the document and keep it.
        await withTimeout(client.hover(uri, 1, 2), 'hover');
        await withTimeout(client.completion(uri, 2, 0), 'completion');
      }
      const open = await stats(client);
      assert.equal(open.openDocuments, DOCUMENTS);
      assert.equal(open.results, DOCUMENTS);
      assert.equal(open.settings, DOCUMENTS);
      assert.ok(open.parsedDocuments > 0, `yaml-language-server parsed ${open.parsedDocuments} documents`);
      for (const uri of uris) await client.close(uri);
    }

    it('frees every per-document cache on close, round after round', async (t) => {
      const rounds: number[] = [];
      for (let round = 0; round < (pullMode ? 3 : 1); round++) {
        await openUseClose(round);
        // Closing is a notification: the stats request after it is answered once it was handled.
        const closed = await stats(client);
        assert.deepEqual(
          { open: closed.openDocuments, results: closed.results, settings: closed.settings, parsed: closed.parsedDocuments, cursors: closed.cursorSchemas, timers: closed.pushTimers, runsKept: Object.keys(closed.engineRuns.perDocument).length },
          { open: 0, results: 0, settings: 0, parsed: 0, cursors: 0, timers: 0, runsKept: 0 },
        );
        rounds.push(rssMb(client.process.pid));
      }
      t.diagnostic(`server RSS after each round of ${DOCUMENTS} documents: ${rounds.map((r) => `${r.toFixed(0)} MB`).join(', ')}`);
    });
  });
}
