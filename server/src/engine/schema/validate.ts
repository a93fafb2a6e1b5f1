/**
 * Validates one YAML document against its schema (ours with ajv, or a core-kind validator from
 * kubernetes-models) and returns the errors as JSON Pointers with readable messages. Results are
 * cached per parsed document: the incremental parser reuses unchanged documents, so only edited
 * documents are validated again.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Document } from 'yaml';
import type { ParsedDocument, Severity } from '../types';
import { hasTemplateExpression, normalizeHarvesterKey } from '../yaml-ast';
import { schemaEntryFor, type SchemaEntry } from './catalog';
import { CORE_VALIDATORS } from './k8s-core.mjs';

export interface SchemaError {
  /** JSON Pointer to the offending value (for unknown keys: to the key itself). */
  pointer: string;
  message: string;
  severity: Severity;
  /** Whether the pointer names a key (unknown keys), so the range is the key's. */
  atKey: boolean;
}

// verbose: errors carry the schema that failed, for the messages schemas give (patternErrorMessage, …).
// validateSchema: false — checking our schemas against the meta-schema cost every process tens of
// milliseconds (compiling the meta-schema); test/unit/schemas.test.ts compiles each one strictly instead.
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true, validateSchema: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();
const cache = new WeakMap<Document.Parsed, SchemaError[]>();

type AnyError = Pick<ErrorObject, 'instancePath' | 'keyword' | 'params' | 'message'> & { schemaPath?: string; parentSchema?: unknown };

