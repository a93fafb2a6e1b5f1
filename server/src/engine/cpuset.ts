/**
 * Linux CPU lists ("0-3,8,10-11"), as PerformanceProfile `spec.cpu.*` and the kubelet write them.
 * Pure and small: parse to sorted, merged, inclusive ranges; intersect; print back. A value that is
 * not a CPU list (a template placeholder such as `$isolated`, a typo) parses to `undefined`, so
 * callers skip it instead of guessing.
 */

/** An inclusive range of CPU ids. */
export interface CpuRange {
  readonly start: number;
  readonly end: number;
}

/** A CPU set: ranges sorted by start, non-overlapping and non-adjacent. */
export type CpuSet = readonly CpuRange[];

/** CPU ids above this are not real (Linux caps NR_CPUS at 8192); larger numbers are treated as not a CPU list. */
const MAX_CPU_ID = 65535;

function parseId(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number.parseInt(t, 10);
  return n <= MAX_CPU_ID ? n : undefined;
}

/**
 * Parses a CPU list such as "0-3,8,10-11" (the format of k8s.io/utils/cpuset Parse). The empty
 * string (or only whitespace) is the empty set. Returns undefined for anything else: empty
 * elements ("1,,2"), reversed ranges ("3-1"), signs, placeholders.
 */
export function parseCpuList(text: string): CpuSet | undefined {
  if (text.trim() === '') return [];
  const ranges: CpuRange[] = [];
  for (const part of text.split(',')) {
    const dash = part.indexOf('-');
    if (dash === -1) {
      const id = parseId(part);
      if (id === undefined) return undefined;
      ranges.push({ start: id, end: id });
      continue;
    }
    const start = parseId(part.slice(0, dash));
    const end = parseId(part.slice(dash + 1));
    if (start === undefined || end === undefined || start > end) return undefined;
    ranges.push({ start, end });
  }
  return normalize(ranges);
}

function normalize(ranges: CpuRange[]): CpuSet {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: CpuRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1) out[out.length - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/** The CPUs in both sets. */
export function intersectCpuSets(a: CpuSet, b: CpuSet): CpuSet {
  const out: CpuRange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (start <= end) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

/** How many CPUs the set holds. */
export function cpuSetSize(set: CpuSet): number {
  return set.reduce((n, r) => n + r.end - r.start + 1, 0);
}

/** The set as a canonical CPU list ("0-3,8"); the empty set is "". */
export function formatCpuList(set: CpuSet): string {
  return set.map((r) => (r.start === r.end ? String(r.start) : `${r.start}-${r.end}`)).join(',');
}
