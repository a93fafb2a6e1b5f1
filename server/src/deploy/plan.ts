/**
 * The plan: every object is read from the cluster and applied as a server-side dry run
 * (dryRun=All, OneNode's field manager), so the API server itself says what would be created,
 * updated (which fields) or left unchanged, and what it would refuse (conflicts with another
 * field manager, invalid objects, missing permissions). Nothing is written.
 */
import { DeployError } from './errors';
import { diffObjects } from './diff';
import { bodyFor, identityOf } from './identity';
import type { ClusterApi } from './kube/cluster';
import { splitApiVersion, type ResourceInfo } from './kube/discovery';
import { KubeApiError } from './kube/http';
import { dependencyOrder } from './order';
import type { DeployPlan, KubeObject, ManifestObject, PlanEntry, PlanProblem } from './types';
import { singleNodeWarnings } from './warnings';

/** One object with what the plan learnt about it; kept in the server between plan and apply. */
export interface PlannedObject {
  manifest: ManifestObject;
  entry: PlanEntry;
  /** The body to apply (namespace settled). */
  body: KubeObject;
  info?: ResourceInfo;
  live?: KubeObject;
  /** The dry-run result (absent when deferred or refused). */
  planned?: KubeObject;
  /** The CustomResourceDefinition of this deploy that serves the object's kind, when the cluster does not serve it yet. */
  awaitsCrd?: string;
}

export interface PlanResult {
  plan: DeployPlan;
  objects: PlannedObject[];
}

export interface PlanOptions {
  force: boolean;
  onProgress?: (message: string) => void;
  /** Stops planning before the next object's dry run (planning changes nothing, so stopping is safe). */
  signal?: AbortSignal;
}

interface CrdFacts {
  name: string;
  group: string;
  kind: string;
  versions: string[];
  namespaced: boolean;
}

function crdFacts(object: ManifestObject): CrdFacts | undefined {
  if (object.kind !== 'CustomResourceDefinition' || splitApiVersion(object.apiVersion).group !== 'apiextensions.k8s.io') return undefined;
  const spec = object.body.spec as { group?: unknown; names?: { kind?: unknown }; versions?: { name?: unknown }[]; scope?: unknown } | undefined;
  if (typeof spec?.group !== 'string' || typeof spec.names?.kind !== 'string') return undefined;
  const versions = (Array.isArray(spec.versions) ? spec.versions : []).map((v) => v?.name).filter((v): v is string => typeof v === 'string');
  return { name: object.name, group: spec.group, kind: spec.names.kind, versions, namespaced: spec.scope !== 'Cluster' };
}

function keyOf(object: ManifestObject, namespace: string | undefined): string {
  return `${splitApiVersion(object.apiVersion).group}/${object.kind}/${namespace ?? ''}/${object.name}`;
}

/** The person-facing problem for an error status of a dry run. */
export function problemOf(error: KubeApiError, object: ManifestObject): PlanProblem {
  const causes = error.statusBody.details?.causes ?? [];
  const fields = causes.map((c) => c.field).filter((f): f is string => typeof f === 'string' && f !== '');
  const withFields = fields.length > 0 ? { fields } : {};
  switch (error.status) {
    case 409: {
      if (error.reason !== 'Conflict' || causes.every((c) => c.reason !== 'FieldManagerConflict')) return { reason: 'Error', message: error.message, ...withFields };
      const owners = causes.map((c) => `${c.field ?? '?'} (${(c.message ?? '').replace(/ using .*$/, '').replace(/^conflict with /, 'managed by ')})`);
      return {
        reason: 'Conflict',
        message: `another field manager owns ${owners.join(', ')}: take the fields over with --force-conflicts, or leave them out of the file`,
        ...withFields,
      };
    }
    case 422:
    case 400: {
      const storageClassParameters = object.kind === 'StorageClass' && /updates to parameters are forbidden|Forbidden: updates to/.test(error.message);
      const hint = storageClassParameters ? ' (a StorageClass cannot change in place: delete it and deploy it again; volumes that exist keep the settings they were created with)' : '';
      return { reason: 'Invalid', message: `${error.message}${hint}`, ...withFields };
    }
    case 403:
      return { reason: 'Forbidden', message: error.message };
    default:
      return { reason: 'Error', message: `${error.status} ${error.reason}: ${error.message}`.replace(/\s+:/, ':'), ...withFields };
  }
}

