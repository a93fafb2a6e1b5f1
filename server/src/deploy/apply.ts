/**
 * Applies a confirmed plan: server-side apply with OneNode's field manager, one object at a time
 * in dependency order. A CustomResourceDefinition is waited for (Established) before the first
 * object of its kind. The first failure stops the apply: what was applied and what was not is
 * reported, so nothing is left to guess.
 */
import { comparable } from './diff';
import { DeployError } from './errors';
import { describeObject } from './identity';
import type { ClusterApi } from './kube/cluster';
import { KubeApiError, isConnectionError } from './kube/http';
import type { PlannedObject } from './plan';
import { problemOf } from './plan';
import { crdProgress } from './readiness';
import type { ApplyOutcome, KubeObject, ObjectIdentity } from './types';
import { pollUntil, type Clock, SYSTEM_CLOCK } from './poll';

export const CRD_ESTABLISH_TIMEOUT_MS = 60_000;

export interface AppliedRecord {
  planned: PlannedObject;
  outcome: ApplyOutcome;
  result: KubeObject;
}

export interface ApplyResult {
  applied: AppliedRecord[];
  failed?: { object: ObjectIdentity; message: string };
  notApplied: ObjectIdentity[];
}

export interface ApplyCallbacks {
  force: boolean;
  /** Before each object (`applied` undefined) and after it. */
  onObject?: (index: number, total: number, planned: PlannedObject, outcome?: ApplyOutcome) => void;
  clock?: Clock;
}

function outcomeOf(planned: PlannedObject, result: KubeObject): ApplyOutcome {
  if (!planned.live) return 'created';
  return JSON.stringify(comparable(planned.live)) === JSON.stringify(comparable(result)) ? 'unchanged' : 'updated';
}

/** Waits for a CRD of this deploy to be established and for its kind to be served. */
async function awaitCrd(planned: PlannedObject, cluster: ClusterApi, clock: Clock): Promise<void> {
  const crdInfo = await cluster.resolve('apiextensions.k8s.io/v1', 'CustomResourceDefinition');
  if (!crdInfo || !planned.awaitsCrd) return;
  const name = planned.awaitsCrd;
  const outcome = await pollUntil(
    async () => {
      const crd = await cluster.get(crdInfo, name, undefined);
      return crd ? crdProgress(crd) : { state: 'progressing' as const, message: 'not found yet' };
    },
    { timeoutMs: CRD_ESTABLISH_TIMEOUT_MS, clock },
  );
  if (outcome.state !== 'ready') throw new Error(`its CustomResourceDefinition ${name} was not established within ${CRD_ESTABLISH_TIMEOUT_MS / 1000} s (${outcome.message})`);
  cluster.forget(planned.manifest.apiVersion);
  const info = await cluster.resolve(planned.manifest.apiVersion, planned.manifest.kind);
  if (!info) throw new Error(`the cluster still does not serve ${planned.manifest.kind} in ${planned.manifest.apiVersion} after its CustomResourceDefinition ${name} was established`);
  planned.info = info;
}

function failureMessage(error: unknown, planned: PlannedObject): string {
  if (error instanceof KubeApiError) return problemOf(error, planned.manifest).message;
  return error instanceof Error ? error.message : String(error);
}

export async function applyPlanned(objects: readonly PlannedObject[], cluster: ClusterApi, callbacks: ApplyCallbacks): Promise<ApplyResult> {
  if (objects.some((o) => o.entry.problem)) throw new DeployError('refused', 'the plan has problems; nothing was applied');
  const clock = callbacks.clock ?? SYSTEM_CLOCK;
  const applied: AppliedRecord[] = [];
  for (let i = 0; i < objects.length; i++) {
    const planned = objects[i];
    callbacks.onObject?.(i, objects.length, planned);
    try {
      if (!planned.info) await awaitCrd(planned, cluster, clock);
      if (!planned.info) throw new Error(`the cluster does not serve ${planned.manifest.kind} in ${planned.manifest.apiVersion}`);
      const result = await cluster.apply(planned.info, planned.body, { dryRun: false, force: callbacks.force });
      const outcome = outcomeOf(planned, result);
      applied.push({ planned, outcome, result });
      callbacks.onObject?.(i, objects.length, planned, outcome);
    } catch (error) {
      // Credentials rejected or the server gone: the remaining objects would fail the same way,
      // but the person still needs to know which ones were applied.
      const message = isConnectionError(error) || error instanceof DeployError ? (error as Error).message : failureMessage(error, planned);
      return {
        applied,
        failed: { object: planned.entry.object, message },
        notApplied: objects.slice(i + 1).map((o) => o.entry.object),
      };
    }
  }
  return { applied, notApplied: [] };
}

/** One line per object for messages: `deployment.apps/web -n demo`. */
export function listObjects(objects: readonly ObjectIdentity[]): string {
  return objects.map(describeObject).join(', ');
}
