/** Disk latency: p99 of fdatasync on the path given with --disk-latency, against etcd's limit. */
import type { Check } from './context';

export const diskLatencyCheck: Check = ({ req, diskLatency }) => {
  const limit = req.diskSyncP99Ms;
  const required = limit === undefined ? `no limit stated by ${req.label}` : `p99 fdatasync at most ${limit} ms (${req.preflight.basis.diskSyncP99Ms ?? 'etcd'})`;
  if (!diskLatency) {
    return { id: 'disk-latency', title: 'Disk latency (etcd)', status: 'skip', measured: 'not measured', required, advice: 'Measure it with --disk-latency <a directory on the install disk, e.g. /var/lib>.' };
  }
  if ('error' in diskLatency) {
    return { id: 'disk-latency', title: 'Disk latency (etcd)', status: 'skip', measured: `not measured on ${diskLatency.path}: ${diskLatency.error}`, required, advice: '' };
  }
  const d = diskLatency;
  const measured = `p99 ${d.p99Ms.toFixed(2)} ms (p50 ${d.p50Ms.toFixed(2)} ms, max ${d.maxMs.toFixed(2)} ms) over ${d.samples} writes of ${d.blockBytes} bytes on ${d.path}, ${d.method}`;
  if (limit === undefined || d.p99Ms <= limit) return { id: 'disk-latency', title: 'Disk latency (etcd)', status: 'pass', measured, required, advice: '' };
  return {
    id: 'disk-latency',
    title: 'Disk latency (etcd)',
    status: 'fail',
    measured,
    required,
    advice: 'etcd on this disk will miss heartbeats and elections under load: put it on an SSD or NVMe without a write cache that lies, or on a less busy disk.',
  };
};
