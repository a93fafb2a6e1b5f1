/**
 * Stand-ins for the controllers that write status on a real cluster, so deploy has readiness to
 * wait for: a Deployment, StatefulSet or DaemonSet becomes available, a VM ready and a
 * MachineConfigPool updated after a number of reads of it (a test sets how many, or "never").
 * A Namespace is Active and a CRD Established at once. Readiness comes from reads, not time, so
 * tests need no sleeps.
 */
import { isObject, type Json } from './fields';

export type ReadyAfter = number | 'never';

type Obj = Record<string, Json>;

function spec(object: Obj): Obj {
  return isObject(object.spec) ? object.spec : {};
}

function generation(object: Obj): number {
  return isObject(object.metadata) && typeof object.metadata.generation === 'number' ? object.metadata.generation : 1;
}

function replicas(object: Obj): number {
  return typeof spec(object).replicas === 'number' ? (spec(object).replicas as number) : 1;
}

const condition = (type: string, status: 'True' | 'False', reason: string, message = ''): Json => ({ type, status, reason, message, lastTransitionTime: new Date().toISOString() });

/** The status a workload shows right after a write, and once it is ready. */
export const WORKLOAD_STATUS: Record<string, { progressing(o: Obj): Obj; ready(o: Obj): Obj }> = {
  'apps/Deployment': {
    progressing: (o) => ({ observedGeneration: generation(o), replicas: replicas(o), updatedReplicas: 0, availableReplicas: 0, conditions: [condition('Progressing', 'True', 'ReplicaSetUpdated')] }),
    ready: (o) => ({
      observedGeneration: generation(o),
      replicas: replicas(o),
      updatedReplicas: replicas(o),
      readyReplicas: replicas(o),
      availableReplicas: replicas(o),
      conditions: [condition('Available', 'True', 'MinimumReplicasAvailable'), condition('Progressing', 'True', 'NewReplicaSetAvailable')],
    }),
  },
  'apps/StatefulSet': {
    progressing: (o) => ({ observedGeneration: generation(o), replicas: replicas(o), readyReplicas: 0, currentRevision: 'r1', updateRevision: 'r2' }),
    ready: (o) => ({ observedGeneration: generation(o), replicas: replicas(o), readyReplicas: replicas(o), updatedReplicas: replicas(o), currentRevision: 'r2', updateRevision: 'r2' }),
  },
  'apps/DaemonSet': {
    progressing: (o) => ({ observedGeneration: generation(o), desiredNumberScheduled: 1, updatedNumberScheduled: 0, numberAvailable: 0 }),
    ready: (o) => ({ observedGeneration: generation(o), desiredNumberScheduled: 1, updatedNumberScheduled: 1, numberAvailable: 1 }),
  },
  'kubevirt.io/VirtualMachine': {
    progressing: () => ({ printableStatus: 'Starting', created: true }),
    ready: () => ({ printableStatus: 'Running', created: true, ready: true, conditions: [condition('Ready', 'True', '')] }),
  },
};

/** A MachineConfigPool rolling out `sources` (the MachineConfigs of its role), and rolled out. */
export function poolStatus(pool: Obj, sources: readonly string[], rolledOut: boolean, previous: Json | undefined): Obj {
  const rendered = { name: `rendered-${(pool.metadata as Obj).name as string}-${sources.length}`, source: sources.map((name) => ({ apiVersion: 'machineconfiguration.openshift.io/v1', kind: 'MachineConfig', name })) };
  return {
    observedGeneration: generation(pool),
    machineCount: 1,
    updatedMachineCount: rolledOut ? 1 : 0,
    readyMachineCount: rolledOut ? 1 : 0,
    degradedMachineCount: 0,
    configuration: rolledOut ? rendered : ((previous as Json) ?? { name: 'rendered-initial', source: [] }),
    conditions: rolledOut
      ? [condition('Updated', 'True', ''), condition('Updating', 'False', ''), condition('Degraded', 'False', '')]
      : [condition('Updated', 'False', ''), condition('Updating', 'True', ''), condition('Degraded', 'False', '')],
  };
}

export const NAMESPACE_STATUS: Obj = { phase: 'Active' };

export const CRD_STATUS = (crd: Obj): Obj => ({
  conditions: [condition('NamesAccepted', 'True', 'NoConflicts'), condition('Established', 'True', 'InitialNamesAccepted')],
  acceptedNames: isObject(spec(crd).names) ? (spec(crd).names) : {},
  storedVersions: Array.isArray(spec(crd).versions) ? (spec(crd).versions as Obj[]).map((v) => v.name) : [],
});
