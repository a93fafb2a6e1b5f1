/**
 * Which JSON Schema describes which document: OneNode's own schemas in schemas/ (installer
 * configs and the custom resources the rules read) and, for core Kubernetes kinds, the
 * kubernetes-models validators. The language server hands the same schemas to
 * yaml-language-server for completion and hovers, so editor and CLI agree.
 */
import type { ParsedDocument } from '../types';
import { isKind } from '../kinds';
import machineConfig from '../../../../schemas/machineconfig.schema.json';

export interface SchemaEntry {
  /** Stable id, also the URI yaml-language-server knows the schema by. */
  id: string;
  /** What the document is, in messages ("MachineConfig", "Harvester install config"). */
  label: string;
  schema: object;
  appliesTo(document: ParsedDocument): boolean;
  /** Harvester's installer accepts camelCase, lower-case and snake_case spellings of each key. */
  fuzzyKeys?: boolean;
  /** How an unknown key is described: the installer silently ignores it, or the API server drops it. */
  unknownKey: 'ignored-by-installer' | 'dropped-by-api-server' | 'rejected';
}

export const SCHEMA_CATALOG: readonly SchemaEntry[] = [
  {
    id: 'onenode:schemas/machineconfig.schema.json',
    label: 'MachineConfig',
    schema: machineConfig,
    appliesTo: (d) => isKind(d, 'machineconfiguration.openshift.io', ['MachineConfig']),
    unknownKey: 'dropped-by-api-server',
  },
];

export function schemaEntryFor(document: ParsedDocument): SchemaEntry | undefined {
  return SCHEMA_CATALOG.find((entry) => entry.appliesTo(document));
}
