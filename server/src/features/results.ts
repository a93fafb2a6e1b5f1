/**
 * Check results per open document, keyed by document version, settings and the generations of
 * the kinds of workspace facts the check read (see workspace-facets.ts), so diagnostics, code
 * actions and hovers on the same state share one engine run, and a change elsewhere re-checks
 * only the documents that read what changed. Each run also refreshes the document's facts in
 * the workspace index. Evicted on close.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, extractFacts, optionsKey, type CheckOptions, type CheckResult } from '../engine';
import { RecordingView, type Facet, type FacetIndex } from './workspace-facets';

interface Entry {
  version: number;
  options: string;
  /** The kinds of workspace facts the check read, and their generations then. */
  facets: Facet[];
  stamp: string;
  result: CheckResult;
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  /** Engine runs, in total and per open document (evicted with it): for the tests' stats request. */
  private total = 0;
  private readonly perDocument = new Map<string, number>();

  constructor(
    private readonly index: FacetIndex,
    /** Called when a document's facts changed, so files that depend on them are checked again. */
    private readonly onFactsChanged: (uri: string) => void,
  ) {}

  get(document: TextDocument, options: CheckOptions): CheckResult {
    const cached = this.entries.get(document.uri);
    const optionsText = optionsKey(options);
    if (cached && cached.version === document.version && cached.options === optionsText && cached.stamp === this.index.stamp(cached.facets)) return cached.result;
    // The previous parse of this document is handed over: unchanged YAML documents are reused.
    const view = new RecordingView(this.index);
    const result = check(document.getText(), options, { previous: cached?.result.file, uri: document.uri, workspace: view });
    this.total++;
    this.perDocument.set(document.uri, (this.perDocument.get(document.uri) ?? 0) + 1);
    const changed = result.file ? this.index.set(document.uri, extractFacts(document.uri, result.file)) : this.index.remove(document.uri);
    // Stamped after this document's own facts are recorded: they are not among what it read.
    const facets = view.facets();
    this.entries.set(document.uri, { version: document.version, options: optionsText, facets, stamp: this.index.stamp(facets), result });
    if (changed) this.onFactsChanged(document.uri);
    return result;
  }

  /** The last parse of a document, whatever version it was for (enough to know its documents' kinds). */
  lastFile(uri: string) {
    return this.entries.get(uri)?.result.file;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.perDocument.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** How many times the engine ran: in total, and for each open document. */
  runs(): { total: number; perDocument: Record<string, number> } {
    return { total: this.total, perDocument: Object.fromEntries(this.perDocument) };
  }
}
