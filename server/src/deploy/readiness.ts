/**
 * Whether an applied object has become what it was applied for, read from its status the way the
 * usual tools read it: a Deployment as `kubectl rollout status` does, a VM by its ready flag, a
 * MachineConfigPool by its Updated condition and the MachineConfigs it has rendered. Pure.
 */
import type { KubeObject } from './types';

export type Progress =
  | { state: 'ready'; message: string }
  | { state: 'progressing'; message: string }
  /** It will not get there by waiting (an error the controller reports). */
  | { state: 'failed'; message: string }
  /** It is not meant to get there now (a paused pool, a stopped VM): nothing to wait for. */
  | { state: 'held'; message: string };

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

function field<T>(object: KubeObject, ...path: string[]): T | undefined {
  let node: unknown = object;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node as T | undefined;
}

function num(object: KubeObject, ...path: string[]): number {
  const value = field<unknown>(object, ...path);
  return typeof value === 'number' ? value : 0;
}

function condition(object: KubeObject, type: string): Condition | undefined {
  const conditions = field<Condition[]>(object, 'status', 'conditions');
  return Array.isArray(conditions) ? conditions.find((c) => c?.type === type) : undefined;
}

/** The controller has not yet seen the latest spec: every other status field is stale. */
function staleGeneration(object: KubeObject): Progress | undefined {
  const generation = num(object, 'metadata', 'generation');
  const observed = field<number>(object, 'status', 'observedGeneration');
  if (generation > 0 && (observed === undefined || observed < generation)) return { state: 'progressing', message: 'waiting for the controller to see the new spec' };
  return undefined;
}

