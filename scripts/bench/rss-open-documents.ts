/**
 * The language server's memory with many documents open: resident set size (VmRSS, and the peak,
 * VmHWM) right after start, with 200 documents open, diagnosed, hovered and completed, and after
 * closing them all again (per-document caches are evicted on close, so it should fall back).
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../../test/helpers/lsp-client';
import { mb, type Section } from './report';

export interface RssResult {
  documents: number;
  /** Megabytes of the documents' text. */
  textMb: number;
  startRssMb: number;
  openRssMb: number;
  closedRssMb: number;
  peakRssMb: number;
}

function memoryOf(pid: number | undefined): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

export async function measureOpenDocumentsRss(paths: readonly string[], documents = 200): Promise<RssResult> {
  const chosen = paths.slice(0, documents);
  const client = new TestLspClient({ pull: true });
  try {
    await client.initialize();
    // A first document, closed again, so start-up lazy loading (schemas, yaml-language-server) is in the baseline.
    const warm = pathToFileURL(chosen[0]).href;
    await client.open(warm, readFileSync(chosen[0], 'utf8'));
    await client.pullDiagnostics(warm);
    await client.hover(warm, 1, 2);
    await client.close(warm);
    const start = memoryOf(client.process.pid).rss;
    let textBytes = 0;
    for (const path of chosen) {
      const uri = pathToFileURL(path).href;
      const text = readFileSync(path, 'utf8');
      textBytes += text.length;
      await client.open(uri, text);
      await client.pullDiagnostics(uri);
      await client.hover(uri, 1, 2);
      await client.completion(uri, 2, 0);
    }
    const open = memoryOf(client.process.pid).rss;
    for (const path of chosen) await client.close(pathToFileURL(path).href);
    // A request after the closes: answered once they were all handled.
    await client.pullDiagnostics(warm).catch(() => undefined);
    const closed = memoryOf(client.process.pid);
    return { documents: chosen.length, textMb: textBytes / 1024 / 1024, startRssMb: start, openRssMb: open, closedRssMb: closed.rss, peakRssMb: closed.peak };
  } finally {
    await client.stop();
  }
}

export function rssSection(r: RssResult): Section {
  return {
    title: `Language server memory, ${r.documents} documents open (${r.textMb.toFixed(1)} MB of text)`,
    rows: [
      { label: 'RSS after start', value: mb(r.startRssMb), note: 'one document opened and closed' },
      { label: `RSS with ${r.documents} open`, value: mb(r.openRssMb), note: `+${(r.openRssMb - r.startRssMb).toFixed(1)} MB: diagnosed, hovered and completed` },
      { label: 'RSS after closing them', value: mb(r.closedRssMb), note: 'caches evicted on close; V8 keeps the heap it grew' },
      { label: 'peak RSS', value: mb(r.peakRssMb) },
    ],
  };
}
