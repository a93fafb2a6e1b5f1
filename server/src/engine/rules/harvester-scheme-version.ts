/** A Harvester install config must declare scheme_version 1, the only version the installer accepts. */
import { isMap } from 'yaml';
import type { Fix, Rule, RuleReport } from '../types';
import { documentAnchor, findPair, hasTemplateExpression, keyRange, keyText, literalText, mapItems, nodeRange, scalarInt } from '../yaml-ast';
import { edit, lineStartOf, replaceScalar } from '../edits';
import { SOURCES } from '../sources';
import { harvesterInstall } from './harvester-install-mode';

/** The spelling that matches the file: camelCase when its keys are camelCase, else snake_case. */
function spelling(root: unknown): string {
  const keys = mapItems(root).map(keyText).filter((k): k is string => k !== undefined);
  if (keys.some((k) => k.includes('_'))) return 'scheme_version';
  return keys.some((k) => /^[a-z]+[A-Z]/.test(k)) ? 'schemeVersion' : 'scheme_version';
}

export const harvesterSchemeVersion: Rule = {
  id: 'harvester-scheme-version',
  title: 'Harvester install config must set scheme_version: 1',
  severity: 'error',
  platforms: ['harvester'],
  fixable: true,
  appliesTo: (document) => document.kind.type === 'harvester-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const pair = findPair(root, 'scheme_version', true);
    const written = pair ? literalText(file, pair.value) : undefined;
    if (pair && written !== undefined && written !== '') {
      if (scalarInt(pair.value) === 1 || hasTemplateExpression(written)) return [];
      const fix = replaceScalar(file, pair.value, 1);
      return [{
        message: `scheme_version ${written} is not 1, the only scheme version the installer knows, so it rejects the config ("Unsupported Harvester Scheme Version").`,
        range: nodeRange(file, pair.value) ?? keyRange(file, pair) ?? documentAnchor(file, root, document.start),
        fixes: fix ? [{ title: 'Set scheme_version: 1', edits: [fix], isPreferred: true }] : [],
      }];
    }
    // An OS-only fragment (merged into another config) does not need its own scheme version.
    if (!harvesterInstall(root)) return [];
    const fixes: Fix[] = [];
    if (pair) {
      const fix = replaceScalar(file, pair.value, 1);
      if (fix) fixes.push({ title: 'Set scheme_version: 1', edits: [fix], isPreferred: true });
    } else if (isMap(root) && !root.flow) {
      const first = mapItems(root)[0]?.key as { range?: [number, number, number] } | undefined;
      if (first?.range) {
        const at = lineStartOf(file, first.range[0]);
        const indent = ' '.repeat(first.range[0] - at);
        const key = spelling(root);
        fixes.push({ title: `Add ${key}: 1`, edits: [edit(file, at, at, `${indent}${key}: 1${file.eol}`)], isPreferred: true });
      }
    }
    return [{
      message: 'scheme_version is not set, so an automatic installation rejects the config ("Unsupported Harvester Scheme Version 0"): only the interactive installer fills it in.',
      range: (pair && keyRange(file, pair)) ?? documentAnchor(file, root, document.start),
      fixes,
    }];
  },
  docs: {
    why:
      'The installer\'s validator rejects any `scheme_version` other than 1 ("Unsupported Harvester Scheme Version"). The docs say ' +
      'the key "does not take effect", but the code enforces it; this rule follows the code. The interactive installer sets the ' +
      'version itself, but an automatic installation (PXE, `install.automatic: true` in the file or `harvester.install.automatic=true` ' +
      'on the kernel command line) takes it from the file, so a config written for an unattended single-node install without it ' +
      'never installs. Configs from before v1.1 have no `scheme_version` and use keys the installer no longer reads. OS-only ' +
      'fragments without an `install` section are checked only when they set a version.',
    fix: 'The quick-fix sets `scheme_version: 1`, or adds it as the first key (as `schemeVersion` when the file\'s keys are camelCase).',
    sources: [SOURCES.harvesterInstallerValidator, SOURCES.harvesterInstallerConfig, SOURCES.harvesterInstallerPanels, SOURCES.harvesterConfigDocs],
    example: {
      bad: 'token: my-cluster-token\ninstall:\n  mode: create\n',
      good: 'scheme_version: 1\ntoken: my-cluster-token\ninstall:\n  mode: create\n',
    },
  },
};
