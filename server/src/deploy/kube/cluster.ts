/**
 * The cluster operations deploy needs, over one kubeconfig context: discovery, GET of one object,
 * and server-side apply (optionally as a dry run) with OneNode's field manager.
 */
import type { KubeObject, ClusterTarget } from '../types';
import { Discovery, objectPath, type ResourceInfo } from './discovery';
import { KubeApiError, KubeHttp } from './http';
import type { LoadedKubeconfig } from './kubeconfig';

/** The field manager OneNode applies with: `kubectl get -o yaml --show-managed-fields` shows it. */
export const FIELD_MANAGER = 'onenode';

export interface ApplyOptions {
  dryRun: boolean;
  /** Take over fields another manager owns (kubectl's --force-conflicts). */
  force: boolean;
}

export interface ClusterApi {
  readonly target: ClusterTarget;
  resolve(apiVersion: string, kind: string): Promise<ResourceInfo | undefined>;
  /** Forgets what discovery said about a group version (a CRD for it was just created). */
  forget(apiVersion: string): void;
  /** The live object, or undefined when it does not exist. */
  get(info: ResourceInfo, name: string, namespace: string | undefined): Promise<KubeObject | undefined>;
  apply(info: ResourceInfo, body: KubeObject, options: ApplyOptions): Promise<KubeObject>;
}

export class KubeCluster implements ClusterApi {
  private readonly discovery: Discovery;

  constructor(private readonly http: KubeHttp) {
    this.discovery = new Discovery(http);
  }

  get target(): ClusterTarget {
    return this.http.target;
  }

  resolve(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    return this.discovery.resolve(apiVersion, kind);
  }

  forget(apiVersion: string): void {
    this.discovery.forget(apiVersion);
  }

  async get(info: ResourceInfo, name: string, namespace: string | undefined): Promise<KubeObject | undefined> {
    try {
      return (await this.http.request('GET', objectPath(info, name, namespace))) as KubeObject;
    } catch (error) {
      if (error instanceof KubeApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  async apply(info: ResourceInfo, body: KubeObject, options: ApplyOptions): Promise<KubeObject> {
    const metadata = body.metadata as { name: string; namespace?: string };
    const query: Record<string, string> = { fieldManager: FIELD_MANAGER, force: String(options.force) };
    if (options.dryRun) query.dryRun = 'All';
    // JSON is YAML: the apply patch content type accepts it, as kubectl sends it.
    return (await this.http.request('PATCH', objectPath(info, metadata.name, metadata.namespace), {
      query,
      body: JSON.stringify(body),
      contentType: 'application/apply-patch+yaml',
    })) as KubeObject;
  }
}

export function connectCluster(loaded: LoadedKubeconfig, target: ClusterTarget, timeoutMs?: number): KubeCluster {
  return new KubeCluster(new KubeHttp(loaded.config, target, timeoutMs));
}
