/**
 * The validation the test API server applies on create and update, answering 422 Invalid with
 * the real server's wording: object names (RFC 1123), a Deployment's selector and template, a
 * StorageClass's provisioner, and the StorageClass fields that cannot change once created.
 */
import { deepEqual, isObject, type Json } from './fields';
import type { ResourceType } from './catalog';

export interface Cause {
  reason: 'FieldValueInvalid' | 'FieldValueRequired' | 'FieldValueForbidden';
  message: string;
  field: string;
}

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function nameCauses(type: ResourceType, name: string): Cause[] {
  if (type.kind === 'Namespace') {
    return LABEL.test(name) && name.length <= 63
      ? []
      : [{ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')` }];
  }
  return SUBDOMAIN.test(name) && name.length <= 253
    ? []
    : [{ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')` }];
}

function deploymentCauses(object: Record<string, Json>): Cause[] {
  const spec = isObject(object.spec) ? object.spec : {};
  const causes: Cause[] = [];
  const matchLabels = isObject(spec.selector) && isObject(spec.selector.matchLabels) ? spec.selector.matchLabels : undefined;
  if (!matchLabels) causes.push({ reason: 'FieldValueRequired', field: 'spec.selector', message: 'Required value' });
  const template = isObject(spec.template) ? spec.template : {};
  const labels = isObject(template.metadata) && isObject(template.metadata.labels) ? template.metadata.labels : {};
  if (matchLabels && !Object.entries(matchLabels).every(([k, v]) => labels[k] === v)) {
    causes.push({ reason: 'FieldValueInvalid', field: 'spec.template.metadata.labels', message: `Invalid value: ${JSON.stringify(labels)}: \`selector\` does not match template \`labels\`` });
  }
  const podSpec = isObject(template.spec) ? template.spec : {};
  const containers = Array.isArray(podSpec.containers) ? podSpec.containers : [];
  if (containers.length === 0) causes.push({ reason: 'FieldValueRequired', field: 'spec.template.spec.containers', message: 'Required value' });
  containers.forEach((c, i) => {
    if (!isObject(c) || typeof c.image !== 'string' || c.image === '') causes.push({ reason: 'FieldValueRequired', field: `spec.template.spec.containers[${i}].image`, message: 'Required value' });
  });
  if (typeof spec.replicas === 'number' && spec.replicas < 0) {
    causes.push({ reason: 'FieldValueInvalid', field: 'spec.replicas', message: `Invalid value: ${spec.replicas}: must be greater than or equal to 0` });
  }
  return causes;
}

/** StorageClass fields the API server refuses to change (storage validation ValidateStorageClassUpdate). */
const STORAGE_CLASS_IMMUTABLE = ['parameters', 'provisioner', 'reclaimPolicy', 'volumeBindingMode'];

function storageClassCauses(object: Record<string, Json>, live: Record<string, Json> | undefined): Cause[] {
  const causes: Cause[] = [];
  if (typeof object.provisioner !== 'string' || object.provisioner === '') causes.push({ reason: 'FieldValueRequired', field: 'provisioner', message: 'Required value' });
  if (live) {
    for (const key of STORAGE_CLASS_IMMUTABLE) {
      if (!deepEqual(object[key], live[key])) causes.push({ reason: 'FieldValueForbidden', field: key, message: `Forbidden: updates to ${key} are forbidden.` });
    }
  }
  return causes;
}

export function validate(type: ResourceType, object: Record<string, Json>, live: Record<string, Json> | undefined): Cause[] {
  const name = isObject(object.metadata) && typeof object.metadata.name === 'string' ? object.metadata.name : '';
  const causes = nameCauses(type, name);
  if (type.group === 'apps' && type.kind === 'Deployment') causes.push(...deploymentCauses(object));
  if (type.group === 'storage.k8s.io' && type.kind === 'StorageClass') causes.push(...storageClassCauses(object, live));
  return causes;
}

/** `Deployment.apps "web" is invalid: spec.selector: Required value`, as the API server words it. */
export function invalidMessage(type: ResourceType, name: string, causes: readonly Cause[]): string {
  const kind = type.group ? `${type.kind}.${type.group}` : type.kind;
  const parts = causes.map((c) => `${c.field}: ${c.message}`);
  return `${kind} "${name}" is invalid: ${parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`}`;
}
