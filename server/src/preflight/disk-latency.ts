/**
 * fdatasync latency on a directory, the way etcd's WAL writes: small sequential writes, each
 * followed by fdatasync (etcd's fio check uses 2300-byte writes up to 22 MiB). Bounded in bytes
 * and in time; the scratch file is created exclusively and removed even when a write fails.
 * Locally Node times it; over SSH a fixed python3 script (sent on standard input) does.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Host } from './host';
import type { DiskLatency } from './types';

export interface LatencyBounds {
  blockBytes: number;
  maxBytes: number;
  maxMs: number;
}

/** etcd's fio job: --bs=2300 --size=22m; ten seconds is enough for a p99 on any disk worth using. */
export const DEFAULT_BOUNDS: LatencyBounds = { blockBytes: 2300, maxBytes: 22 * 1024 * 1024, maxMs: 10_000 };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarizeLatency(samplesMs: readonly number[], path: string, bounds: LatencyBounds, stoppedBy: 'bytes' | 'time', method: string): DiskLatency {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return {
    path,
    samples: sorted.length,
    bytesWritten: sorted.length * bounds.blockBytes,
    blockBytes: bounds.blockBytes,
    p99Ms: percentile(sorted, 99),
    p50Ms: percentile(sorted, 50),
    maxMs: sorted[sorted.length - 1] ?? Number.NaN,
    stoppedBy,
    method,
  };
}

function scratchName(): string {
  return `.onenode-fdatasync-${randomBytes(6).toString('hex')}`;
}

async function measureLocal(dir: string, bounds: LatencyBounds): Promise<DiskLatency> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new Error('not a directory on this machine');
  const file = join(dir, scratchName());
  const handle = await fs.open(file, 'wx', 0o600);
  const samples: number[] = [];
  let stoppedBy: 'bytes' | 'time' = 'bytes';
  try {
    const block = randomBytes(bounds.blockBytes);
    const started = performance.now();
    while ((samples.length + 1) * bounds.blockBytes <= bounds.maxBytes) {
      if (performance.now() - started >= bounds.maxMs) {
        stoppedBy = 'time';
        break;
      }
      await handle.write(block);
      const before = performance.now();
      await handle.datasync();
      samples.push(performance.now() - before);
    }
  } finally {
    await handle.close();
    await fs.unlink(file);
  }
  if (samples.length === 0) throw new Error('the bounds allowed no write');
  return summarizeLatency(samples, dir, bounds, stoppedBy, 'fdatasync timed by node on this machine');
}

// Sent on standard input to `python3 -`; the directory, bounds and file name arrive as arguments.
export const REMOTE_SCRIPT = `
import os, sys, time
directory, block, max_bytes, max_ms, name = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
if not os.path.isdir(directory):
    sys.stderr.write("not a directory on the host\\n"); sys.exit(3)
path = os.path.join(directory, name)
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
samples = []
stopped = "bytes"
try:
    data = os.urandom(block)
    start = time.monotonic()
    while (len(samples) + 1) * block <= max_bytes:
        if (time.monotonic() - start) * 1000 >= max_ms:
            stopped = "time"; break
        os.write(fd, data)
        before = time.perf_counter()
        os.fdatasync(fd)
        samples.append(time.perf_counter() - before)
finally:
    os.close(fd)
    os.unlink(path)
sys.stdout.write("stopped " + stopped + "\\n" + "\\n".join("%.1f" % (s * 1e6) for s in samples) + "\\n")
`;

async function measureRemote(host: Host, dir: string, bounds: LatencyBounds): Promise<DiskLatency> {
  const argv = ['python3', '-', dir, String(bounds.blockBytes), String(bounds.maxBytes), String(bounds.maxMs), scratchName()];
  const result = await host.run(argv, { stdin: REMOTE_SCRIPT, timeoutMs: bounds.maxMs + 30_000 });
  if (result.code === 127) throw new Error('python3 is not installed on the host (needed to time fdatasync over SSH)');
  if (result.code !== 0) throw new Error(result.stderr.trim().split('\n').pop() || `python3 exited ${result.code}`);
  const [first, ...lines] = result.stdout.trim().split('\n');
  const stoppedBy = first === 'stopped time' ? 'time' : 'bytes';
  const samples = lines.map((l) => Number(l) / 1000).filter((n) => Number.isFinite(n));
  if (samples.length === 0) throw new Error('no write was timed');
  return summarizeLatency(samples, dir, bounds, stoppedBy, 'fdatasync timed by python3 on the host');
}

export async function measureDiskLatency(host: Host, dir: string, bounds: LatencyBounds = DEFAULT_BOUNDS): Promise<DiskLatency> {
  return host.kind === 'local' ? measureLocal(dir, bounds) : measureRemote(host, dir, bounds);
}
