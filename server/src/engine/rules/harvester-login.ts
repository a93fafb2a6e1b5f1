/** A Harvester node needs an SSH key or a password: otherwise nobody can log in to it. */
import { isSeq } from 'yaml';
import type { ParsedFile, Rule, RuleReport } from '../types';
import { deref, documentAnchor, findPair, keyRange, literalText, seqItems } from '../yaml-ast';
import { SOURCES } from '../sources';
import { harvesterInstall, harvesterMode } from './harvester-install-mode';

/** Whether a value gives at least one SSH key: a non-empty list, or a single string (coerced to a one-item list). */
function hasKeys(file: ParsedFile, node: unknown): boolean {
  if (isSeq(node)) return seqItems(node).some((item) => (literalText(file, item) ?? '') !== '');
  return (literalText(file, node) ?? '') !== '';
}

export const harvesterLogin: Rule = {
  id: 'harvester-login',
  title: 'Harvester install config must set an SSH key or a password',
  severity: 'error',
  platforms: ['harvester'],
  fixable: false,
  appliesTo: (document) => document.kind.type === 'harvester-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    if (!harvesterInstall(root)) return [];
    if (harvesterMode(file, root)?.value === 'upgrade') return [];
    const os = findPair(root, 'os', true);
    const osMap = deref(os?.value, document.doc);
    // `ssh_authorized_key` is the installer's singular alias of `ssh_authorized_keys`.
    const keys = findPair(osMap, 'ssh_authorized_keys', true) ?? findPair(osMap, 'ssh_authorized_key', true);
    const password = findPair(osMap, 'password', true);
    if (keys && hasKeys(file, deref(keys.value, document.doc))) return [];
    if (password && (literalText(file, deref(password.value, document.doc)) ?? '') !== '') return [];
    return [{
      message: 'Neither os.ssh_authorized_keys nor os.password is set, so an automatic installation rejects the config ("no SSH authorized keys or passwords are set"), and there would be no way to log in to the node.',
      range: (os && keyRange(file, os)) ?? documentAnchor(file, root, document.start),
    }];
  },
  docs: {
    why:
      'The installer\'s validator rejects a config with neither `os.ssh_authorized_keys` nor `os.password` ("no SSH authorized keys ' +
      'or passwords are set"): they are the only way to log in to the node as user `rancher`, over SSH or on the console. On a single ' +
      'node there is no other node to reach it from. The interactive installer asks for a password; an automatic (PXE) installation ' +
      'takes them from this file. The installer accepts the camelCase and snake_case spellings, the singular `ssh_authorized_key`, and ' +
      'a single key written as a string. Configs without an `install` section (OS-only fragments) are not checked.',
    fix: 'Add `os.ssh_authorized_keys` (a list of public keys; `github:<user>` fetches a GitHub user\'s keys) or `os.password` (clear text or a crypt hash from `openssl passwd -6`).',
    sources: [SOURCES.harvesterInstallerValidator, SOURCES.harvesterConfigDocs],
    example: {
      bad: 'scheme_version: 1\ntoken: my-cluster-token\nos:\n  hostname: edge-01\ninstall:\n  mode: create\n',
      good: 'scheme_version: 1\ntoken: my-cluster-token\nos:\n  hostname: edge-01\n  ssh_authorized_keys:\n    - github:edge-admin\ninstall:\n  mode: create\n',
    },
  },
};