function pathText(pointer: string): string {
  return pointer === '' ? 'the document' : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

function valueText(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function unknownKeyText(entry: SchemaEntry | undefined, label: string): { text: string; severity: Severity } {
  switch (entry?.unknownKey) {
    case 'ignored-by-installer':
      return { text: `is not a key the installer reads, so the installer silently ignores it`, severity: 'warning' };
    case 'rejected':
      return { text: `is not a field of ${label}, so the file is rejected`, severity: 'error' };
    default:
      return { text: `is not a field of ${label}, so the API server drops it (or rejects it with strict field validation)`, severity: 'warning' };
  }
}

/** The schema object that holds the failed keyword (ajv's `verbose` errors carry it). */
function parentOf(error: AnyError): Record<string, unknown> | undefined {
  const parent = error.parentSchema;
  return parent && typeof parent === 'object' ? (parent as Record<string, unknown>) : undefined;
}

/** A message a schema gives for its own keyword (`patternErrorMessage`, `deprecationMessage`, `errorMessage`), as the rest of a sentence about `where`. */
function schemaMessage(where: string, text: unknown): string | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  return `${where} ${text.replace(/\.$/, '')}.`;
}

function describe(error: AnyError, entry: SchemaEntry | undefined, label: string): SchemaError | undefined {
  const where = pathText(error.instancePath);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const pointer = `${error.instancePath}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const { text, severity } = unknownKeyText(entry, label);
      return { pointer, message: `${pathText(pointer)} ${text}.`, severity, atKey: true };
    }
    case 'required':
      return { pointer: error.instancePath, message: `${where} is missing the required field ${String(p.missingProperty)}.`, severity: 'error', atKey: false };
    case 'enum':
      return { pointer: error.instancePath, message: `${where} must be one of ${(p.allowedValues as unknown[]).map(valueText).join(', ')}.`, severity: 'error', atKey: false };
    case 'const':
      return { pointer: error.instancePath, message: `${where} must be ${valueText(p.allowedValue)}.`, severity: 'error', atKey: false };
    case 'type': {
      // null is allowed where `key:` means "not set"; the message names the types a value can have.
      const types = String(p.type).split(',').filter((t) => t !== 'null');
      return { pointer: error.instancePath, message: `${where} must be ${(types.length > 0 ? types : ['null']).join(' or ')}.`, severity: 'error', atKey: false };
    }
    case 'format':
      return { pointer: error.instancePath, message: `${where} must be a valid ${String(p.format)}.`, severity: 'error', atKey: false };
    case 'pattern': {
      const custom = schemaMessage(where, parentOf(error)?.patternErrorMessage);
      return { pointer: error.instancePath, message: custom ?? `${where} must match ${String(p.pattern)}.`, severity: 'error', atKey: false };
    }
    case 'minProperties':
    case 'maxProperties': {
      const limit = Number(p.limit);
      const bound = error.keyword === 'minProperties' ? 'at least' : 'at most';
      return { pointer: error.instancePath, message: `${where} must have ${bound} ${limit} ${limit === 1 ? 'entry' : 'entries'}.`, severity: 'error', atKey: false };
    }
    case 'not': {
      // `{ "not": {}, "deprecationMessage": "…" }` marks a key the consumer ignores (a legacy key);
      // `"errorMessage"` one it rejects. Any other `not` is a wrapper, like the cases below.
      const schema = parentOf(error);
      const ignored = schemaMessage(where, schema?.deprecationMessage);
      if (ignored) return { pointer: error.instancePath, message: ignored, severity: 'warning', atKey: true };
      const rejected = schemaMessage(where, schema?.errorMessage);
      if (rejected) return { pointer: error.instancePath, message: rejected, severity: 'error', atKey: true };
      return undefined;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
      return { pointer: error.instancePath, message: `${where} ${error.message ?? 'is out of range'}.`, severity: 'error', atKey: false };
    case 'anyOf':
    case 'oneOf':
    case 'allOf':
    case 'if':
      // Wrappers: the errors of the branches say what is wrong.
      return undefined;
    default:
      return { pointer: error.instancePath, message: `${where} ${error.message ?? 'is invalid'}.`, severity: 'error', atKey: false };
  }
}

/** Renames keys to the schema's spelling where Harvester's loader would accept them (camelCase, lower-case, snake_case). */
function canonicalKeys(value: unknown, schema: unknown): unknown {
  if (Array.isArray(value)) {
    const items = (schema as { items?: unknown } | undefined)?.items;
    return value.map((v) => canonicalKeys(v, items));
  }
  if (!value || typeof value !== 'object') return value;
  const properties = ((schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
  const additional = (schema as { additionalProperties?: unknown } | undefined)?.additionalProperties;
  const byNormal = new Map(Object.keys(properties).map((k) => [normalizeHarvesterKey(k), k]));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const canonical = key in properties ? key : (byNormal.get(normalizeHarvesterKey(key)) ?? key);
    out[canonical] = canonicalKeys(v, properties[canonical] ?? (typeof additional === 'object' ? additional : undefined));
  }
  return out;
}

function validatorFor(entry: SchemaEntry): ValidateFunction {
  let fn = compiled.get(entry.id);
  if (!fn) {
    fn = ajv.compile(entry.schema);
    compiled.set(entry.id, fn);
  }
  return fn;
}

export function coreKindKey(document: ParsedDocument): string | undefined {
  return document.kind.type === 'kubernetes' ? `${document.kind.apiVersion}/${document.kind.kind}` : undefined;
}

function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const segment of pointer === '' ? [] : pointer.slice(1).split('/')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return value;
}

function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && hasTemplateExpression(value);
}

/** Schema errors of a document; an empty list when it has no schema or conforms. */
export function schemaErrors(document: ParsedDocument): SchemaError[] {
  const cached = cache.get(document.doc);
  if (cached) return cached;
  const entry = schemaEntryFor(document);
  const coreKey = coreKindKey(document);
  const core = !entry && coreKey ? CORE_VALIDATORS[coreKey] : undefined;
  let errors: SchemaError[] = [];
  if (entry || core) {
    let value: unknown;
    try {
      value = document.doc.toJS({ maxAliasCount: 1000 });
    } catch {
      // An alias bomb or similar: nothing sensible to validate.
      value = undefined;
    }
    if (value !== undefined) {
      const label = entry?.label ?? (document.kind.type === 'kubernetes' ? document.kind.kind : 'document');
      const validate: { (data: unknown): boolean; errors?: unknown } = entry ? validatorFor(entry) : core!;
      const input = entry?.fuzzyKeys ? canonicalKeys(value, entry.schema) : value;
      const raw = validate(input) ? [] : ((validate.errors ?? []) as AnyError[]);
      const seen = new Set<string>();
      errors = raw.flatMap((e) => {
        const described = describe(e, entry, label);
        if (!described || seen.has(described.pointer + described.message)) return [];
        // A `${var}` or `{{ … }}` placeholder is filled in before the file is used: no verdict on it.
        if (isPlaceholder(valueAt(input, e.instancePath))) return [];
        seen.add(described.pointer + described.message);
        return [described];
      });
    }
  }
  cache.set(document.doc, errors);
  return errors;
}
