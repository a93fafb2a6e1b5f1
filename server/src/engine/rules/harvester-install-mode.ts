/** A single-node Harvester install must create a cluster: not join one, not upgrade one. */
import type { ParsedFile, Rule, RuleReport, TextEdit } from '../types';
import { findPair, hasTemplateExpression, keyRange, literalText, nodeRange, pairLines, type MapPair } from '../yaml-ast';
import { edit, replaceScalar } from '../edits';
import { SOURCES } from '../sources';

/** The installer's modes (pkg/config/constants.go). */
export const HARVESTER_MODES = ['create', 'join', 'install', 'upgrade'] as const;

/** The `install` section of a Harvester config, by any of the installer's key spellings. */
export function harvesterInstall(root: unknown): MapPair | undefined {
  return findPair(root, 'install', true);
}

/** `install.mode` as written (the installer compares it exactly), or undefined when missing or empty. */
export function harvesterMode(file: ParsedFile, root: unknown): { pair: MapPair; value: string } | undefined {
  const pair = findPair(harvesterInstall(root)?.value, 'mode', true);
  const value = pair ? literalText(file, pair.value) : undefined;
  return pair && value ? { pair, value } : undefined;
}

/** Deletes the `server_url` line(s), when the pair has its lines to itself. */
function removeServerUrl(file: ParsedFile, serverUrl: MapPair | undefined): TextEdit[] {
  if (!serverUrl) return [];
  const lines = pairLines(file, serverUrl);
  return lines ? [edit(file, lines.start, lines.end, '')] : [];
}

export const harvesterInstallMode: Rule = {
  id: 'harvester-install-mode',
  title: 'Harvester install config must create the cluster (install.mode: create, no server_url)',
  severity: 'error',
  platforms: ['harvester'],
  fixable: true,
  appliesTo: (document) => document.kind.type === 'harvester-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const mode = harvesterMode(file, root);
    const serverUrl = findPair(root, 'server_url', true);
    const serverUrlText = serverUrl ? literalText(file, serverUrl.value) : undefined;
    if (!mode || hasTemplateExpression(mode.value) || (serverUrlText && hasTemplateExpression(serverUrlText) && mode.value === 'create')) return [];
    const range = nodeRange(file, mode.pair.value) ?? keyRange(file, mode.pair);
    if (!range) return [];
    const removeUrl = removeServerUrl(file, serverUrlText ? serverUrl : undefined);
    const toCreate = (): TextEdit[] => {
      const set = replaceScalar(file, mode.pair.value, 'create');
      return set ? [set, ...removeUrl] : [];
    };
    const createFix = (edits: TextEdit[], title: string) => (edits.length > 0 ? [{ title, edits, isPreferred: true }] : []);
    const withUrl = removeUrl.length > 0 ? ' and remove server_url' : '';

    if (mode.value === 'create') {
      if (!serverUrl || !serverUrlText) return [];
      const edits = removeServerUrl(file, serverUrl);
      return [{
        message: `server_url ${serverUrlText} is set with install.mode create, and the installer rejects it ("ServerURL need to be empty in create mode"): a single-node cluster is created on this node, not joined to another.`,
        range: nodeRange(file, serverUrl.value) ?? keyRange(file, serverUrl) ?? range,
        fixes: createFix(edits, 'Remove server_url'),
      }];
    }
    if (mode.value === 'join') {
      return [{
        message: 'install.mode join makes this node join an existing cluster at server_url, but on a single node there is no other cluster to join, so the node never becomes a working cluster.',
        range,
        // The installer accepts it; it is only wrong for a single-node cluster.
        severity: 'warning',
        fixes: createFix(toCreate(), `Use install.mode: create${withUrl}`),
      }];
    }
    if (mode.value === 'upgrade') {
      return [{
        message: 'install.mode upgrade only upgrades a Harvester installation already on this disk and skips every other check, so it never creates the single-node cluster.',
        range,
        severity: 'warning',
        fixes: createFix(toCreate(), `Use install.mode: create${withUrl}`),
      }];
    }
    if (mode.value === 'install') return [];
    return [{
      message: `install.mode ${mode.value} is not one of create, join, install or upgrade, so the installer rejects the config ("unknown mode"); a single node needs create.`,
      range,
      fixes: createFix(toCreate(), `Use install.mode: create${withUrl}`),
    }];
  },
  docs: {
    why:
      'On a single node the installer must **create** the cluster. `install.mode: join` adds the node to an existing cluster at ' +
      '`server_url`; with no other node there is nothing to join, and the node keeps waiting for a server that does not exist. ' +
      '`install.mode: upgrade` (offered only when Harvester is already installed on the disk) upgrades that installation and skips ' +
      'the other checks; it never creates a cluster. The installer compares the mode exactly and rejects anything that is not ' +
      '`create`, `join`, `install` or `upgrade` ("unknown mode"); with `create` it also rejects a non-empty `server_url` ' +
      '("ServerURL need to be empty in create mode"). The docs list only `create` and `join`; the code also accepts `install` ' +
      '(binaries only, the cluster is created later from the console, not reported) and `upgrade`. A config without `install.mode` ' +
      'is not reported: the mode can come from the kernel command line (`harvester.install.mode=create`) or the interactive installer.',
    fix: 'The quick-fix sets `install.mode: create` and deletes the `server_url` line, or, with `mode: create`, deletes `server_url`. The token of a join config can stay: it becomes the new cluster\'s token. A create config also needs `install.vip` and `install.vip_mode`.',
    sources: [SOURCES.harvesterInstallerValidator, SOURCES.harvesterInstallerConfig, SOURCES.harvesterConfigDocs, SOURCES.harvesterSingleNode],
    example: {
      bad: 'scheme_version: 1\nserver_url: https://192.168.1.50:443\ntoken: my-cluster-token\ninstall:\n  mode: join\n',
      good: 'scheme_version: 1\ntoken: my-cluster-token\ninstall:\n  mode: create\n',
    },
  },
};
