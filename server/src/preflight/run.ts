/**
 * Preflight from start to end, for the CLI and the language server alike: open the host, collect
 * a snapshot, parse it, optionally time fdatasync, and evaluate it for each platform and environment.
 */
import type { Environment, Platform } from '../engine/types';
import { collectSnapshot } from './collect';
import { devicePathsOf, pickExpectations, readConfigExpectations } from './config-expectations';
import { measureDiskLatency, type LatencyBounds } from './disk-latency';
import { evaluate, summarize, verdictOf } from './evaluate';
import { parseFacts } from './facts';
import { cancelledError, type Host } from './host';
import { openHost, type TargetRequest } from './open-host';
import type { SshPrompts } from './ssh/prompts';
import type { ConfigExpectations, DiskLatency, PreflightReport, RawSnapshot } from './types';

export interface PreflightRequest {
  target: TargetRequest;
  platforms: readonly Platform[];
  environments: readonly Environment[];
  /** A Harvester config or agent-config whose install device and interfaces are checked. */
  config?: { text: string; source: string };
  diskLatencyPath?: string;
  latencyBounds?: LatencyBounds;
  timeoutMs?: number;
  prompts?: SshPrompts;
  onProgress?: (message: string) => void;
  /** Receives the raw snapshot (for --dump-raw and bug reports). */
  onSnapshot?: (snapshot: RawSnapshot) => void;
  /** Cancels the run: it rejects at once with a `cancelled` PreflightError and closes the connection. */
  signal?: AbortSignal;
}

/** `work`, or a `cancelled` rejection as soon as `signal` aborts (the work itself is stopped by closing its host). */
function unlessCancelled<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(cancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export interface EvaluateSnapshotOptions {
  target: string;
  platforms: readonly Platform[];
  environments: readonly Environment[];
  config?: { text: string; source: string };
  diskLatency?: DiskLatency | { path: string; error: string };
}

function configCandidates(config: { text: string; source: string } | undefined): ConfigExpectations[] {
  if (!config) return [];
  const candidates = readConfigExpectations(config.text, config.source);
  if (candidates.length === 0) {
    return [{ source: config.source, kind: 'harvester-config', interfaces: [], problems: ['neither a Harvester config nor an agent-config; nothing checked from it'] }];
  }
  return candidates;
}

/** Evaluates a snapshot already collected (or loaded from a fixture). */
export function evaluateSnapshot(snapshot: RawSnapshot, options: EvaluateSnapshotOptions): PreflightReport {
  const facts = parseFacts(snapshot);
  const candidates = configCandidates(options.config);
  const unusable = candidates.length === 1 && candidates[0].problems.some((p) => p.startsWith('neither'));
  const config = unusable ? undefined : pickExpectations(candidates, facts);
  const evaluations = options.platforms.flatMap((platform) =>
    options.environments.map((environment) => evaluate(facts, { platform, environment, config, diskLatency: options.diskLatency })),
  );
  const overall = summarize(evaluations.flatMap((e) => e.checks));
  return {
    target: options.target,
    collectedAt: new Date().toISOString(),
    facts,
    ...(options.diskLatency ? { diskLatency: options.diskLatency } : {}),
    ...(config ? { config } : unusable ? { config: candidates[0] } : {}),
    evaluations,
    verdict: verdictOf(overall),
  };
}

export async function runPreflight(request: PreflightRequest): Promise<PreflightReport> {
  const progress = request.onProgress ?? (() => undefined);
  progress(request.target.kind === 'local' ? 'Reading this machine' : `Connecting to ${request.target.host}`);
  const { signal } = request;
  // Cancelled while connecting, openHost itself closes the socket and rejects as cancelled.
  const host: Host = await openHost(request.target, { timeoutMs: request.timeoutMs, prompts: request.prompts, signal });
  if (signal?.aborted) {
    await host.close();
    throw cancelledError();
  }
  // Closing the host ends the SSH session, and with it any command still running there.
  const closeOnAbort = () => void host.close().catch(() => undefined);
  signal?.addEventListener('abort', closeOnAbort, { once: true });
  try {
    const candidates = configCandidates(request.config);
    const snapshot = await unlessCancelled(collectSnapshot(host, { devicePaths: devicePathsOf(candidates), onProgress: progress }), signal);
    request.onSnapshot?.(snapshot);
    let diskLatency: DiskLatency | { path: string; error: string } | undefined;
    if (request.diskLatencyPath !== undefined) {
      progress(`Timing fdatasync on ${request.diskLatencyPath}`);
      diskLatency = await unlessCancelled(
        measureDiskLatency(host, request.diskLatencyPath, request.latencyBounds).catch((error: unknown) => ({
          path: request.diskLatencyPath ?? '',
          error: error instanceof Error ? error.message : String(error),
        })),
        signal,
      );
    }
    progress('Evaluating');
    return evaluateSnapshot(snapshot, { target: host.label, platforms: request.platforms, environments: request.environments, config: request.config, diskLatency });
  } finally {
    signal?.removeEventListener('abort', closeOnAbort);
    await host.close();
  }
}
