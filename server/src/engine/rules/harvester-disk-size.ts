/** The persistent partition size must be written as the installer parses it and be at least 150Gi. */
import type { Rule, RuleReport } from '../types';
import { deref, findPair, hasTemplateExpression, literalText, scalarString, valueOrKeyRange } from '../yaml-ast';
import { replaceScalar } from '../edits';
import { SOURCES } from '../sources';
import { harvesterInstall } from './harvester-install-mode';

/** pkg/util/disk.go: sizeRegexp and MinPersistentSize (150 GiB). */
const SIZE = /^\d+(Mi|Gi)$/;
const MIN_MIB = 150 * 1024;
const DEFAULT = '150Gi';

/**
 * Whether a YAML value is true for the installer: a YAML boolean (`true`, and `yes`/`on` in YAML 1.1),
 * or a string its coercion (`convert.ToBool`) reads as true, "true" or "1".
 */
export function isTrue(node: unknown): boolean {
  const value = scalarString(node)?.trim().toLowerCase();
  return value === 'true' || value === '1';
}

function mib(size: string): number {
  const n = Number(size.slice(0, -2));
  return size.endsWith('Gi') ? n * 1024 : n;
}

/** The value the user most likely meant, in the installer's format; the 150Gi default when unclear. */
function suggestion(written: string, minimum: boolean): string {
  const m = /^\s*(\d+)\s*([GMT])?(i?B|i)?\s*$/i.exec(written);
  let size = DEFAULT;
  if (m) {
    const n = Number(m[1]);
    const unit = (m[2] ?? 'G').toUpperCase();
    size = unit === 'T' ? `${n * 1024}Gi` : `${n}${unit === 'M' ? 'Mi' : 'Gi'}`;
  }
  return minimum && mib(size) < MIN_MIB ? DEFAULT : size;
}

export const harvesterDiskSize: Rule = {
  id: 'harvester-disk-size',
  title: 'Harvester persistent partition size must be like 150Gi and at least 150Gi',
  severity: 'error',
  platforms: ['harvester'],
  fixable: true,
  appliesTo: (document) => document.kind.type === 'harvester-config',
  check({ file, document }): RuleReport[] {
    const install = deref(harvesterInstall(document.doc.contents)?.value, document.doc);
    if (!install) return [];
    const read = (key: string) => literalText(file, deref(findPair(install, key, true)?.value, document.doc));
    // The size only applies when VM data shares the OS disk; a witness node has no data partition.
    if (read('role')?.toLowerCase() === 'witness') return [];
    const dataDisk = read('data_disk');
    if (dataDisk && dataDisk !== read('device')) return [];
    const pair = findPair(install, 'persistent_partition_size', true);
    const size = pair ? literalText(file, deref(pair.value, document.doc)) : undefined;
    if (!pair || size === undefined || size === '' || hasTemplateExpression(size)) return [];
    const skipChecks = isTrue(deref(findPair(install, 'skipchecks', true)?.value, document.doc));
    const fix = (value: string) => {
      const edit = replaceScalar(file, pair.value, value);
      return edit ? [{ title: `Set persistent_partition_size: ${value}`, edits: [edit], isPreferred: true }] : [];
    };
    if (!SIZE.test(size)) {
      return [{
        message: `install.persistent_partition_size ${size} is not a whole number of Mi or Gi (like 150Gi), so the installer rejects it ("Partition size must end with 'Mi' or 'Gi'").`,
        range: valueOrKeyRange(file, pair),
        fixes: fix(suggestion(size, !skipChecks)),
      }];
    }
    if (!skipChecks && mib(size) < MIN_MIB) {
      return [{
        message: `install.persistent_partition_size ${size} is below the 150Gi minimum, so the installer rejects it ("Partition size is too small").`,
        range: valueOrKeyRange(file, pair),
        fixes: fix(DEFAULT),
      }];
    }
    return [];
  },
  docs: {
    why:
      '`install.persistent_partition_size` sets the size of `COS_PERSISTENT`, the partition that holds container images, logs and ' +
      'node state when VM data shares the OS disk. The installer parses it with `^\\d+(Mi|Gi)$` (no decimals, no `G`, `GB` or ' +
      'spaces) and rejects a size below 150 Gi, its default; the maximum is the disk size minus about 73 GiB for the other ' +
      'partitions and the minimal data space, which only the installer (or OneNode\'s preflight) can check. `install.skipchecks: true` ' +
      'lifts the minimum but not the format. The value is ignored, and not checked here, when `install.data_disk` names another disk ' +
      'or the node has the `witness` role.',
    fix: 'The quick-fix rewrites the size in the installer\'s format (`200G` becomes `200Gi`), or sets the default `150Gi` when the size is below the minimum or unreadable.',
    sources: [SOURCES.harvesterInstallerDisk, SOURCES.harvesterConfigDocs, SOURCES.harvesterConfigDocsV17],
    example: {
      bad: 'scheme_version: 1\ninstall:\n  mode: create\n  device: /dev/sda\n  persistent_partition_size: 100Gi\n',
      good: 'scheme_version: 1\ninstall:\n  mode: create\n  device: /dev/sda\n  persistent_partition_size: 150Gi\n',
    },
  },
};
