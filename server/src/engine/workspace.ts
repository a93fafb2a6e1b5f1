/**
 * The workspace index: the facts about each file that rules about other files need (workloads
 * and their pod labels for PodDisruptionBudgets, default StorageClasses). It holds facts, not
 * parsed files, so it stays small for large workspaces. Pure: the server and the CLI feed it.
 */
import type { ParsedDocument, ParsedFile, Platform, Range } from './types';
import { findPair, getIn, keyRange, nodeRange, scalarInt, scalarString, stringMap, type MapPair } from './yaml-ast';
import { isKind } from './kinds';

/** Workload kinds whose pods a PodDisruptionBudget can select, and their default replica count. */
const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet'];
export const DEFAULT_CLASS_ANNOTATIONS = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

export interface WorkloadFacts {
  uri: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  replicas: number;
  podLabels: [string, string][];
}

export interface StorageClassFacts {
  uri: string;
  name: string;
  /** Range of the default-class annotation value, where a finding about it lands. */
  range: Range;
}

export interface FileFacts {
  workloads: WorkloadFacts[];
  defaultStorageClasses: StorageClassFacts[];
  /** Platforms this file's documents belong to, for inferring the platform when it is `auto`. */
  platforms: Platform[];
}

/** Which platform a document is written for, when its kind says so. */
function platformOf(document: ParsedDocument): Platform | undefined {
  const kind = document.kind;
  if (kind.type === 'harvester-config') return 'harvester';
  if (kind.type === 'install-config' || kind.type === 'agent-config') return 'openshift';
  if (kind.type !== 'kubernetes') return undefined;
  const group = kind.apiVersion.includes('/') ? kind.apiVersion.slice(0, kind.apiVersion.lastIndexOf('/')) : '';
  if (group === 'harvesterhci.io' || group.endsWith('.harvesterhci.io')) return 'harvester';
  if (group.endsWith('openshift.io')) return 'openshift';
  if (group === 'virtualization.k8c.io') return 'kubev';
  return undefined;
}

function workloadFacts(uri: string, document: ParsedDocument): WorkloadFacts | undefined {
  if (!isKind(document, 'apps', WORKLOAD_KINDS) || document.kind.type !== 'kubernetes') return undefined;
  const root = document.doc.contents;
  return {
    uri,
    kind: document.kind.kind,
    name: scalarString(getIn(root, ['metadata', 'name'])) ?? '(unnamed)',
    namespace: scalarString(getIn(root, ['metadata', 'namespace'])),
    // Kubernetes defaults replicas to 1 for all three kinds.
    replicas: scalarInt(getIn(root, ['spec', 'replicas'])) ?? 1,
    podLabels: [...stringMap(getIn(root, ['spec', 'template', 'metadata', 'labels']))],
  };
}

/** The `is-default-class: "true"` annotation of a StorageClass document, if it is a default. */
export function defaultClassAnnotation(document: ParsedDocument): MapPair | undefined {
  if (!isKind(document, 'storage.k8s.io', ['StorageClass'])) return undefined;
  const annotations = getIn(document.doc.contents, ['metadata', 'annotations']);
  return DEFAULT_CLASS_ANNOTATIONS.map((key) => findPair(annotations, key)).find((pair) => scalarString(pair?.value)?.toLowerCase() === 'true');
}

function defaultStorageClass(file: ParsedFile, uri: string, document: ParsedDocument): StorageClassFacts | undefined {
  const pair = defaultClassAnnotation(document);
  const range = pair && (nodeRange(file, pair.value) ?? keyRange(file, pair));
  if (!range) return undefined;
  return { uri, name: scalarString(getIn(document.doc.contents, ['metadata', 'name'])) ?? '(unnamed)', range };
}

