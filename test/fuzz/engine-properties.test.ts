/**
 * Property-based fuzzing of the engine (in a worker, each input under a time bound): for token
 * soup and for the rule fixtures with hostile values, check() never throws, never hangs, keeps
 * every range and fix inside the document, "fix all" never fails, and reusing unchanged
 * documents after an edit (what the language server does on each keystroke) gives exactly the
 * findings of a fresh parse.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EngineRunner } from './harness/engine-runner';
import { assertChecks, preview } from './harness/assert-engine';
import { structuredDocuments, tokenSoup } from './harness/arbitraries';
import { fixtureFiles } from './harness/inputs';
import { applyMutant, mutant } from './harness/mutations';
import { FUZZ_SEED, runs, timeBoundMs } from './harness/budget';
import { findingProblems, signature } from './harness/invariants';

const fixtures = fixtureFiles();

describe(`engine properties (seed ${FUZZ_SEED}; replay with ONENODE_FUZZ_SEED=${FUZZ_SEED})`, { timeout: 240_000 }, () => {
  const runner = new EngineRunner();
  after(() => runner.close());

  it('token soup: no exception, no hang, ranges inside the document', async () => {
    await fc.assert(fc.asyncProperty(tokenSoup, async (text) => void (await assertChecks(runner, text))), { seed: FUZZ_SEED, numRuns: runs(3000) });
  });

  it('rule fixtures with hostile values: no exception, no hang, ranges and fixes inside the document', async () => {
    await fc.assert(fc.asyncProperty(structuredDocuments(fixtures), async (text) => void (await assertChecks(runner, text))), { seed: FUZZ_SEED, numRuns: runs(1500) });
  });

  it('rule fixtures with hostile values, then damaged as text', async () => {
    const damaged = fc.tuple(structuredDocuments(fixtures), mutant).map(([text, m]) => applyMutant(text, m));
    await fc.assert(fc.asyncProperty(damaged, async (text) => void (await assertChecks(runner, text))), { seed: FUZZ_SEED + 1, numRuns: runs(500) });
  });

  it('"fix all" applies without overlapping edits, and its result checks cleanly', async () => {
    await fc.assert(
      fc.asyncProperty(structuredDocuments(fixtures), async (text) => {
        const { value } = await runner.value({ kind: 'fixAll', text }, timeBoundMs(text) * 2, `fixAll ${preview(text)}`);
        assert.equal(value.kind, 'fixAll');
        if (value.kind === 'fixAll') await assertChecks(runner, value.text, 'the fixed text');
      }),
      { seed: FUZZ_SEED + 2, numRuns: runs(200) },
    );
  });

  it('after an edit, reusing unchanged documents gives the findings of a fresh parse', async () => {
    const edited = fc.tuple(fc.nat(), mutant).map(([which, m]) => {
      const previous = fixtures[which % fixtures.length].text;
      return { previous, text: applyMutant(previous, m) };
    });
    await fc.assert(
      fc.asyncProperty(edited, async ({ previous, text }) => {
        const { value } = await runner.value({ kind: 'incremental', previous, text }, timeBoundMs(text) * 3, `incremental ${preview(text)}`);
        assert.equal(value.kind, 'incremental');
        if (value.kind !== 'incremental') return;
        assert.deepEqual(findingProblems(text, value.reused.findings, value.reused.skipped), []);
        assert.deepEqual(signature(value.reused.findings), signature(value.fresh.findings), `${preview(previous)}\n→ ${preview(text)}`);
        assert.deepEqual(value.reused.findings.map((f) => f.message).sort(), value.fresh.findings.map((f) => f.message).sort());
      }),
      { seed: FUZZ_SEED + 3, numRuns: runs(400) },
    );
  });
});
