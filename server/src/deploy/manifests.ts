/**
 * Turns parsed YAML files into what deploy works with: Kubernetes objects (with where each came
 * from), or the installer configs that are deployed by other means (a Harvester config served
 * over PXE; an install-config, agent-config or KubeVCluster handed to its installer).
 */
import { visit, type Document } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../engine';
import type { KubeObject, ManifestObject, SourceLocation } from './types';

/** What a YAML document is, for deploy. */
export type DeployDocument =
  | { type: 'object'; object: ManifestObject }
  | { type: 'harvester-config' }
  | { type: 'install-config' }
  | { type: 'agent-config' }
  | { type: 'kubev-cluster' }
  | { type: 'empty' }
  | { type: 'invalid'; message: string; source: SourceLocation };

export const KUBEV_CLUSTER = { group: 'virtualization.k8c.io', kind: 'KubeVCluster' } as const;

/**
 * The document as JSON, read the way Kubernetes reads YAML (1.1 rules, as the engine parses it)
 * except that timestamps stay strings: sigs.k8s.io/yaml keeps `2024-01-01` a string unless the
 * field is a time, and every field deploy sends is decoded by the API server.
 */
export function documentToJson(doc: Document.Parsed): unknown {
  const copy = doc.clone();
  visit(copy, {
    Scalar(_key, node) {
      if (node.value instanceof Date) node.value = node.source ?? node.value.toISOString();
    },
  });
  return copy.toJS({ maxAliasCount: 100 });
}

function isObject(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function locationOf(file: ParsedFile, document: ParsedDocument, path: string): SourceLocation {
  const offset = document.doc.contents?.range?.[0] ?? document.start;
  return { path, line: file.lineCounter.linePos(offset).line, document: document.index };
}

/** Validates the identity fields of one object from a file. */
function toManifestObject(value: KubeObject, source: SourceLocation, origin?: ManifestObject['origin']): DeployDocument {
  const apiVersion = value.apiVersion;
  const kind = value.kind;
  const metadata = value.metadata;
  const where = `${source.path}:${source.line}`;
  if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
    return { type: 'invalid', message: `${where}: not a Kubernetes object (apiVersion and kind are required)`, source };
  }
  if (!isObject(metadata) || typeof metadata.name !== 'string' || metadata.name === '') {
    const hint = isObject(metadata) && typeof metadata.generateName === 'string' ? ' (generateName is not supported: an applied object needs a fixed name)' : '';
    return { type: 'invalid', message: `${where}: ${kind} has no metadata.name${hint}`, source };
  }
  const namespace = metadata.namespace;
  if (namespace !== undefined && (typeof namespace !== 'string' || namespace === '')) {
    return { type: 'invalid', message: `${where}: ${kind} ${metadata.name}: metadata.namespace must be a non-empty string`, source };
  }
  return { type: 'object', object: { apiVersion, kind, name: metadata.name, ...(namespace ? { namespace } : {}), body: value, source, ...(origin ? { origin } : {}) } };
}

function apiGroupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** Every document of a file, as deploy sees it. `List` objects are expanded into their items. */
export function readDeployDocuments(file: ParsedFile, path: string): DeployDocument[] {
  const out: DeployDocument[] = [];
  for (const document of file.documents) {
    const source = locationOf(file, document, path);
    if (document.doc.errors.length > 0) {
      out.push({ type: 'invalid', message: `${path}:${source.line}: YAML syntax error: ${document.doc.errors[0].message.split('\n')[0]}`, source });
      continue;
    }
    const kind = document.kind;
    if (kind.type === 'harvester-config' || kind.type === 'install-config' || kind.type === 'agent-config') {
      out.push({ type: kind.type });
      continue;
    }
    let value: unknown;
    try {
      value = documentToJson(document.doc);
    } catch (error) {
      out.push({ type: 'invalid', message: `${path}:${source.line}: ${(error as Error).message}`, source });
      continue;
    }
    if (value === null || value === undefined) {
      out.push({ type: 'empty' });
      continue;
    }
    if (!isObject(value)) {
      out.push({ type: 'invalid', message: `${path}:${source.line}: not a Kubernetes object (a YAML mapping is expected)`, source });
      continue;
    }
    if (kind.type === 'kubernetes' && kind.kind === KUBEV_CLUSTER.kind && apiGroupOf(kind.apiVersion) === KUBEV_CLUSTER.group) {
      out.push({ type: 'kubev-cluster' });
      continue;
    }
    if (value.kind === 'List' && Array.isArray(value.items)) {
      for (const item of value.items) {
        out.push(isObject(item) ? toManifestObject(item, source) : { type: 'invalid', message: `${path}:${source.line}: a List item is not an object`, source });
      }
      continue;
    }
    out.push(toManifestObject(value, source, { file, document }));
  }
  return out;
}