export function deploymentProgress(object: KubeObject): Progress {
  if (field<boolean>(object, 'spec', 'paused') === true) return { state: 'held', message: 'the Deployment is paused (spec.paused): it is not rolled out' };
  const stale = staleGeneration(object);
  if (stale) return stale;
  const progressing = condition(object, 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { state: 'failed', message: `rollout stuck: ${progressing.message ?? 'progress deadline exceeded'}` };
  const wanted = field<number>(object, 'spec', 'replicas') ?? 1;
  const updated = num(object, 'status', 'updatedReplicas');
  const total = num(object, 'status', 'replicas');
  const available = num(object, 'status', 'availableReplicas');
  if (updated < wanted) return { state: 'progressing', message: `${updated} of ${wanted} replicas updated` };
  if (total > updated) return { state: 'progressing', message: `${total - updated} old replicas still terminating` };
  if (available < updated) return { state: 'progressing', message: `${available} of ${updated} updated replicas available` };
  return { state: 'ready', message: `available (${available}/${wanted} replicas)` };
}

export function statefulSetProgress(object: KubeObject): Progress {
  const stale = staleGeneration(object);
  if (stale) return stale;
  const wanted = field<number>(object, 'spec', 'replicas') ?? 1;
  const ready = num(object, 'status', 'readyReplicas');
  const current = field<string>(object, 'status', 'currentRevision');
  const update = field<string>(object, 'status', 'updateRevision');
  if (ready < wanted) return { state: 'progressing', message: `${ready} of ${wanted} replicas ready` };
  if (update !== undefined && current !== update && num(object, 'status', 'updatedReplicas') < wanted) return { state: 'progressing', message: 'rolling update in progress' };
  return { state: 'ready', message: `ready (${ready}/${wanted} replicas)` };
}

export function daemonSetProgress(object: KubeObject): Progress {
  const stale = staleGeneration(object);
  if (stale) return stale;
  const desired = num(object, 'status', 'desiredNumberScheduled');
  const updated = num(object, 'status', 'updatedNumberScheduled');
  const available = num(object, 'status', 'numberAvailable');
  if (updated < desired) return { state: 'progressing', message: `${updated} of ${desired} pods updated` };
  if (available < desired) return { state: 'progressing', message: `${available} of ${desired} pods available` };
  return { state: 'ready', message: `available (${available}/${desired} pods)` };
}

/** printableStatus values KubeVirt reports for a VM that will not start without a change. */
const VM_ERRORS = new Set(['ErrorUnschedulable', 'ErrImagePull', 'ImagePullBackOff', 'CrashLoopBackOff', 'ErrorPvcNotFound', 'ErrorDataVolumeNotFound', 'DataVolumeError']);

export function virtualMachineProgress(object: KubeObject): Progress {
  const running = field<boolean>(object, 'spec', 'running');
  const strategy = field<string>(object, 'spec', 'runStrategy') ?? (running === true ? 'Always' : running === false ? 'Halted' : undefined);
  if (strategy === 'Halted' || strategy === 'Manual') return { state: 'held', message: `the VM is not started (runStrategy ${strategy})` };
  const printable = field<string>(object, 'status', 'printableStatus');
  if (field<boolean>(object, 'status', 'ready') === true) return { state: 'ready', message: 'running and ready' };
  if (printable && VM_ERRORS.has(printable)) {
    const failure = condition(object, 'Failure') ?? condition(object, 'Ready');
    return { state: 'failed', message: `${printable}${failure?.message ? `: ${failure.message}` : ''}` };
  }
  return { state: 'progressing', message: printable ? `status ${printable}` : 'starting' };
}

/**
 * A MachineConfigPool has rolled out `machineConfig` when its rendered configuration lists it and
 * the pool reports Updated (every machine on the rendered configuration). On one node, that is
 * after the node has rebooted into it.
 */
export function machineConfigPoolProgress(pool: KubeObject, machineConfig?: string): Progress {
  if (field<boolean>(pool, 'spec', 'paused') === true) return { state: 'held', message: 'the pool is paused: nothing is rolled out until it is unpaused' };
  for (const type of ['RenderDegraded', 'NodeDegraded', 'Degraded']) {
    const c = condition(pool, type);
    if (c?.status === 'True') return { state: 'failed', message: `pool ${type}: ${c.message ?? c.reason ?? 'see the machine-config operator'}` };
  }
  if (machineConfig) {
    const sources = field<{ name?: string }[]>(pool, 'status', 'configuration', 'source');
    if (!Array.isArray(sources) || !sources.some((s) => s?.name === machineConfig)) {
      return { state: 'progressing', message: 'waiting for the pool to render the MachineConfig' };
    }
  }
  const stale = staleGeneration(pool);
  if (stale) return stale;
  if (condition(pool, 'Updated')?.status === 'True' && condition(pool, 'Updating')?.status !== 'True') {
    return { state: 'ready', message: `rolled out (pool ${field<string>(pool, 'metadata', 'name') ?? ''} updated)`.replace(' ()', '') };
  }
  return { state: 'progressing', message: `updating: ${num(pool, 'status', 'updatedMachineCount')} of ${num(pool, 'status', 'machineCount')} machines updated` };
}

export function crdProgress(object: KubeObject): Progress {
  if (condition(object, 'NamesAccepted')?.status === 'False') return { state: 'failed', message: `names not accepted: ${condition(object, 'NamesAccepted')?.message ?? ''}` };
  return condition(object, 'Established')?.status === 'True' ? { state: 'ready', message: 'established' } : { state: 'progressing', message: 'not established yet' };
}

export function namespaceProgress(object: KubeObject): Progress {
  const phase = field<string>(object, 'status', 'phase');
  if (phase === 'Terminating') return { state: 'failed', message: 'the namespace is being deleted' };
  return phase === 'Active' ? { state: 'ready', message: 'active' } : { state: 'progressing', message: `phase ${phase ?? 'unknown'}` };
}

type Evaluator = (object: KubeObject) => Progress;

const EVALUATORS: Record<string, Evaluator> = {
  'apps/Deployment': deploymentProgress,
  'apps/StatefulSet': statefulSetProgress,
  'apps/DaemonSet': daemonSetProgress,
  'kubevirt.io/VirtualMachine': virtualMachineProgress,
  'machineconfiguration.openshift.io/MachineConfigPool': (pool) => machineConfigPoolProgress(pool),
  'apiextensions.k8s.io/CustomResourceDefinition': crdProgress,
  '/Namespace': namespaceProgress,
};

/** The readiness evaluator for a kind, or undefined when readiness means nothing for it (a ConfigMap, a Setting). */
export function evaluatorFor(group: string, kind: string): Evaluator | undefined {
  return EVALUATORS[`${group}/${kind}`];
}
