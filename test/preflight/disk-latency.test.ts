/** fdatasync timing on this machine: bounded in bytes and time, percentiles by nearest rank, no file left behind. */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureDiskLatency, percentile } from '../../server/src/preflight/disk-latency';
import { LocalHost } from '../../server/src/preflight/local-host';

const dir = mkdtempSync(join(tmpdir(), 'onenode-latency-'));
after(() => rmSync(dir, { recursive: true, force: true }));

describe('disk latency', () => {
  it('takes p99 by nearest rank', () => {
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    assert.equal(percentile(values, 99), 198);
    assert.equal(percentile(values, 50), 100);
    assert.equal(percentile([7], 99), 7);
  });

  it('stops at the byte bound', async () => {
    const result = await measureDiskLatency(new LocalHost(), dir, { blockBytes: 4096, maxBytes: 4096 * 20, maxMs: 60_000 });
    assert.equal(result.samples, 20);
    assert.equal(result.bytesWritten, 4096 * 20);
    assert.equal(result.stoppedBy, 'bytes');
    assert.deepEqual(readdirSync(dir), []);
  });

  it('stops at the time bound', async () => {
    const started = Date.now();
    const result = await measureDiskLatency(new LocalHost(), dir, { blockBytes: 512, maxBytes: 1024 ** 3, maxMs: 300 });
    assert.equal(result.stoppedBy, 'time');
    assert.ok(Date.now() - started < 5_000);
    assert.ok(result.bytesWritten < 1024 ** 3);
    assert.deepEqual(readdirSync(dir), []);
  });

  it('refuses a path that is not a directory', async () => {
    await assert.rejects(measureDiskLatency(new LocalHost(), join(dir, 'nope'), { blockBytes: 512, maxBytes: 5120, maxMs: 1000 }), /not a directory/);
  });
});
