/**
 * Check results per open document, keyed by document version, settings and the workspace index's
 * generation, so diagnostics, code actions and hovers on the same state share one engine run.
 * Each run also refreshes the document's facts in the workspace index. Evicted on close.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, extractFacts, optionsKey, type CheckOptions, type CheckResult, type WorkspaceIndex } from '../engine';

interface Entry {
  version: number;
  key: string;
  result: CheckResult;
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly index: WorkspaceIndex,
    /** Called when a document's facts changed, so files that depend on them are checked again. */
    private readonly onFactsChanged: (uri: string) => void,
  ) {}

  get(document: TextDocument, options: CheckOptions): CheckResult {
    const cached = this.entries.get(document.uri);
    const key = () => `${optionsKey(options)}#${this.index.generation}`;
    if (cached && cached.version === document.version && cached.key === key()) return cached.result;
    // The previous parse of this document is handed over: unchanged YAML documents are reused.
    const result = check(document.getText(), options, { previous: cached?.result.file, uri: document.uri, workspace: this.index });
    const changed = result.file ? this.index.set(document.uri, extractFacts(document.uri, result.file)) : this.index.remove(document.uri);
    this.entries.set(document.uri, { version: document.version, key: key(), result });
    if (changed) this.onFactsChanged(document.uri);
    return result;
  }

  /** The last parse of a document, whatever version it was for (enough to know its documents' kinds). */
  lastFile(uri: string) {
    return this.entries.get(uri)?.result.file;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
