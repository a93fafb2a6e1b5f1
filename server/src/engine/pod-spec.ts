/** Where the pod spec of a workload lives, for rules about scheduling. */
import type { ParsedDocument } from './types';
import { getIn, scalarInt } from './yaml-ast';
import { isKind } from './kinds';

export interface PodTemplate {
  kind: string;
  /** Path to the PodSpec inside the document. */
  specPath: string[];
  /** Replicas as scheduled: the field's value, or Kubernetes' default of 1. Pods have 1. */
  replicas: number;
}

const REPLICATED = ['Deployment', 'StatefulSet', 'ReplicaSet'];

export function podTemplate(document: ParsedDocument): PodTemplate | undefined {
  if (document.kind.type !== 'kubernetes') return undefined;
  const kind = document.kind.kind;
  const root = document.doc.contents;
  if (isKind(document, 'apps', REPLICATED)) {
    return { kind, specPath: ['spec', 'template', 'spec'], replicas: scalarInt(getIn(root, ['spec', 'replicas'])) ?? 1 };
  }
  if (isKind(document, '', ['Pod'])) return { kind, specPath: ['spec'], replicas: 1 };
  return undefined;
}