export async function planDeploy(manifests: readonly ManifestObject[], cluster: ClusterApi, options: PlanOptions): Promise<PlanResult> {
  const ordered = dependencyOrder(manifests);
  const crds = ordered.map(crdFacts).filter((c): c is CrdFacts => c !== undefined);
  const namespacesCreated = new Set<string>();
  const seen = new Map<string, ManifestObject>();
  const objects: PlannedObject[] = [];
  let done = 0;

  for (const manifest of ordered) {
    if (options.signal?.aborted) throw new DeployError('cancelled', 'Planning was cancelled; nothing was applied.');
    options.onProgress?.(`Dry run ${++done}/${ordered.length}: ${manifest.kind} ${manifest.name}`);
    const info = await cluster.resolve(manifest.apiVersion, manifest.kind);
    const { group, version } = splitApiVersion(manifest.apiVersion);
    const crd = info ? undefined : crds.find((c) => c.group === group && c.kind === manifest.kind && (c.versions.length === 0 || c.versions.includes(version)));
    const namespaced = info ? info.namespaced : (crd?.namespaced ?? manifest.namespace !== undefined);
    const namespace = namespaced ? (manifest.namespace ?? cluster.target.namespace) : undefined;
    const entry: PlanEntry = { object: identityOf(manifest, namespace), changes: [] };
    const planned: PlannedObject = { manifest, entry, body: bodyFor(manifest, namespace), ...(info ? { info } : {}) };
    objects.push(planned);

    const key = keyOf(manifest, namespace);
    const twin = seen.get(key);
    if (twin) {
      entry.problem = { reason: 'Error', message: `declared twice: also at ${twin.source.path}:${twin.source.line}` };
      continue;
    }
    seen.set(key, manifest);

    if (!info) {
      if (crd) {
        entry.action = 'create';
        entry.deferred = `its CustomResourceDefinition ${crd.name} is created first by this deploy; the server checks this object then`;
        planned.awaitsCrd = crd.name;
      } else {
        entry.problem = {
          reason: 'UnknownKind',
          message: `the cluster does not serve ${manifest.kind} in ${manifest.apiVersion}: install its CustomResourceDefinition (or the operator that brings it) first`,
        };
      }
      continue;
    }
    try {
      planned.live = await cluster.get(info, manifest.name, namespace);
      planned.planned = await cluster.apply(info, planned.body, { dryRun: true, force: options.force });
      entry.changes = planned.live ? diffObjects(planned.live, planned.planned) : [];
      entry.action = !planned.live ? 'create' : entry.changes.length > 0 ? 'update' : 'unchanged';
      if (manifest.kind === 'Namespace' && !planned.live) namespacesCreated.add(manifest.name);
    } catch (error) {
      if (!(error instanceof KubeApiError)) throw error;
      // The API server names the missing namespace in the Status details; older servers only in the message.
      const missingNamespace = error.status === 404 && (error.statusBody.details?.kind === 'namespaces' || /^namespaces? "[^"]+" not found$/.test(error.message));
      if (missingNamespace && namespace && namespacesCreated.has(namespace)) {
        entry.action = 'create';
        entry.deferred = `its namespace ${namespace} is created first by this deploy; the server checks this object then`;
      } else if (missingNamespace) {
        entry.problem = { reason: 'NamespaceMissing', message: `namespace "${namespace}" does not exist: create it first, or add its Namespace to this deploy` };
      } else {
        entry.problem = problemOf(error, manifest);
      }
    }
  }

  const warnings = await singleNodeWarnings(objects, cluster);
  const entries = objects.map((o) => o.entry);
  return { plan: { target: cluster.target, entries, warnings, applicable: entries.every((e) => !e.problem) }, objects };
}

/** Whether a plan would change anything (an apply of only unchanged objects still records ownership, but changes nothing). */
export function planChangesSomething(plan: DeployPlan): boolean {
  return plan.entries.some((e) => e.action === 'create' || e.action === 'update');
}

/** Thrown by callers when a plan has problems and may not be applied. */
export function refusePlan(plan: DeployPlan): DeployError {
  const problems = plan.entries.filter((e) => e.problem).length;
  return new DeployError('refused', `not applied: ${problems === 1 ? '1 object in the plan cannot be applied as it stands' : `${problems} objects in the plan cannot be applied as they stand`} (see the plan)`);
}
