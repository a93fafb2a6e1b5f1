/**
 * Check results per open document, keyed by document version and settings, so diagnostics,
 * code actions and hovers on the same version share one engine run. Evicted on close.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { check, optionsKey, type CheckOptions, type CheckResult } from '../engine';

interface Entry {
  version: number;
  key: string;
  result: CheckResult;
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();

  get(document: TextDocument, options: CheckOptions): CheckResult {
    const key = optionsKey(options);
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.key === key) return cached.result;
    // The previous parse of this document is handed over: unchanged YAML documents are reused.
    const result = check(document.getText(), options, cached?.result.file);
    this.entries.set(document.uri, { version: document.version, key, result });
    return result;
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
