/**
 * /openapi/v2 for kubectl, in the protobuf form it asks for (gnostic's openapi_v2.Document,
 * google/gnostic openapiv2/OpenAPIv2.proto). kubectl reads two things from it: schemas for
 * client-side validation (a kind without one is not validated) and, for --dry-run=server, whether
 * the PATCH operation of each kind takes a `dryRun` parameter (its x-kubernetes-group-version-kind
 * extension names the kind). So each served kind gets a path with such an operation, and no
 * schemas. Measured with kubectl 1.20: it refuses to dry-run a kind it cannot find here.
 */
import type { ResourceType } from './catalog';

function varint(n: number): Buffer {
  const bytes: number[] = [];
  while (n > 127) {
    bytes.push((n & 127) | 128);
    n >>>= 7;
  }
  bytes.push(n);
  return Buffer.from(bytes);
}

/** A length-delimited protobuf field (strings and embedded messages). */
function field(number: number, value: string | Buffer): Buffer {
  const body = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  return Buffer.concat([varint((number << 3) | 2), varint(body.length), body]);
}

function patchOperation(type: ResourceType): Buffer {
  // NamedAny{name, value: Any{yaml}} with the group-version-kind kubectl matches on.
  const gvk = `group: "${type.group}"\nkind: ${type.kind}\nversion: ${type.version}\n`;
  const extension = Buffer.concat([field(1, 'x-kubernetes-group-version-kind'), field(2, field(2, gvk))]);
  // ParametersItem{parameter: Parameter{non_body_parameter: NonBodyParameter{query_parameter_sub_schema}}}
  const dryRun = Buffer.concat([field(2, 'query'), field(4, 'dryRun'), field(6, 'string')]);
  const parameter = field(1, field(2, field(3, dryRun)));
  // Operation{operation_id = 5, parameters = 8, vendor_extension = 13}
  return Buffer.concat([field(5, `patch${type.kind}`), field(8, parameter), field(13, extension)]);
}

export function objectUrlTemplate(type: ResourceType): string {
  const base = type.group ? `/apis/${type.group}/${type.version}` : `/api/${type.version}`;
  return `${base}${type.namespaced ? '/namespaces/{namespace}' : ''}/${type.plural}/{name}`;
}

export function openApiV2Protobuf(types: readonly ResourceType[], version: string): Buffer {
  // Paths{path = 2: NamedPathItem{name = 1, value = 2: PathItem{patch = 8}}}
  const paths = types.map((type) => field(2, Buffer.concat([field(1, objectUrlTemplate(type)), field(2, field(8, patchOperation(type)))])));
  // Document{swagger = 1, info = 2: Info{title = 1, version = 2}, paths = 8}
  return Buffer.concat([field(1, '2.0'), field(2, Buffer.concat([field(1, 'Kubernetes'), field(2, version)])), field(8, Buffer.concat(paths))]);
}
