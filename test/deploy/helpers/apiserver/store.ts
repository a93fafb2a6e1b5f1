/**
 * The test API server's objects: stored with their field owners, given resource versions and
 * generations as the real server does, and given status by the controller stand-ins
 * (controllers.ts) when written and when read.
 */
import { randomUUID } from 'node:crypto';
import { BUILTIN_TYPES, groupVersion, typesOfCrd, type ResourceType } from './catalog';
import { CRD_STATUS, NAMESPACE_STATUS, WORKLOAD_STATUS, poolStatus, type ReadyAfter } from './controllers';
import { clone, deepEqual, isObject, toFieldsV1, type Json } from './fields';
import type { Owners } from './ssa';

type Obj = Record<string, Json>;

export interface Stored {
  type: ResourceType;
  object: Obj;
  owners: Owners;
  /** Reads since the last write, which the controller stand-ins count toward readiness. */
  reads: number;
}

const MCO = 'machineconfiguration.openshift.io';
const ROLE_LABEL = `${MCO}/role`;

function meta(object: Obj): Obj {
  if (!isObject(object.metadata)) object.metadata = {};
  return object.metadata;
}

/** The object without what the server maintains (for "did anything change?"). */
export function content(object: Obj): Obj {
  const copy = clone(object);
  const m = meta(copy);
  for (const key of ['managedFields', 'resourceVersion', 'generation', 'uid', 'creationTimestamp']) delete m[key];
  delete copy.status;
  return copy;
}

function specPart(object: Obj): Obj {
  const rest: Obj = { ...object };
  delete rest.metadata;
  delete rest.status;
  return rest;
}

export class ObjectStore {
  private readonly objects = new Map<string, Stored>();
  private resourceVersion = 1000;
  /** Reads before an object reports ready, per "group/Kind/namespace/name"; default for all. */
  readonly readyAfter = new Map<string, ReadyAfter>();
  defaultReadyAfter: ReadyAfter = 1;

  types(): ResourceType[] {
    const custom = [...this.objects.values()]
      .filter((s) => s.type.kind === 'CustomResourceDefinition' && isEstablished(s.object))
      .flatMap((s) => typesOfCrd(s.object));
    return [...BUILTIN_TYPES, ...custom];
  }

  typeByPlural(group: string, version: string, plural: string): ResourceType | undefined {
    return this.types().find((t) => t.group === group && t.version === version && t.plural === plural);
  }

  typeByKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.types().find((t) => groupVersion(t) === apiVersion && t.kind === kind);
  }

  private key(type: ResourceType, namespace: string | undefined, name: string): string {
    return `${type.group}/${type.plural}/${type.namespaced ? (namespace ?? '') : ''}/${name}`;
  }

  get(type: ResourceType, namespace: string | undefined, name: string): Stored | undefined {
    return this.objects.get(this.key(type, namespace, name));
  }

  list(type: ResourceType, namespace: string | undefined): Stored[] {
    return [...this.objects.values()].filter(
      (s) => s.type.group === type.group && s.type.plural === type.plural && (!type.namespaced || namespace === undefined || meta(s.object).namespace === namespace),
    );
  }

  namespaceExists(name: string): boolean {
    return [...this.objects.values()].some((s) => s.type.group === '' && s.type.kind === 'Namespace' && meta(s.object).name === name);
  }

  currentResourceVersion(): string {
    return String(this.resourceVersion);
  }

  /**
   * The object as it would be stored: server-maintained metadata carried over or created, and
   * the generation bumped when anything but metadata and status changed.
   */
  prepare(type: ResourceType, candidate: Obj, live: Stored | undefined, namespace: string | undefined): Obj {
    const object = clone(candidate);
    const m = meta(object);
    if (type.namespaced) m.namespace = namespace ?? 'default';
    else delete m.namespace;
    const liveMeta = live ? meta(live.object) : {};
    m.uid = (liveMeta.uid) ?? randomUUID();
    m.creationTimestamp = (liveMeta.creationTimestamp) ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const generation = typeof liveMeta.generation === 'number' ? liveMeta.generation : 0;
    m.generation = !live || !deepEqual(specPart(live.object), specPart(object)) ? generation + 1 : generation;
    m.resourceVersion = (liveMeta.resourceVersion) ?? '';
    if (live && live.object.status !== undefined) object.status = clone(live.object.status);
    return object;
  }

  /** Stores an object (create or update), with a new resource version, and lets the controllers react. */
  write(type: ResourceType, object: Obj, owners: Owners): Stored {
    const m = meta(object);
    const key = this.key(type, m.namespace as string | undefined, m.name as string);
    m.resourceVersion = String(++this.resourceVersion);
    const stored: Stored = { type, object, owners, reads: 0 };
    this.objects.set(key, stored);
    this.onWrite(stored);
    return stored;
  }

  /** The object with its managedFields, as GET returns it; counts the read for readiness. */
  read(stored: Stored): Obj {
    stored.reads++;
    this.onRead(stored);
    return this.render(stored.object, stored.owners);
  }

  render(object: Obj, owners: Owners): Obj {
    const out = clone(object);
    meta(out).managedFields = [...owners].map(([manager, e]) => ({
      manager,
      operation: e.operation,
      apiVersion: e.apiVersion,
      time: e.time,
      fieldsType: 'FieldsV1',
      fieldsV1: toFieldsV1(e.paths),
    }));
    return out;
  }

  private readyAfterFor(stored: Stored): ReadyAfter {
    const m = meta(stored.object);
    return this.readyAfter.get(`${stored.type.group}/${stored.type.kind}/${(m.namespace as string | undefined) ?? ''}/${m.name as string}`) ?? this.defaultReadyAfter;
  }

  private setStatus(stored: Stored, status: Json): void {
    if (deepEqual(stored.object.status, status)) return;
    stored.object.status = status;
    meta(stored.object).resourceVersion = String(++this.resourceVersion);
  }

  private onWrite(stored: Stored): void {
    const { group, kind } = stored.type;
    const workload = WORKLOAD_STATUS[`${group}/${kind}`];
    if (group === '' && kind === 'Namespace') this.setStatus(stored, NAMESPACE_STATUS);
    else if (kind === 'CustomResourceDefinition') this.setStatus(stored, CRD_STATUS(stored.object));
    else if (group === 'kubevirt.io' && kind === 'VirtualMachine' && vmStopped(stored.object)) this.setStatus(stored, { printableStatus: 'Stopped', created: false });
    else if (workload) this.setStatus(stored, workload.progressing(stored.object));
    else if (group === MCO && kind === 'MachineConfig') this.rollOutPool(this.roleOf(stored.object));
    else if (group === MCO && kind === 'MachineConfigPool') this.rollOutPool(meta(stored.object).name as string);
  }

  private onRead(stored: Stored): void {
    const { group, kind } = stored.type;
    const after = this.readyAfterFor(stored);
    if (after === 'never' || stored.reads <= after) return;
    const workload = WORKLOAD_STATUS[`${group}/${kind}`];
    if (group === 'kubevirt.io' && kind === 'VirtualMachine' && vmStopped(stored.object)) return;
    if (workload) this.setStatus(stored, workload.ready(stored.object));
    else if (group === MCO && kind === 'MachineConfigPool' && !isPaused(stored.object)) {
      this.setStatus(stored, poolStatus(stored.object, this.sourcesOf(meta(stored.object).name as string), true, undefined));
    }
  }

  private roleOf(machineConfig: Obj): string | undefined {
    const labels = meta(machineConfig).labels;
    return isObject(labels) && typeof labels[ROLE_LABEL] === 'string' ? (labels[ROLE_LABEL]) : undefined;
  }

  private sourcesOf(role: string): string[] {
    return [...this.objects.values()]
      .filter((s) => s.type.group === MCO && s.type.kind === 'MachineConfig' && this.roleOf(s.object) === role)
      .map((s) => meta(s.object).name as string)
      .sort();
  }

  /** A MachineConfig of the pool's role changed: the pool starts rolling it out (unless paused). */
  private rollOutPool(role: string | undefined): void {
    if (!role) return;
    const pool = [...this.objects.values()].find((s) => s.type.group === MCO && s.type.kind === 'MachineConfigPool' && meta(s.object).name === role);
    if (!pool || isPaused(pool.object)) return;
    const previous = isObject(pool.object.status) ? pool.object.status.configuration : undefined;
    pool.reads = 0;
    this.setStatus(pool, poolStatus(pool.object, this.sourcesOf(role), false, previous));
  }
}

function isEstablished(crd: Obj): boolean {
  const conditions = isObject(crd.status) && Array.isArray(crd.status.conditions) ? crd.status.conditions : [];
  return conditions.some((c) => isObject(c) && c.type === 'Established' && c.status === 'True');
}

function isPaused(pool: Obj): boolean {
  return isObject(pool.spec) && pool.spec.paused === true;
}

function vmStopped(vm: Obj): boolean {
  const spec = isObject(vm.spec) ? vm.spec : {};
  const strategy = typeof spec.runStrategy === 'string' ? spec.runStrategy : spec.running === true ? 'Always' : spec.running === false ? 'Halted' : undefined;
  return strategy === 'Halted' || strategy === 'Manual';
}
