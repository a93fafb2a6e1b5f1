/**
 * Keystroke-to-diagnostics latency through the real language server (dist/server.js over stdio,
 * pull diagnostics). Each sample is the time from sending one incremental didChange to receiving
 * the pulled diagnostics for that version. Off the clock, the same version is checked in-process,
 * to verify the server's answer and to split the latency into engine time and everything else.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { check, DEFAULT_OPTIONS, type ParsedFile } from '../../server/src/engine';
import { TestLspClient } from '../../test/helpers/lsp-client';
import { max, median, percentile } from './stats';
import { spreadSites, type EditSite } from './workload';

/** Edits left out of the steady-state figure; the first few run on not-yet-optimised server code. */
export const WARM_EDITS = 5;

export interface LspResult {
  /** Spawning `node dist/server.js` until its initialize result arrives (one cold start). */
  startMs: number;
  edits: number;
  firstPullMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** p95 without the first WARM_EDITS edits: the server's JIT is still warming up during those. */
  steadyP95Ms: number;
  /** In-process check() of each edited version, to set against the latency. */
  engineP50Ms: number;
  engineP95Ms: number;
  /** A pull with no change in between: the server answers from its cache, so this is protocol and serialisation only. */
  cachedPullP50Ms: number;
  diagnostics: number;
  /** Pulls whose diagnostics count differed from the in-process check of the same version. */
  mismatches: number;
  rssMb: number;
  peakRssMb: number;
}

/** VmRSS and VmHWM (peak) of a process, in MB; NaN where /proc is not available. */
function memoryOf(pid: number | undefined): { rssMb: number; peakRssMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: NaN, peakRssMb: NaN };
  }
}

/** Half the edits toggle a replica digit (findings change), half type into a comment (they do not). */
function plannedEdits(sites: readonly EditSite[], count: number): EditSite[] {
  const digits = spreadSites(sites, 'replica-digit', Math.ceil(count / 2));
  const comments = spreadSites(sites, 'comment', Math.floor(count / 2));
  return [...digits, ...comments].sort((a, b) => a.line - b.line);
}

export async function measureLsp(file: string, text: string, sites: readonly EditSite[], editCount = 50): Promise<LspResult> {
  const spawned = performance.now();
  const client = new TestLspClient({ pull: true });
  try {
    await client.initialize();
    const startMs = performance.now() - spawned;
    const uri = pathToFileURL(file).href;
    let mirror = TextDocument.create(uri, 'yaml', 1, text);
    await client.open(uri, text);
    let start = performance.now();
    let diagnostics = (await client.pullDiagnostics(uri)).length;
    const firstPullMs = performance.now() - start;

    const latencies: number[] = [];
    const engine: number[] = [];
    let mismatches = 0;
    let previous: ParsedFile | undefined = check(text).file;
    for (const site of plannedEdits(sites, editCount)) {
      const at = { line: site.line, character: site.character };
      const range = site.kind === 'comment' ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
      const newText = site.kind === 'comment' ? 'x' : mirror.getText(range) === '3' ? '1' : '3';
      start = performance.now();
      await client.edit(uri, range, newText);
      diagnostics = (await client.pullDiagnostics(uri)).length;
      latencies.push(performance.now() - start);

      mirror = TextDocument.update(mirror, [{ range, text: newText }], mirror.version + 1);
      // Timed as the server runs it: re-parsing only the changed YAML document.
      const engineStart = performance.now();
      previous = check(mirror.getText(), DEFAULT_OPTIONS, { previous }).file;
      engine.push(performance.now() - engineStart);
      // Verified against a fresh, whole-file check (not timed).
      if (check(mirror.getText()).findings.length !== diagnostics) mismatches++;
    }

    const cached: number[] = [];
    for (let i = 0; i < 20; i++) {
      start = performance.now();
      await client.pullDiagnostics(uri);
      cached.push(performance.now() - start);
    }
    return {
      edits: latencies.length,
      startMs,
      firstPullMs,
      p50Ms: median(latencies),
      p95Ms: percentile(latencies, 95),
      maxMs: max(latencies),
      steadyP95Ms: percentile(latencies.slice(WARM_EDITS), 95),
      engineP50Ms: median(engine),
      engineP95Ms: percentile(engine, 95),
      cachedPullP50Ms: median(cached),
      diagnostics,
      mismatches,
      ...memoryOf(client.process.pid),
    };
  } finally {
    await client.stop();
  }
}
