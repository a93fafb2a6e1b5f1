/** The Harvester cluster token must be set and use only the characters the installer accepts. */
import type { Rule, RuleReport } from '../types';
import { deref, documentAnchor, findPair, keyRange, literalText, nodeRange } from '../yaml-ast';
import { SOURCES } from '../sources';
import { harvesterInstall, harvesterMode } from './harvester-install-mode';

/**
 * validTokenChars in the installer's validator.go: ASCII letters, digits, space and the OWASP
 * password specials. Together those are exactly the printable ASCII characters, U+0020 to U+007E.
 */
const VALID_TOKEN_CHAR = /^[\x20-\x7e]$/;

export const harvesterToken: Rule = {
  id: 'harvester-token',
  title: 'Harvester install config must set a token the installer accepts',
  severity: 'error',
  platforms: ['harvester'],
  fixable: false,
  appliesTo: (document) => document.kind.type === 'harvester-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const install = harvesterInstall(root);
    // An OS-only fragment does not install anything; `install` (binaries only) and `upgrade` do not need a token.
    if (!install) return [];
    const mode = harvesterMode(file, root)?.value;
    if (mode === 'install' || mode === 'upgrade') return [];
    const pair = findPair(root, 'token', true);
    const token = pair ? literalText(file, deref(pair.value, document.doc)) : undefined;
    if (!pair || token === undefined || token === '') {
      return [{
        message: 'token is not set, so an automatic installation rejects the config ("token not specified"): the cluster token is required to create or join a cluster.',
        range: (pair && keyRange(file, pair)) ?? documentAnchor(file, root, document.start),
      }];
    }
    // The message says how many characters are wrong, never which: findings reach logs, SARIF
    // reports and screenshots, and the token is a cluster secret.
    const count = [...token].filter((c) => !VALID_TOKEN_CHAR.test(c)).length;
    if (count === 0) return [];
    return [{
      message: `token contains ${count} character${count === 1 ? '' : 's'} outside what the installer accepts (ASCII letters, digits, spaces and the OWASP password special characters), so it rejects the config ("Invalid token").`,
      range: nodeRange(file, pair.value) ?? keyRange(file, pair) ?? documentAnchor(file, root, document.start),
    }];
  },
  docs: {
    why:
      'The installer requires `token` for every mode except `install` (binaries only) and `upgrade`: it is the secret that ' +
      'the cluster\'s nodes share (a cluster secret, or a `K10…::node:…` node token). Its validator rejects a missing token ' +
      '("token not specified") and any token with a character outside `validTokenChars`: ASCII letters, digits, space and the OWASP ' +
      'password specials, which together are exactly the printable ASCII characters. Non-ASCII letters, tabs and the line break a ' +
      '`|` block scalar adds at the end are rejected. The interactive installer asks for the token; an automatic (PXE) installation ' +
      'takes it from this file. Configs without an `install` section (OS-only fragments) are not checked.',
    fix: 'Set `token:` to a string of printable ASCII characters (quote it if it contains `#`, `: ` or starts with a special character), and keep it secret: anyone with it can join a node to the cluster.',
    sources: [SOURCES.harvesterInstallerValidator, SOURCES.harvesterConfigDocs],
    example: {
      bad: 'scheme_version: 1\ntoken: clé-secrète\ninstall:\n  mode: create\n',
      good: 'scheme_version: 1\ntoken: cle-secrete\ninstall:\n  mode: create\n',
    },
  },
};