/** Facts of one parsed file. Documents with syntax errors contribute nothing. */
export function extractFacts(uri: string, file: ParsedFile): FileFacts {
  const facts: FileFacts = { workloads: [], defaultStorageClasses: [], platforms: [] };
  for (const document of file.documents) {
    if (document.doc.errors.length > 0) continue;
    const workload = workloadFacts(uri, document);
    if (workload) facts.workloads.push(workload);
    const sc = defaultStorageClass(file, uri, document);
    if (sc) facts.defaultStorageClasses.push(sc);
    const platform = platformOf(document);
    if (platform && !facts.platforms.includes(platform)) facts.platforms.push(platform);
  }
  return facts;
}

/** What a rule sees of the rest of the workspace: facts of every file but the one being checked. */
export interface WorkspaceView {
  workloads(exceptUri: string): WorkloadFacts[];
  defaultStorageClasses(exceptUri: string): StorageClassFacts[];
  platforms(exceptUri: string): Platform[];
}

export class WorkspaceIndex implements WorkspaceView {
  private readonly files = new Map<string, { facts: FileFacts; key: string }>();
  private generationCounter = 0;
  /** How many files point to each platform, kept as files come and go: platforms() runs for every
   * check, and walking every file there made checking a repository quadratic in its file count. */
  private readonly platformFiles = new Map<Platform, number>();

  private countPlatforms(facts: FileFacts | undefined, delta: 1 | -1): void {
    for (const platform of new Set(facts?.platforms ?? [])) {
      const count = (this.platformFiles.get(platform) ?? 0) + delta;
      if (count > 0) this.platformFiles.set(platform, count);
      else this.platformFiles.delete(platform);
    }
  }

  /** Bumped whenever any file's facts change, so cached results of dependent files expire. */
  get generation(): number {
    return this.generationCounter;
  }

  get size(): number {
    return this.files.size;
  }

  /** Records a file's facts; returns whether they changed (and so whether dependents need a re-check). */
  set(uri: string, facts: FileFacts): boolean {
    const key = JSON.stringify(facts);
    const before = this.files.get(uri);
    if (before?.key === key) return false;
    this.countPlatforms(before?.facts, -1);
    this.countPlatforms(facts, 1);
    this.files.set(uri, { facts, key });
    this.generationCounter++;
    return true;
  }

  remove(uri: string): boolean {
    const before = this.files.get(uri);
    if (!before) return false;
    this.countPlatforms(before.facts, -1);
    this.files.delete(uri);
    this.generationCounter++;
    return true;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  workloads(exceptUri: string): WorkloadFacts[] {
    return [...this.files].filter(([uri]) => uri !== exceptUri).flatMap(([, f]) => f.facts.workloads);
  }

  defaultStorageClasses(exceptUri: string): StorageClassFacts[] {
    return [...this.files].filter(([uri]) => uri !== exceptUri).flatMap(([, f]) => f.facts.defaultStorageClasses);
  }

  /** The platforms the other files point to (each once). */
  platforms(exceptUri: string): Platform[] {
    const own = new Set(this.files.get(exceptUri)?.facts.platforms ?? []);
    return [...this.platformFiles].filter(([platform, files]) => files - (own.has(platform) ? 1 : 0) > 0).map(([platform]) => platform);
  }
}

/**
 * What rules see: the facts of the file being checked (always current) plus those of every other
 * file in the workspace. Computed once per check, on first use.
 */
export interface WorkspaceFacts {
  workloads(): WorkloadFacts[];
  defaultStorageClasses(): StorageClassFacts[];
  /** The one platform the workspace's files point to, or undefined when none or several do. */
  inferredPlatform(): Platform | undefined;
}

export function workspaceFacts(uri: string, file: ParsedFile, others: WorkspaceView | undefined): WorkspaceFacts {
  let own: FileFacts | undefined;
  const mine = () => (own ??= extractFacts(uri, file));
  return {
    workloads: () => [...mine().workloads, ...(others?.workloads(uri) ?? [])],
    defaultStorageClasses: () => [...mine().defaultStorageClasses, ...(others?.defaultStorageClasses(uri) ?? [])],
    inferredPlatform: () => {
      const all = new Set([...mine().platforms, ...(others?.platforms(uri) ?? [])]);
      return all.size === 1 ? [...all][0] : undefined;
    },
  };
}
