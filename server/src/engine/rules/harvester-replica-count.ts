/** The Harvester installer's default StorageClass must be created with one replica on one node. */
import type { Rule, RuleReport } from '../types';
import { findPair, keyRange, nodeRange, scalarInt, scalarString, documentAnchor, walkExisting } from '../yaml-ast';
import { insertPath, replaceScalar } from '../edits';
import { SOURCES } from '../sources';

const PATH = ['harvester', 'storage_class', 'replica_count'] as const;

function message(value: number | undefined, written: string | undefined): string {
  const key = 'install.harvester.storage_class.replica_count';
  const tail = 'the default StorageClass harvester-longhorn then asks for replicas that cannot be placed on one node, and every volume stays Degraded.';
  if (written === undefined) return `${key} is not set, so the installer uses 3: ${tail}`;
  if (value === 0) return `${key} 0 means the default, 3: ${tail}`;
  if (value !== undefined && value > 3) return `${key} ${value} is clamped to 3: ${tail}`;
  return `${key} ${written} is not 1: ${tail}`;
}

export const harvesterReplicaCount: Rule = {
  id: 'harvester-replica-count',
  title: 'Harvester install config must set the default StorageClass to one replica',
  severity: 'warning',
  platforms: ['harvester'],
  fixable: true,
  appliesTo: (document) => document.kind.type === 'harvester-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const install = findPair(root, 'install', true);
    // A config without an install section (an OS-only fragment) does not create the cluster;
    // a join config gets its StorageClass from the cluster it joins.
    if (!install) return [];
    const mode = scalarString(findPair(install.value, 'mode', true)?.value);
    if (mode?.toLowerCase() === 'join') return [];
    const walk = walkExisting(install.value, PATH, true);
    if (walk.missing.length === 0 && walk.pair) {
      const value = scalarInt(walk.pair.value);
      if (value === 1) return [];
      const edit = replaceScalar(file, walk.pair.value, 1);
      return [{
        message: message(value, scalarString(walk.pair.value) ?? ''),
        range: nodeRange(file, walk.pair.value) ?? keyRange(file, walk.pair) ?? documentAnchor(file, root, document.start),
        fixes: edit ? [{ title: 'Set replica_count: 1', edits: [edit], isPreferred: true }] : [],
      }];
    }
    const edit = insertPath(file, walk.map ? walk : { ...walk, pair: install }, '1');
    const anchor = (walk.pair && keyRange(file, walk.pair)) ?? keyRange(file, install) ?? documentAnchor(file, root, document.start);
    return [{
      message: message(undefined, undefined),
      range: anchor,
      fixes: edit ? [{ title: 'Add install.harvester.storage_class.replica_count: 1', edits: [edit], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'The Harvester installer creates the default StorageClass `harvester-longhorn` with `install.harvester.storage_class.replica_count` ' +
      'replicas. When the key is missing or 0 the chart default, 3, is used, and values above 3 are clamped to 3. Longhorn cannot place ' +
      'more than one replica of a volume on one node, so on a single-node cluster every VM disk and volume is Degraded. ' +
      'The Harvester single-node guide says this value must be 1. Join configs are not checked: a joining node uses the cluster\'s StorageClass.',
    fix: 'The quick-fix sets `replica_count: 1`, or inserts `install.harvester.storage_class.replica_count: 1` (creating the missing levels). The installer accepts the camelCase and snake_case spellings alike, and so does this rule.',
    sources: [SOURCES.harvesterSingleNode, SOURCES.harvesterConfigDocs, SOURCES.harvesterInstallerCos],
    example: {
      bad: 'scheme_version: 1\ninstall:\n  mode: create\n  harvester:\n    storage_class:\n      replica_count: 3\n',
      good: 'scheme_version: 1\ninstall:\n  mode: create\n  harvester:\n    storage_class:\n      replica_count: 1\n',
    },
  },
};
