/**
 * Which resource serves a kind, and whether it is namespaced: the API server's discovery documents
 * (/api/v1, /apis/<group>/<version>), read once per group version and cached for the deploy.
 * A group version the server does not serve (404) means no CRD for it is installed yet.
 */
import { KubeApiError, type KubeHttp } from './http';

export interface ResourceInfo {
  group: string;
  version: string;
  /** The plural resource name in URLs: `deployments`. */
  resource: string;
  kind: string;
  namespaced: boolean;
}

interface ApiResourceList {
  resources?: { name: string; kind: string; namespaced: boolean }[];
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash === -1 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function discoveryPath(apiVersion: string): string {
  const { group, version } = splitApiVersion(apiVersion);
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

export class Discovery {
  private readonly cache = new Map<string, Promise<Map<string, ResourceInfo> | undefined>>();

  constructor(private readonly http: KubeHttp) {}

  /** The resource for a kind, or undefined when the server does not serve it. */
  async resolve(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    return (await this.groupVersion(apiVersion))?.get(kind);
  }

  /** Forgets a group version, after a CRD for it was created. */
  forget(apiVersion: string): void {
    this.cache.delete(apiVersion);
  }

  private groupVersion(apiVersion: string): Promise<Map<string, ResourceInfo> | undefined> {
    let entry = this.cache.get(apiVersion);
    if (!entry) {
      entry = this.fetch(apiVersion);
      // A failed read (network, 403) is not cached: the next call asks again.
      entry.catch(() => this.cache.delete(apiVersion));
      this.cache.set(apiVersion, entry);
    }
    return entry;
  }

  private async fetch(apiVersion: string): Promise<Map<string, ResourceInfo> | undefined> {
    let list: ApiResourceList;
    try {
      list = (await this.http.request('GET', discoveryPath(apiVersion))) as ApiResourceList;
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return undefined;
      throw error;
    }
    const { group, version } = splitApiVersion(apiVersion);
    const kinds = new Map<string, ResourceInfo>();
    for (const r of list?.resources ?? []) {
      // Subresources (deployments/status, pods/log) share their parent's kind.
      if (r.name.includes('/') || kinds.has(r.kind)) continue;
      kinds.set(r.kind, { group, version, resource: r.name, kind: r.kind, namespaced: r.namespaced });
    }
    return kinds;
  }
}

/** The URL path of one object. */
export function objectPath(info: ResourceInfo, name: string, namespace: string | undefined): string {
  const base = info.group === '' ? `/api/${info.version}` : `/apis/${info.group}/${info.version}`;
  const scope = info.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : '';
  return `${base}${scope}/${info.resource}/${encodeURIComponent(name)}`;
}
