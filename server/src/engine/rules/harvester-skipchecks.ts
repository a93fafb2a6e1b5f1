/** In production, a Harvester install must not skip the installer's hardware checks. */
import { isScalar, Scalar } from 'yaml';
import type { Rule, RuleReport } from '../types';
import { deref, findPair, nodeRange } from '../yaml-ast';
import { edit } from '../edits';
import { SOURCES } from '../sources';
import { harvesterInstall } from './harvester-install-mode';
import { isTrue } from './harvester-disk-size';

export const harvesterSkipchecks: Rule = {
  id: 'harvester-skipchecks',
  title: 'Harvester production installs must not skip the hardware checks (install.skipchecks)',
  severity: 'warning',
  platforms: ['harvester'],
  fixable: true,
  appliesTo: (document) => document.kind.type === 'harvester-config',
  check({ file, document, options }): RuleReport[] {
    // Labs and test machines are what skipchecks is for.
    if (options.environment !== 'production') return [];
    const install = deref(harvesterInstall(document.doc.contents)?.value, document.doc);
    const pair = findPair(install, 'skipchecks', true);
    if (!pair || !isScalar(pair.value) || !isTrue(pair.value)) return [];
    const range = nodeRange(file, pair.value);
    const node = pair.value;
    if (!range || !node.range) return [];
    // `false` written plain is a boolean; a quoted "false" is coerced to false by the installer.
    const text = node.type === Scalar.QUOTE_DOUBLE ? '"false"' : node.type === Scalar.QUOTE_SINGLE ? "'false'" : 'false';
    const fix = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL ? undefined : edit(file, node.range[0], node.range[1], text);
    return [{
      message: 'install.skipchecks: true lets the installer go ahead on hardware that fails its checks (CPU cores, memory, KVM, NIC speed, disk and persistent-partition minimums), so in production a node below Harvester\'s requirements is installed with only a line in /var/log/console.log.',
      range,
      fixes: fix ? [{ title: 'Set skipchecks: false', edits: [fix], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'In automatic (PXE) installs, the installer aborts when a preflight check warns: fewer than 16 CPU cores or 64 GiB of memory ' +
      'for production (8 and 32 for testing), no `/dev/kvm`, a virtualized host, or a management NIC below 10 Gbps (1 Gbps for ' +
      'testing). `install.skipchecks: true` turns those warnings into log lines in `/var/log/console.log` and also skips the ' +
      'minimum sizes of the install disk, the data disk and the persistent partition. That is right for a lab, but a production ' +
      'single node has no second node to take over when an undersized one falls over. This rule runs only with ' +
      '`onenode.environment: production`.',
    fix: 'The quick-fix sets `skipchecks: false`. If the install then stops on a check, fix the hardware, or run OneNode\'s preflight to see which requirement the node misses.',
    sources: [SOURCES.harvesterInstallerPreflight, SOURCES.harvesterConfigDocs, SOURCES.harvesterRequirements],
    example: {
      bad: 'scheme_version: 1\ninstall:\n  mode: create\n  automatic: true\n  skipchecks: true\n',
      good: 'scheme_version: 1\ninstall:\n  mode: create\n  automatic: true\n  skipchecks: false\n',
    },
  },
};
