/**
 * The language server with its test hooks on (ONENODE_TEST_HOOKS=1, inherited by the spawned
 * server), and its stats request: what it holds per document and how often the engine ran.
 */
import type { TestLspClient } from '../helpers/lsp-client';
import type { ClientOptions } from '../helpers/lsp-client';
import { startClient, withTimeout } from '../protocol/support';
import { INTERNAL_STATS_REQUEST, type InternalStats } from '../../server/src/features/internal-stats';

export function startHookedClient(options?: ClientOptions): Promise<TestLspClient> {
  process.env.ONENODE_TEST_HOOKS = '1';
  return startClient(options);
}

export function stats(client: TestLspClient): Promise<InternalStats> {
  return withTimeout(client.connection.sendRequest<InternalStats>(INTERNAL_STATS_REQUEST), 'stats');
}

/** Engine runs for one document so far (0 when it never ran or was closed). */
export function runsOf(s: InternalStats, uri: string): number {
  return s.engineRuns.perDocument[uri] ?? 0;
}
