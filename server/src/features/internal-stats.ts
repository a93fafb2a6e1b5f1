/**
 * A request for the tests only (registered when ONENODE_TEST_HOOKS=1 is set in the server's
 * environment): how much the server holds per document and how often the engine ran, so tests
 * can show that closing documents frees their caches and that an edit re-checks only the
 * documents that depend on it. Not part of the protocol the extension uses.
 */
import type { Connection } from 'vscode-languageserver/node';

export const INTERNAL_STATS_REQUEST = 'onenode/internal/stats';

export interface InternalStats {
  openDocuments: number;
  results: number;
  settings: number;
  pushTimers: number;
  indexedFiles: number;
  /** yaml-language-server's: -1 when completion is off (the Red Hat YAML extension provides it). */
  parsedDocuments: number;
  cursorSchemas: number;
  engineRuns: { total: number; perDocument: Record<string, number> };
}

export function registerInternalStats(connection: Connection, read: () => InternalStats): void {
  if (process.env.ONENODE_TEST_HOOKS !== '1') return;
  connection.onRequest(INTERNAL_STATS_REQUEST, () => read());
}
