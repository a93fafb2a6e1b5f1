/**
 * Waits, with one deadline for all, until the applied objects for which readiness means something
 * are ready: Deployments available, VMs ready, MachineConfigs rolled out by their pool. While a
 * MachineConfig reboots the only node the API server is unreachable; that is waited through,
 * not reported as a failure.
 */
import { ROLE_LABEL } from '../engine/rules/machineconfig-pool-role';
import type { AppliedRecord } from './apply';
import type { ClusterApi } from './kube/cluster';
import { splitApiVersion, type ResourceInfo } from './kube/discovery';
import { KubeApiError, isConnectionError } from './kube/http';
import { pollUntil, type Clock } from './poll';
import { evaluatorFor, machineConfigPoolProgress, type Progress } from './readiness';
import type { KubeObject, ObjectReadiness } from './types';

export const DEFAULT_WAIT_TIMEOUT_MS = 300_000;

export interface WaitOptions {
  timeoutMs: number;
  clock?: Clock;
  onProgress?: (message: string) => void;
}

interface Watched {
  /** What is read: the object itself, or the pool that rolls a MachineConfig out. */
  info: ResourceInfo;
  name: string;
  namespace?: string;
  evaluate: (object: KubeObject) => Progress;
  what: string;
}

async function watchedFor(record: AppliedRecord, cluster: ClusterApi): Promise<Watched | string> {
  const { manifest, entry, info } = record.planned;
  const group = splitApiVersion(manifest.apiVersion).group;
  const what = entry.object.display;
  if (group === 'machineconfiguration.openshift.io' && manifest.kind === 'MachineConfig') {
    const role = (record.planned.body.metadata as { labels?: Record<string, unknown> }).labels?.[ROLE_LABEL];
    if (typeof role !== 'string') return 'no pool renders it (no role label)';
    const pool = await cluster.resolve('machineconfiguration.openshift.io/v1', 'MachineConfigPool');
    if (!pool) return 'the cluster has no MachineConfigPools';
    return { info: pool, name: role, evaluate: (p) => machineConfigPoolProgress(p, manifest.name), what };
  }
  const evaluate = evaluatorFor(group, manifest.kind);
  if (!evaluate || !info) return `no readiness check for ${manifest.kind}`;
  return { info, name: manifest.name, ...(entry.object.namespace ? { namespace: entry.object.namespace } : {}), evaluate, what };
}

async function waitOne(watched: Watched, cluster: ClusterApi, options: WaitOptions): Promise<ObjectReadiness> {
  let last = '';
  const outcome = await pollUntil(
    async () => {
      try {
        const object = await cluster.get(watched.info, watched.name, watched.namespace);
        return object ? watched.evaluate(object) : { state: 'progressing', message: `${watched.info.kind} ${watched.name} not found yet` };
      } catch (error) {
        if (isConnectionError(error)) return { state: 'progressing', message: 'the API server is unreachable (the node may be rebooting)' };
        if (error instanceof KubeApiError) return { state: 'failed', message: `reading its status failed: ${error.message}` };
        throw error;
      }
    },
    {
      timeoutMs: options.timeoutMs,
      clock: options.clock,
      onUpdate: (progress) => {
        if (progress.message !== last) options.onProgress?.(`${watched.what}: ${progress.message}`);
        last = progress.message;
      },
    },
  );
  if (outcome.state === 'ready') return { state: 'ready', message: outcome.message };
  if (outcome.state === 'failed') return { state: 'failed', message: outcome.message };
  // Held on purpose (a paused pool, a stopped VM): not waited for, and not a failure.
  if (outcome.state === 'held') return { state: 'not-checked', message: outcome.message };
  return { state: 'not-ready', message: `not ready within ${Math.round(options.timeoutMs / 1000)} s: ${outcome.message}` };
}

export async function waitForReadiness(records: readonly AppliedRecord[], cluster: ClusterApi, options: WaitOptions): Promise<ObjectReadiness[]> {
  return Promise.all(
    records.map(async (record) => {
      const watched = await watchedFor(record, cluster);
      if (typeof watched === 'string') return { state: 'not-checked' as const, message: watched };
      return waitOne(watched, cluster, options);
    }),
  );
}
