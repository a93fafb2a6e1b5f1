/**
 * `.onenode.yaml`: project settings shared by the CLI and the editor (platform, environment,
 * rule severities, ignore globs), validated with ajv against schemas/onenode-config.schema.json.
 * Invalid entries are reported with their position and left out; nothing is thrown.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import picomatch from 'picomatch';
import { parseDocument } from 'yaml';
import { parseFile } from './parse';
import { RULES } from './rules';
import { resolvePointer } from './json-pointer';
import { keyRange, nodeRange, rangeOfOffsets } from './yaml-ast';
import type { CheckOptions, Environment, PlatformSetting, Range, RuleSeveritySetting } from './types';
import configSchema from '../../../schemas/onenode-config.schema.json';

export const CONFIG_FILE_NAME = '.onenode.yaml';

export interface OneNodeConfig {
  platform?: PlatformSetting;
  environment?: Environment;
  rules?: Record<string, RuleSeveritySetting>;
  ignore?: string[];
}

export interface ConfigProblem {
  message: string;
  range: Range;
}

// Compiled on first use: most runs have no .onenode.yaml, and compiling cost every process start
// tens of milliseconds. The schema itself is checked against the meta-schema by the unit tests.
let validateConfig: ValidateFunction<OneNodeConfig> | undefined;
function configValidator(): ValidateFunction<OneNodeConfig> {
  validateConfig ??= new Ajv({ allErrors: true, strict: false, validateSchema: false }).compile<OneNodeConfig>(configSchema);
  return validateConfig;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? 'the file' : error.instancePath.slice(1).replace(/\//g, '.');
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where === 'the file' ? '' : `${where}: `}unknown key "${String(error.params.additionalProperty)}" (allowed: platform, environment, rules, ignore)`;
    case 'enum':
      return `${where} must be one of ${(error.params.allowedValues as string[]).join(', ')}`;
    case 'type':
      return `${where} must be ${error.params.type === 'object' ? 'a mapping' : error.params.type === 'array' ? 'a list' : `a ${String(error.params.type)}`}`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

/** Parses and validates a `.onenode.yaml` text. */
export function parseConfig(text: string): { config: OneNodeConfig; problems: ConfigProblem[] } {
  const file = parseFile(text);
  const document = file.documents[0];
  const problems: ConfigProblem[] = [];
  const origin = rangeOfOffsets(file, 0, 0);
  if (!document) return { config: {}, problems };
  for (const error of document.doc.errors) problems.push({ message: `YAML syntax error: ${error.message}`, range: rangeOfOffsets(file, error.pos[0], error.pos[1]) });
  if (problems.length > 0) return { config: {}, problems };
  const root = document.doc.contents;
  // Read values with YAML 1.2 rules: `longhorn-replica-count: off` must stay the string "off",
  // not YAML 1.1's boolean false. (Positions are the same either way.)
  const value = parseDocument(text, { version: '1.2' }).toJS({ maxAliasCount: 100 }) as unknown;
  if (value == null) return { config: {}, problems };
  const config: OneNodeConfig = {};
  const dropped = new Set<string>();
  const validate = configValidator();
  if (!validate(value)) {
    for (const error of validate.errors ?? []) {
      const pointer = error.keyword === 'additionalProperties' ? `${error.instancePath}/${String(error.params.additionalProperty)}` : error.instancePath;
      const target = resolvePointer(root, pointer);
      const range = (target.pair && keyRange(file, target.pair)) ?? nodeRange(file, target.node) ?? origin;
      problems.push({ message: `${CONFIG_FILE_NAME}: ${describe(error)}.`, range });
      dropped.add(pointer.split('/').slice(0, 3).join('/'));
    }
  }
  // Keep every valid part, so one typo does not discard the whole configuration.
  const input = (typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  if (!dropped.has('/platform') && typeof input.platform === 'string') config.platform = input.platform as PlatformSetting;
  if (!dropped.has('/environment') && typeof input.environment === 'string') config.environment = input.environment as Environment;
  if (!dropped.has('/ignore') && Array.isArray(input.ignore)) config.ignore = input.ignore.filter((g): g is string => typeof g === 'string' && g.length > 0);
  if (!dropped.has('/rules') && input.rules && typeof input.rules === 'object') {
    const known = new Set(RULES.map((r) => r.id));
    const rules: Record<string, RuleSeveritySetting> = {};
    const rulesNode = resolvePointer(root, '/rules').node;
    for (const [id, severity] of Object.entries(input.rules as Record<string, unknown>)) {
      if (dropped.has(`/rules/${id}`)) continue;
      if (!known.has(id)) {
        const target = resolvePointer(rulesNode, `/${id}`);
        problems.push({ message: `${CONFIG_FILE_NAME}: rules: unknown rule id "${id}".`, range: (target.pair && keyRange(file, target.pair)) ?? origin });
        continue;
      }
      rules[id] = severity as RuleSeveritySetting;
    }
    config.rules = rules;
  }
  return { config, problems };
}

/** Editor or CLI options with the project's `.onenode.yaml` applied on top. */
export function applyConfig(options: CheckOptions, config: OneNodeConfig): CheckOptions {
  return {
    platform: config.platform ?? options.platform,
    environment: config.environment ?? options.environment,
    rules: { ...options.rules, ...config.rules },
  };
}

/** A matcher for the config's ignore globs; paths are relative to the config file's folder, with `/`. */
export function ignoreMatcher(config: OneNodeConfig): (relativePath: string) => boolean {
  const globs = config.ignore ?? [];
  if (globs.length === 0) return () => false;
  const match = picomatch(globs, { dot: true });
  return (relativePath) => match(relativePath.split('\\').join('/'));
}
