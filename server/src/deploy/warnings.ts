/**
 * What an apply means on a cluster of one node, said before the person confirms: a MachineConfig
 * reboots the only node (and with it the API server and every workload); a paused pool holds the
 * change back; some Harvester settings need every VM stopped; a running VM picks up changes only
 * when it restarts, and there is no other node to migrate it to.
 */
import { rebootTriggers } from '../engine/rules/machineconfig-reboots-node';
import { ROLE_LABEL } from '../engine/rules/machineconfig-pool-role';
import { describeObject } from './identity';
import type { ClusterApi } from './kube/cluster';
import { splitApiVersion } from './kube/discovery';
import { REBOOTING_KINDS } from './order';
import type { PlannedObject } from './plan';
import type { KubeObject } from './types';

const MCO_GROUP = 'machineconfiguration.openshift.io';
const POOL_API_VERSION = `${MCO_GROUP}/v1`;
/** Harvester settings whose change needs every VM stopped first (Harvester docs, storage network). */
const HARVESTER_SETTINGS_STOPPING_VMS = new Set(['storage-network', 'vm-migration-network']);

function labelsOf(object: KubeObject): Record<string, unknown> {
  const labels = (object.metadata as { labels?: unknown } | undefined)?.labels;
  return typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : {};
}

function groupOf(planned: PlannedObject): string {
  return splitApiVersion(planned.manifest.apiVersion).group;
}

function changes(planned: PlannedObject): boolean {
  return planned.entry.action === 'create' || planned.entry.action === 'update';
}

/** Reads a MachineConfigPool, or undefined when the cluster has none of that name (or no MCO at all). */
async function readPool(cluster: ClusterApi, name: string): Promise<KubeObject | undefined | 'no-mco'> {
  const info = await cluster.resolve(POOL_API_VERSION, 'MachineConfigPool');
  if (!info) return 'no-mco';
  return cluster.get(info, name, undefined);
}

async function machineConfigWarnings(planned: PlannedObject, cluster: ClusterApi, batchPools: Map<string, KubeObject>): Promise<string[]> {
  const out: string[] = [];
  const name = describeObject(planned.entry.object);
  const role = labelsOf(planned.body)[ROLE_LABEL];
  const origin = planned.manifest.origin;
  const triggers = planned.manifest.kind === 'MachineConfig' && origin ? rebootTriggers(origin.file, origin.document.doc.contents).map((t) => t.what) : [];
  if (planned.manifest.kind === 'MachineConfig') {
    if (typeof role !== 'string') return [`${name}: no ${ROLE_LABEL} label, so no pool renders it and it is never applied.`];
    if (triggers.length > 0) {
      out.push(`${name}: rolling it out reboots the only node (${triggers.join(', ')}); the API server and every workload are down until the node is back, usually 10 to 20 minutes.`);
    }
  } else if (planned.manifest.kind === 'PerformanceProfile') {
    out.push(`${name}: the Node Tuning Operator renders it into MachineConfigs (kernel arguments, huge pages, CPU isolation); rolling them out reboots the only node.`);
  } else {
    out.push(`${name}: it is rendered into a MachineConfig for the pools it selects; rolling that out reboots the only node.`);
  }
  if (typeof role === 'string') {
    const pool = batchPools.get(role) ?? (await readPool(cluster, role).catch(() => undefined));
    if (pool === undefined) out.push(`${name}: the cluster has no MachineConfigPool "${role}", so nothing rolls this out (single-node OpenShift has only the master pool).`);
    else if (pool !== 'no-mco' && (pool.spec as { paused?: unknown } | undefined)?.paused === true) {
      out.push(`${name}: the "${role}" pool is paused, so the change is stored but not rolled out; the node reboots when the pool is unpaused.`);
    }
  }
  return out;
}

function poolWarnings(planned: PlannedObject): string[] {
  const name = describeObject(planned.entry.object);
  const wantsPaused = (planned.body.spec as { paused?: unknown } | undefined)?.paused === true;
  const wasPaused = (planned.live?.spec as { paused?: unknown } | undefined)?.paused === true;
  if (wantsPaused && !wasPaused) return [`${name}: pausing the pool holds back every MachineConfig and the certificate rotation that needs one; unpause it soon after your changes.`];
  if (!wantsPaused && wasPaused) return [`${name}: unpausing the pool rolls out every MachineConfig held back, which reboots the only node now.`];
  return [];
}

function virtualMachineWarning(planned: PlannedObject): string[] {
  const live = planned.live;
  if (!live || planned.entry.action !== 'update') return [];
  const status = live.status as { ready?: unknown; printableStatus?: unknown } | undefined;
  const running = status?.ready === true || status?.printableStatus === 'Running';
  const templateChanged = planned.entry.changes.some((c) => c.path.startsWith('spec.template'));
  if (!running || !templateChanged) return [];
  return [`${describeObject(planned.entry.object)}: the running VM picks up the template changes only when it restarts, and with one node there is no live migration: it is down while it restarts.`];
}

export async function singleNodeWarnings(objects: readonly PlannedObject[], cluster: ClusterApi): Promise<string[]> {
  const out: string[] = [];
  const batchPools = new Map<string, KubeObject>();
  for (const planned of objects) {
    if (planned.manifest.kind === 'MachineConfigPool' && groupOf(planned) === MCO_GROUP) batchPools.set(planned.manifest.name, planned.body);
  }
  for (const planned of objects) {
    if (!changes(planned)) continue;
    const kind = planned.manifest.kind;
    const group = groupOf(planned);
    if (group === MCO_GROUP && REBOOTING_KINDS.has(kind)) out.push(...(await machineConfigWarnings(planned, cluster, batchPools)));
    else if (kind === 'PerformanceProfile') out.push(...(await machineConfigWarnings(planned, cluster, batchPools)));
    else if (group === MCO_GROUP && kind === 'MachineConfigPool') out.push(...poolWarnings(planned));
    else if (group === 'kubevirt.io' && kind === 'VirtualMachine') out.push(...virtualMachineWarning(planned));
    else if (group === 'harvesterhci.io' && kind === 'Setting' && HARVESTER_SETTINGS_STOPPING_VMS.has(planned.manifest.name)) {
      out.push(`${describeObject(planned.entry.object)}: Harvester applies this setting only with every VM stopped; on one node that is every VM of the cluster.`);
    } else if (group === 'longhorn.io' && kind === 'Setting' && planned.manifest.name === 'default-replica-count') {
      out.push(`${describeObject(planned.entry.object)}: the replica count applies to volumes created from now on; volumes that exist keep theirs.`);
    }
  }
  return out;
}
