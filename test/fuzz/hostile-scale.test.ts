/**
 * Half-megabyte inputs aimed at each path that was super-linear (one took four minutes at a
 * quarter of this size): each must finish within the suite's per-size time bound, which a linear
 * engine meets many times over, with the invariants of every fuzz input.
 */
import { after, describe, it } from 'node:test';
import { EngineRunner } from './harness/engine-runner';
import { assertChecks } from './harness/assert-engine';
import { scaleShapes } from './harness/hostile';
import { timeBoundMs } from './harness/budget';

describe('hostile inputs at scale (engine)', { timeout: 300_000 }, () => {
  const runner = new EngineRunner();
  after(() => runner.close());
  for (const shape of scaleShapes()) {
    it(`${shape.name}: within ${(timeBoundMs(shape.text) / 1000).toFixed(1)} s`, async (t) => {
      const started = Date.now();
      const { findings } = await assertChecks(runner, shape.text, shape.name);
      t.diagnostic(`${(shape.text.length / 1024).toFixed(0)} KB, ${findings.length} findings, ${Date.now() - started} ms`);
    });
  }
});
