/** How an object is named in plans and reports: the way `kubectl apply` names it. */
import { splitApiVersion } from './kube/discovery';
import type { KubeObject, ManifestObject, ObjectIdentity } from './types';

/** `deployment.apps/web`, `configmap/settings`: kubectl's NamePrinter (lower-case kind, group, name). */
export function displayName(apiVersion: string, kind: string, name: string): string {
  const { group } = splitApiVersion(apiVersion);
  return `${kind.toLowerCase()}${group ? `.${group}` : ''}/${name}`;
}

export function identityOf(object: ManifestObject, namespace: string | undefined): ObjectIdentity {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.name,
    ...(namespace ? { namespace } : {}),
    display: displayName(object.apiVersion, object.kind, object.name),
    source: object.source,
  };
}

/** `deployment.apps/web -n demo` for namespaced objects, as people would type it for kubectl. */
export function describeObject(identity: ObjectIdentity): string {
  return identity.namespace ? `${identity.display} -n ${identity.namespace}` : identity.display;
}

/**
 * The body sent to the server: the namespace set for namespaced objects (the context's when the
 * file names none, as kubectl does) and dropped for cluster-scoped ones.
 */
export function bodyFor(object: ManifestObject, namespace: string | undefined): KubeObject {
  const metadata = { ...(object.body.metadata as Record<string, unknown>) };
  if (namespace) metadata.namespace = namespace;
  else delete metadata.namespace;
  return { ...object.body, metadata };
}
