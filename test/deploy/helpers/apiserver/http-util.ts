/** Small pieces of the test API server's HTTP side: Status bodies, Table output and ages. */
import type { ServerResponse } from 'node:http';
import type { ResourceType } from './catalog';
import { isObject, type Json } from './fields';

// A type alias (not an interface) so a Status is also a Json value.
export type StatusBody = {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: Json;
  code: number;
};

export function status(code: number, reason: string, message: string, details?: Json): StatusBody {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details !== undefined ? { details } : {}), code };
}

export function sendJson(response: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

/** `deployments.apps`, `configmaps`: how the server names a resource in messages. */
export function groupResource(type: ResourceType): string {
  return type.group ? `${type.plural}.${type.group}` : type.plural;
}

function age(created: unknown): string {
  const seconds = typeof created === 'string' ? Math.max(0, Math.round((Date.now() - Date.parse(created)) / 1000)) : 0;
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)}m`;
  return `${Math.round(seconds / 3600)}h`;
}

/**
 * The Table kubectl asks for (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`): the
 * server prints objects, kubectl only lays them out. Name and Age, as for a CRD without
 * printer columns.
 */
export function table(objects: readonly Record<string, Json>[], tableVersion: 'v1' | 'v1beta1', resourceVersion: string): Json {
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${tableVersion}`,
    metadata: { resourceVersion },
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
      { name: 'Age', type: 'string', format: '', description: 'CreationTimestamp of the object.', priority: 0 },
    ],
    rows: objects.map((object) => {
      const metadata = isObject(object.metadata) ? object.metadata : {};
      return {
        cells: [metadata.name ?? '', age(metadata.creationTimestamp)],
        object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata },
      };
    }),
  };
}

/** Which Table version the Accept header asks for, if any. */
export function wantsTable(accept: string | undefined): 'v1' | 'v1beta1' | undefined {
  for (const part of (accept ?? '').split(',')) {
    if (!/as=Table/.test(part)) continue;
    if (/v=v1beta1/.test(part)) return 'v1beta1';
    if (/v=v1(;|$)/.test(part)) return 'v1';
  }
  return undefined;
}
