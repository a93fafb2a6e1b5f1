/**
 * Every file of the shared corpus of real-world configs (read in place) and every rule fixture,
 * as it is and damaged by a few text mutations each: the engine never throws, never hangs, and
 * keeps ranges and fixes inside the document. Large files get fewer mutants, so the suite's time
 * stays bounded on two cores.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EngineRunner } from './harness/engine-runner';
import { assertChecks } from './harness/assert-engine';
import { corpusFiles, fixtureFiles, type SeedFile } from './harness/inputs';
import { applyMutant, mutant } from './harness/mutations';
import { FUZZ_SEED, runs } from './harness/budget';

/** Mutants per file: 12 for small files, down to 3 for the 200 KB ones. */
function mutantsFor(file: SeedFile): number {
  return runs(file.text.length > 100_000 ? 3 : file.text.length > 20_000 ? 6 : 12);
}

function suite(title: string, files: SeedFile[], minimum: number, seedOffset: number): void {
  describe(`${title} (seed ${FUZZ_SEED + seedOffset})`, { timeout: 240_000 }, () => {
    const runner = new EngineRunner();
    after(() => runner.close());

    it(`has at least ${minimum} files`, () => {
      assert.ok(files.length >= minimum, `${files.length} files`);
    });

    it('checks every file as it is', async () => {
      for (const file of files) await assertChecks(runner, file.text, file.name);
    });

    it('checks mutants of every file', async () => {
      let total = 0;
      for (const [i, file] of files.entries()) {
        const numRuns = mutantsFor(file);
        total += numRuns;
        await fc.assert(
          fc.asyncProperty(mutant, async (m) => void (await assertChecks(runner, applyMutant(file.text, m), file.name))),
          { seed: FUZZ_SEED + seedOffset + i, numRuns },
        );
      }
      assert.ok(total >= files.length * 3);
    });
  });
}

suite('corpus mutations', corpusFiles(), 150, 100);
suite('rule fixture mutations', fixtureFiles(), 80, 10_000);
