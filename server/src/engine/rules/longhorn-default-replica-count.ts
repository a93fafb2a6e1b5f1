/** Longhorn's default-replica-count setting must be 1 on a single node. */
import type { ParsedDocument, Rule, RuleReport } from '../types';
import { deref, findPair, getIn, keyRange, literalText, nodeRange, scalarString, documentAnchor } from '../yaml-ast';
import { replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

/** A Longhorn `Setting` object (longhorn.io, any version) with the given metadata.name. */
export function isLonghornSetting(document: ParsedDocument, name: string): boolean {
  return isKind(document, 'longhorn.io', ['Setting']) && scalarString(getIn(document.doc.contents, ['metadata', 'name'])) === name;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Parsed {
  /** Replica counts above 1, by data engine ('' for the plain form). */
  tooMany: { engine: string; count: number }[];
  /** The value with every count above 1 set to 1, other keys and formatting kept. */
  fixed: string;
}

/**
 * Reads the plain form (`"3"`, Longhorn ≤ 1.9) and the per-data-engine JSON form
 * (`{"v1":"3","v2":"3"}`, Longhorn ≥ 1.10). Undefined when the value is neither.
 */
export function parseReplicaSetting(text: string): Parsed | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    const count = Number(trimmed);
    return { tooMany: count > 1 ? [{ engine: '', count }] : [], fixed: '1' };
  }
  if (!trimmed.startsWith('{')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const tooMany: Parsed['tooMany'] = [];
  let fixed = text;
  for (const [engine, raw] of Object.entries(json as Record<string, unknown>)) {
    const count = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined;
    if (count === undefined || count <= 1) continue;
    tooMany.push({ engine, count });
    const key = escapeRegExp(JSON.stringify(engine));
    fixed = fixed.replace(new RegExp(`(${key}\\s*:\\s*)("\\s*\\d+\\s*"|\\d+)`), (_m, head: string, value: string) => `${head}${value.startsWith('"') ? '"1"' : '1'}`);
  }
  return { tooMany, fixed };
}

export const longhornDefaultReplicaCount: Rule = {
  id: 'longhorn-default-replica-count',
  title: 'Longhorn default-replica-count setting must be 1 on a single node',
  severity: 'warning',
  platforms: ['harvester', 'kubev', 'kubernetes', 'openshift'],
  fixable: true,
  appliesTo: (document) => isLonghornSetting(document, 'default-replica-count'),
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const pair = findPair(root, 'value');
    const value = pair ? deref(pair.value, document.doc) : undefined;
    const text = literalText(file, value);
    if (!pair || text === undefined) return [];
    const parsed = parseReplicaSetting(text);
    if (!parsed || parsed.tooMany.length === 0) return [];
    const max = Math.max(...parsed.tooMany.map((t) => t.count));
    const engines = parsed.tooMany.filter((t) => t.engine !== '').map((t) => t.engine);
    const forEngines = engines.length > 0 ? ` (data engine${engines.length > 1 ? 's' : ''} ${engines.join(', ')})` : '';
    // An aliased value cannot be rewritten in place.
    const edit = value === pair.value ? replaceScalar(file, pair.value, parsed.fixed) : undefined;
    return [{
      message: `default-replica-count ${text.trim()} gives ${max} replicas${forEngines} to every volume whose StorageClass or volume does not set numberOfReplicas, but Longhorn places at most one replica of a volume per node, so on one node those volumes stay Degraded.`,
      range: nodeRange(file, pair.value) ?? keyRange(file, pair) ?? documentAnchor(file, root, document.start),
      fixes: edit ? [{ title: `Set default-replica-count to ${parsed.fixed}`, edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'Longhorn\'s `default-replica-count` setting (default 3, range 1–20) is the replica count of every volume whose StorageClass ' +
      'omits `numberOfReplicas` (or sets "0") and of volumes created in the Longhorn UI. Longhorn never puts two replicas of one ' +
      'volume on the same node, so on a single node the other replicas stay unscheduled and those volumes stay Degraded. Longhorn ' +
      '1.10 (Harvester 1.7) and later store the setting per data engine as JSON, `{"v1":"3","v2":"3"}`; 1.9 and earlier as a plain ' +
      'string, `"3"`. Both forms are checked.',
    fix: 'The quick-fix sets the value to `"1"`, or sets each count in the JSON form to 1 and keeps the other keys. The setting applies to volumes created afterwards; change existing volumes\' replica count in the Longhorn UI.',
    sources: [SOURCES.longhornSettingTypes, SOURCES.longhornSettingsDocs, SOURCES.longhornScheduling, SOURCES.harvesterSingleNode],
    example: {
      bad: 'apiVersion: longhorn.io/v1beta2\nkind: Setting\nmetadata:\n  name: default-replica-count\n  namespace: longhorn-system\nvalue: \'{"v1":"3","v2":"3"}\'\n',
      good: 'apiVersion: longhorn.io/v1beta2\nkind: Setting\nmetadata:\n  name: default-replica-count\n  namespace: longhorn-system\nvalue: \'{"v1":"1","v2":"1"}\'\n',
    },
  },
};
