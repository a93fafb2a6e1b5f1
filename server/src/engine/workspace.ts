/**
 * The workspace index: the facts about each file that rules about other files need (workloads
 * and their pod labels for PodDisruptionBudgets, default StorageClasses). It holds facts, not
 * parsed files, so it stays small for large workspaces. Pure: the server and the CLI feed it.
 */
import type { ParsedDocument, ParsedFile, Range } from './types';
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
  const facts: FileFacts = { workloads: [], defaultStorageClasses: [] };
  for (const document of file.documents) {
    if (document.doc.errors.length > 0) continue;
    const workload = workloadFacts(uri, document);
    if (workload) facts.workloads.push(workload);
    const sc = defaultStorageClass(file, uri, document);
    if (sc) facts.defaultStorageClasses.push(sc);
  }
  return facts;
}

/** What a rule sees of the rest of the workspace: facts of every file but the one being checked. */
export interface WorkspaceView {
  workloads(exceptUri: string): WorkloadFacts[];
  defaultStorageClasses(exceptUri: string): StorageClassFacts[];
}

export class WorkspaceIndex implements WorkspaceView {
  private readonly files = new Map<string, { facts: FileFacts; key: string }>();
  private generationCounter = 0;

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
    if (this.files.get(uri)?.key === key) return false;
    this.files.set(uri, { facts, key });
    this.generationCounter++;
    return true;
  }

  remove(uri: string): boolean {
    if (!this.files.delete(uri)) return false;
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
}

/**
 * What rules see: the facts of the file being checked (always current) plus those of every other
 * file in the workspace. Computed once per check, on first use.
 */
export interface WorkspaceFacts {
  workloads(): WorkloadFacts[];
  defaultStorageClasses(): StorageClassFacts[];
}

export function workspaceFacts(uri: string, file: ParsedFile, others: WorkspaceView | undefined): WorkspaceFacts {
  let own: FileFacts | undefined;
  const mine = () => (own ??= extractFacts(uri, file));
  return {
    workloads: () => [...mine().workloads, ...(others?.workloads(uri) ?? [])],
    defaultStorageClasses: () => [...mine().defaultStorageClasses, ...(others?.defaultStorageClasses(uri) ?? [])],
  };
}
