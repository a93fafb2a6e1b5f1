/**
 * The cluster steps of a deploy of manifests, shared by the CLI and the language server; they
 * differ only in how they ask for confirmation and show progress. (prepare.ts: check the files)
 * → choose the context → plan (server dry-run) → [confirmation, by the caller] → apply → wait.
 */
import { applyPlanned } from './apply';
import { connectCluster, type KubeCluster } from './kube/cluster';
import { loadKubeconfig, selectContext, type LoadedKubeconfig } from './kube/kubeconfig';
import { planDeploy, type PlanResult } from './plan';
import type { Clock } from './poll';
import type { ClusterTarget, DeployReport } from './types';
import { waitForReadiness } from './wait';

export interface ConnectOptions {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
  requestTimeoutMs?: number;
}

export interface Connected {
  kubeconfig: LoadedKubeconfig;
  target: ClusterTarget;
  cluster: KubeCluster;
}

export function connect(options: ConnectOptions): Connected {
  const kubeconfig = loadKubeconfig(options.kubeconfig);
  const target = selectContext(kubeconfig, options.context, options.namespace);
  return { kubeconfig, target, cluster: connectCluster(kubeconfig, target, options.requestTimeoutMs) };
}

export { planDeploy };

/** What a progress message is about: an object about to be applied, one applied, or readiness. */
export type ProgressStage = 'applying' | 'applied' | 'waiting';

export interface ApplyAndWaitOptions {
  forceConflicts: boolean;
  wait: boolean;
  timeoutMs: number;
  onProgress?: (message: string, stage: ProgressStage) => void;
  clock?: Clock;
}

export async function applyAndWait(planned: PlanResult, cluster: KubeCluster, options: ApplyAndWaitOptions): Promise<DeployReport> {
  const result = await applyPlanned(planned.objects, cluster, {
    force: options.forceConflicts,
    clock: options.clock,
    onObject: (index, total, object, outcome) => {
      const name = object.entry.object.display;
      if (outcome) options.onProgress?.(`[${index + 1}/${total}] ${name} ${outcome}`, 'applied');
      else options.onProgress?.(`Applying ${index + 1}/${total}: ${name}`, 'applying');
    },
  });
  const wait = options.wait && !result.failed;
  const readiness = wait
    ? await waitForReadiness(result.applied, cluster, { timeoutMs: options.timeoutMs, clock: options.clock, onProgress: (message) => options.onProgress?.(message, 'waiting') })
    : [];
  return {
    target: cluster.target,
    applied: result.applied.map((record, i) => ({ object: record.planned.entry.object, outcome: record.outcome, ...(readiness[i] ? { readiness: readiness[i] } : {}) })),
    ...(result.failed ? { failed: result.failed } : {}),
    notApplied: result.notApplied,
    waited: wait,
  };
}

/** The deploy failed part-way, or something applied did not become ready. */
export function reportFailed(report: DeployReport): boolean {
  return report.failed !== undefined || report.applied.some((a) => a.readiness?.state === 'failed' || a.readiness?.state === 'not-ready');
}
