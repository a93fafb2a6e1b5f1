/** The client's crash policy: restart, say so once, give up after five crashes in three minutes. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RestartPolicy } from '../../client/src/restart-policy';

describe('restart policy for a crashed language server', () => {
  it('restarts after a crash and notifies only the first time', () => {
    let now = 0;
    const policy = new RestartPolicy(4, 180_000, () => now);
    assert.deepEqual(policy.closed(), { restart: true, notify: true, recent: 1 });
    now += 10_000;
    assert.deepEqual(policy.closed(), { restart: true, notify: false, recent: 2 });
  });

  it('stops restarting on the fifth crash within three minutes', () => {
    let now = 0;
    const policy = new RestartPolicy(4, 180_000, () => now);
    const decisions = Array.from({ length: 5 }, () => ((now += 1000), policy.closed()));
    assert.deepEqual(decisions.map((d) => d.restart), [true, true, true, true, false]);
  });

  it('keeps restarting when crashes are far apart', () => {
    let now = 0;
    const policy = new RestartPolicy(4, 180_000, () => now);
    const decisions = Array.from({ length: 10 }, () => ((now += 60_000), policy.closed()));
    assert.ok(decisions.every((d) => d.restart), JSON.stringify(decisions));
    assert.equal(decisions.filter((d) => d.notify).length, 1);
  });
});
