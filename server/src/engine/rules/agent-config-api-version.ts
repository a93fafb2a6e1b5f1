/** agent-config.yaml is versioned with a bare `v1beta1` (or the older `v1alpha1`), not an API group. */
import { isScalar } from 'yaml';
import type { ParsedFile, Rule, RuleReport, TextEdit } from '../types';
import { findPair, keyRange, mapItems, nodeRange, scalarString, documentAnchor, type MapPair } from '../yaml-ast';
import { edit, lineStartOf, rangeIsEmpty, replaceScalar } from '../edits';
import { SOURCES } from '../sources';

const ACCEPTED = new Set(['v1beta1', 'v1alpha1']);
const CURRENT = 'v1beta1';

/** Inserts `apiVersion: v1beta1` on its own line above the document's first key. */
function addApiVersion(file: ParsedFile, first: MapPair | undefined): TextEdit | undefined {
  const key = (first?.key as { range?: [number, number, number] | null } | undefined)?.range;
  if (!key) return undefined;
  const lineStart = lineStartOf(file, key[0]);
  const indent = file.text.slice(lineStart, key[0]);
  if (!/^ *$/.test(indent)) return undefined;
  return edit(file, lineStart, lineStart, `${indent}apiVersion: ${CURRENT}${file.eol}`);
}

export const agentConfigApiVersion: Rule = {
  id: 'agent-config-api-version',
  title: 'agent-config.yaml apiVersion must be v1beta1',
  severity: 'error',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => document.kind.type === 'agent-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const pair = findPair(root, 'apiVersion');
    const tail = 'agent-config.yaml takes the bare version v1beta1 (v1alpha1 is still accepted and converted).';
    if (!pair || pair.value == null || (isScalar(pair.value) && (pair.value.value === null || pair.value.value === ''))) {
      const fix = pair ? replaceScalar(file, pair.value, CURRENT) : addApiVersion(file, mapItems(root)[0]);
      const kind = findPair(root, 'kind');
      return [{
        message: `apiVersion is ${pair ? 'empty' : 'not set'}, so the agent-based installer stops with "no version was provided"; ${tail}`,
        range: (pair && keyRange(file, pair)) ?? (kind && keyRange(file, kind)) ?? documentAnchor(file, root, document.start),
        fixes: fix ? [{ title: `${pair ? 'Set' : 'Add'} apiVersion: ${CURRENT}`, edits: [fix], isPreferred: true }] : [],
      }];
    }
    const value = scalarString(pair.value);
    if (value !== undefined && ACCEPTED.has(value)) return [];
    const what = value?.startsWith('agent-install.openshift.io/')
      ? `apiVersion ${value} is the API group of the assisted-service CRDs (InfraEnv, Agent, NMStateConfig), not of agent-config.yaml`
      : `apiVersion ${value ?? 'here'} is not a version of agent-config.yaml`;
    const why = `${what}, so the agent-based installer cannot convert it and stops before the node is booted`;
    const range = nodeRange(file, pair.value);
    const fix = replaceScalar(file, pair.value, CURRENT);
    return [{
      message: `${why}; ${tail}`,
      range: range && !rangeIsEmpty(range) ? range : keyRange(file, pair) ?? documentAnchor(file, root, document.start),
      fixes: fix ? [{ title: `Set apiVersion: ${CURRENT}`, edits: [fix], isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'agent-config.yaml is not a Kubernetes object: its `apiVersion` is the bare string `v1beta1` (`AgentConfigVersion`), and the older ' +
      '`v1alpha1` is still accepted and up-converted. An empty apiVersion stops the agent-based installer with "no version was provided", ' +
      'and any other value, notably `agent-install.openshift.io/v1beta1` (the API group of the assisted-service CRDs such as InfraEnv ' +
      'and NMStateConfig), cannot be up-converted, so `openshift-install agent create image` fails before the single node is ever booted.',
    fix: 'The quick-fix sets `apiVersion: v1beta1`, adding it above the first key when it is missing.',
    sources: [SOURCES.installerAgentConfigType, SOURCES.installerAgentConfigConversion],
    example: {
      bad: 'apiVersion: agent-install.openshift.io/v1beta1\nkind: AgentConfig\nmetadata:\n  name: sno\nrendezvousIP: 192.168.111.20\n',
      good: 'apiVersion: v1beta1\nkind: AgentConfig\nmetadata:\n  name: sno\nrendezvousIP: 192.168.111.20\n',
    },
  },
};
