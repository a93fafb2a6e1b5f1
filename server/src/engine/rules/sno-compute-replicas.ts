/** With one control-plane replica, the compute pools must explicitly ask for zero workers. */
import { isMap, isSeq } from 'yaml';
import type { ParsedFile, Rule, RuleReport, TextEdit } from '../types';
import { findPair, getIn, keyRange, mapItems, nodeRange, scalarInt, scalarString, seqItems, documentAnchor, type MapPair } from '../yaml-ast';
import { edit, insertIntoMap, lineStartOf, replaceScalar } from '../edits';
import { SOURCES } from '../sources';

const TAIL =
  'with controlPlane.replicas: 1 the agent-based installer requires the compute replicas to be set to 0 explicitly, and only with zero workers is the single node schedulable for workloads.';

/** Text of a new `compute:` block with one worker pool of 0 replicas, at the root keys' column. */
function computeBlock(file: ParsedFile, column: number): string {
  const pad = ' '.repeat(column);
  const eol = file.eol;
  return `${pad}compute:${eol}${pad}- name: worker${eol}${pad}${' '.repeat(file.indentUnit)}replicas: 0${eol}`;
}

/** Adds a compute section just above `controlPlane:` (where the installer's own output puts it). */
function addCompute(file: ParsedFile, controlPlane: MapPair): TextEdit | undefined {
  const key = controlPlane.key as { range?: [number, number, number] | null };
  if (!key.range) return undefined;
  const lineStart = lineStartOf(file, key.range[0]);
  if (!/^ *$/.test(file.text.slice(lineStart, key.range[0]))) return undefined;
  return edit(file, lineStart, lineStart, computeBlock(file, key.range[0] - lineStart));
}

export const snoComputeReplicas: Rule = {
  id: 'sno-compute-replicas',
  title: 'install-config must set compute replicas to 0 for single-node OpenShift',
  severity: 'error',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => document.kind.type === 'install-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const controlPlane = findPair(root, 'controlPlane');
    if (scalarInt(getIn(root, ['controlPlane', 'replicas'])) !== 1 || !controlPlane) return [];
    const compute = findPair(root, 'compute');
    const pools = seqItems(compute?.value);

    if (!compute || pools.length === 0) {
      // Missing (or empty) compute: the installer adds one `worker` pool with its default count.
      let fix: TextEdit | undefined;
      if (!compute) fix = addCompute(file, controlPlane);
      else if (isSeq(compute.value) && compute.value.flow && compute.value.range) {
        fix = edit(file, compute.value.range[0], compute.value.range[1], '[{ name: worker, replicas: 0 }]');
      }
      return [{
        message: `compute is ${compute ? 'empty' : 'not set'}, so the installer adds a worker pool with its default count (3 on most platforms), but ${TAIL}`,
        range: (compute && keyRange(file, compute)) ?? keyRange(file, controlPlane) ?? documentAnchor(file, root, document.start),
        fixes: fix ? [{ title: 'Add a worker pool with replicas: 0', edits: [fix], isPreferred: true }] : [],
      }];
    }

    const reports: RuleReport[] = [];
    pools.forEach((pool, i) => {
      if (!isMap(pool)) return;
      const name = scalarString(getIn(pool, ['name']));
      const label = name ? `compute pool "${name}"` : `compute[${i}]`;
      const replicas = findPair(pool, 'replicas');
      if (!replicas) {
        // The AWS `edge` pool defaults to 0 replicas.
        if (name === 'edge') return;
        const fix = insertIntoMap(file, pool, ['replicas'], '0');
        const first = mapItems(pool)[0];
        reports.push({
          message: `${label} has no replicas, so the installer falls back to its default worker count (3 on most platforms), but ${TAIL}`,
          range: (first && keyRange(file, first)) ?? nodeRange(file, pool) ?? documentAnchor(file, root, document.start),
          fixes: fix ? [{ title: 'Add replicas: 0', edits: [fix], isPreferred: true }] : [],
        });
        return;
      }
      const count = scalarInt(replicas.value);
      // A template placeholder or other non-number is not ours to judge.
      if (count === undefined || count === 0) return;
      const fix = replaceScalar(file, replicas.value, 0);
      reports.push({
        message: `${label} has replicas: ${count}, ${count === 1 ? 'a worker node' : `${count} worker nodes`} next to the single control-plane node, but ${TAIL}`,
        range: nodeRange(file, replicas.value) ?? keyRange(file, replicas) ?? documentAnchor(file, root, document.start),
        fixes: fix ? [{ title: 'Set replicas: 0', edits: [fix], isPreferred: true }] : [],
      });
    });
    return reports;
  },
  docs: {
    why:
      'A single-node OpenShift cluster is one control-plane node and zero workers; zero workers is also what makes the control-plane ' +
      'node schedulable for ordinary workloads. With `controlPlane.replicas: 1`, the agent-based installer rejects any total of ' +
      '`compute[].replicas` other than 0 ("Total number of compute replicas must be 0 when controlPlane.replicas is 1 for platform none ' +
      'or external"), and it also rejects a compute pool whose `replicas` is left out ("Installing a Single Node Openshift requires ' +
      'explicitly setting compute replicas to zero"): without the field, or without a `compute` section at all, the installer falls ' +
      'back to its default worker count (3 on most platforms; on baremetal, the number of non-master hosts).',
    fix:
      'The quick-fix sets `replicas: 0` on each compute pool that asks for workers or leaves the count out, and adds ' +
      '`compute: [{name: worker, replicas: 0}]` above `controlPlane` when the section is missing. Templated counts (`{{ workers }}`) are not checked.',
    sources: [SOURCES.installerAgentInstallConfig, SOURCES.installerDefaults, SOURCES.snoInstallDocs],
    example: {
      bad: 'apiVersion: v1\nbaseDomain: example.com\ncompute:\n- name: worker\n  replicas: 1\ncontrolPlane:\n  name: master\n  replicas: 1\nplatform:\n  none: {}\n',
      good: 'apiVersion: v1\nbaseDomain: example.com\ncompute:\n- name: worker\n  replicas: 0\ncontrolPlane:\n  name: master\n  replicas: 1\nplatform:\n  none: {}\n',
    },
  },
};
