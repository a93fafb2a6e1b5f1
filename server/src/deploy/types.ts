/**
 * Deploy's shared shapes: the objects read from files, the plan a server dry-run produces, and the
 * report of an apply. Type-only imports, so the client can share the shapes through protocol.ts
 * without bundling server code.
 */
import type { ParsedDocument, ParsedFile } from '../engine/types';

/** A JSON object as the Kubernetes API reads and writes it. */
export type KubeObject = Record<string, unknown>;

/** Where an object came from: the file as shown to the user, 1-based line, 0-based document index. */
export interface SourceLocation {
  path: string;
  line: number;
  document: number;
}

/** One Kubernetes object read from a manifest file. */
export interface ManifestObject {
  apiVersion: string;
  kind: string;
  name: string;
  /** As written in the file; the context's namespace is used when a namespaced object has none. */
  namespace?: string;
  body: KubeObject;
  source: SourceLocation;
  /** The YAML it was read from, for checks that work on the syntax tree (kept in the server). */
  origin?: { file: ParsedFile; document: ParsedDocument };
}

/** The object's identity as the plan and the report show it, in kubectl's words. */
export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  /** Set for namespaced objects (the effective namespace). */
  namespace?: string;
  /** `deployment.apps/web`, as `kubectl apply` prints it. */
  display: string;
  source: SourceLocation;
}

export type PlanAction = 'create' | 'update' | 'unchanged';

/** Why an object cannot be applied as it stands. */
export type ProblemReason = 'Conflict' | 'Invalid' | 'Forbidden' | 'UnknownKind' | 'NamespaceMissing' | 'Error';

export interface PlanProblem {
  reason: ProblemReason;
  /** One sentence for people, with the server's own message when there is one. */
  message: string;
  /** Fields named by the server (conflicting or invalid), as `.spec.replicas`. */
  fields?: string[];
}

export interface FieldChange {
  /** `spec.replicas`, `metadata.labels.app`, `spec.template.spec.containers[0].image`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** Short JSON renderings; left out for Secret data. */
  before?: string;
  after?: string;
}

export interface PlanEntry {
  object: ObjectIdentity;
  action?: PlanAction;
  changes: FieldChange[];
  /**
   * Set when the server could not dry-run the object yet because something this deploy creates
   * first (its namespace, its CustomResourceDefinition) does not exist: the server checks it
   * when it is applied.
   */
  deferred?: string;
  problem?: PlanProblem;
}

export interface ClusterTarget {
  context: string;
  server: string;
  /** The kubeconfig user's name (never its credentials). */
  user: string;
  /** The namespace for namespaced objects that name none. */
  namespace: string;
}

export interface DeployPlan {
  target: ClusterTarget;
  entries: PlanEntry[];
  /** What applying means on a single node (reboots, paused pools, stopped VMs), said before applying. */
  warnings: string[];
  /** No entry has a problem: the plan may be applied. */
  applicable: boolean;
}

export type ApplyOutcome = 'created' | 'updated' | 'unchanged';

export type ReadinessState = 'ready' | 'not-ready' | 'failed' | 'not-checked';

export interface ObjectReadiness {
  state: ReadinessState;
  message: string;
}

export interface AppliedObject {
  object: ObjectIdentity;
  outcome: ApplyOutcome;
  readiness?: ObjectReadiness;
}

export interface DeployReport {
  target: ClusterTarget;
  applied: AppliedObject[];
  /** The object whose apply failed; everything after it was not attempted. */
  failed?: { object: ObjectIdentity; message: string };
  notApplied: ObjectIdentity[];
  /** Whether readiness was waited for (false with --no-wait or after a failure). */
  waited: boolean;
}
