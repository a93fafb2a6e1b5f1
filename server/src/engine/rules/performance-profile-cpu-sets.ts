/** PerformanceProfile reserved and isolated CPUs are required, non-empty and disjoint. */
import { isScalar } from 'yaml';
import type { Range, Rule, RuleReport } from '../types';
import { findPair, keyRange, nodeRange, scalarString, documentAnchor, type MapPair } from '../yaml-ast';
import { rangeIsEmpty } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';
import { cpuSetSize, formatCpuList, intersectCpuSets, parseCpuList, type CpuSet } from '../cpuset';

/** The CPU sets of `spec.cpu` that must not share a CPU, in the order they are compared. */
const SETS = ['reserved', 'isolated', 'shared', 'offlined'] as const;
const REQUIRED = ['reserved', 'isolated'] as const;

interface ParsedSet {
  name: string;
  pair: MapPair;
  text: string;
  /** undefined when the value is not a CPU list (a placeholder such as `$isolated`): it is skipped. */
  cpus: CpuSet | undefined;
}

function valueRange(file: Parameters<typeof nodeRange>[0], pair: MapPair): Range | undefined {
  const range = nodeRange(file, pair.value);
  return range && !rangeIsEmpty(range) ? range : keyRange(file, pair);
}

function isNull(node: unknown): boolean {
  return node == null || (isScalar(node) && node.value === null);
}

export const performanceProfileCpuSets: Rule = {
  id: 'performance-profile-cpu-sets',
  title: 'PerformanceProfile reserved and isolated CPUs must be set and must not overlap',
  severity: 'error',
  platforms: ['openshift'],
  fixable: false,
  appliesTo: (document) => isKind(document, 'performance.openshift.io', ['PerformanceProfile']),
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const spec = findPair(root, 'spec');
    if (!spec) return [];
    const rejected = 'so the performance profile webhook rejects the profile and none of its tuning reaches the node.';
    const cpu = findPair(spec.value, 'cpu');
    if (!cpu || isNull(cpu.value)) {
      return [{
        message: `spec.cpu ${cpu ? 'is empty' : 'is not set'}, but reserved and isolated CPUs are required, ${rejected}`,
        range: keyRange(file, cpu ?? spec) ?? documentAnchor(file, root, document.start),
      }];
    }
    const reports: RuleReport[] = [];
    const parsed: ParsedSet[] = [];
    for (const name of SETS) {
      const pair = findPair(cpu.value, name);
      const required = (REQUIRED as readonly string[]).includes(name);
      if (!pair) {
        if (required) {
          reports.push({ message: `spec.cpu.${name} is not set, but ${name} CPUs are required, ${rejected}`, range: keyRange(file, cpu) ?? documentAnchor(file, root, document.start) });
        }
        continue;
      }
      const text = isNull(pair.value) ? '' : scalarString(pair.value);
      // A mapping or list here is a type error the API server reports itself.
      if (text === undefined) continue;
      if (required && text.trim() === '') {
        const range = valueRange(file, pair);
        if (range) reports.push({ message: `spec.cpu.${name} is empty, but ${name} CPUs are required, ${rejected}`, range });
        continue;
      }
      parsed.push({ name, pair, text, cpus: parseCpuList(text) });
    }
    for (let i = 0; i < parsed.length; i++) {
      for (let j = i + 1; j < parsed.length; j++) {
        const a = parsed[i];
        const b = parsed[j];
        if (!a.cpus || !b.cpus) continue;
        const both = intersectCpuSets(a.cpus, b.cpus);
        if (both.length === 0) continue;
        const range = valueRange(file, b.pair);
        if (!range) continue;
        reports.push({
          message: `spec.cpu.${a.name} (${a.text}) and spec.cpu.${b.name} (${b.text}) share ${cpuSetSize(both) === 1 ? 'CPU' : 'CPUs'} ${formatCpuList(both)}, ${rejected}`,
          range,
          data: { overlap: formatCpuList(both) },
        });
      }
    }
    return reports.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
  },
  docs: {
    why:
      'The PerformanceProfile validating webhook requires `spec.cpu.reserved` (the CPUs for housekeeping: the kubelet, CRI-O, system ' +
      'daemons, interrupts) and `spec.cpu.isolated` (the CPUs for latency-sensitive workloads), both non-empty, and rejects a profile ' +
      'where reserved, isolated, shared and offlined CPUs overlap. A rejected profile produces no MachineConfig, KubeletConfig or Tuned ' +
      'profile, so the node gets no CPU isolation at all. On a single node this split is also what keeps the control plane responsive ' +
      'next to pinned workloads, so the two sets should normally cover all CPUs between them.\n\n' +
      'CPU lists use the Linux format (`0-3,8,10-11`). Values that are not CPU lists, such as the `$reserved` / `$isolated` ' +
      'placeholders of ZTP templates, are skipped rather than guessed at.',
    fix: 'Give `reserved` and `isolated` disjoint, non-empty CPU lists, normally covering every CPU of the node (for example `reserved: 0-1` and `isolated: 2-31`). There is no quick-fix: the right split depends on the hardware.',
    sources: [SOURCES.ntoPerformanceProfileValidation, SOURCES.ntoPerformanceProfileTypes, SOURCES.ranDuPerformanceProfile],
    example: {
      bad: 'apiVersion: performance.openshift.io/v2\nkind: PerformanceProfile\nmetadata:\n  name: sno\nspec:\n  cpu:\n    reserved: 0-3\n    isolated: 2-15\n  nodeSelector:\n    node-role.kubernetes.io/master: ""\n',
      good: 'apiVersion: performance.openshift.io/v2\nkind: PerformanceProfile\nmetadata:\n  name: sno\nspec:\n  cpu:\n    reserved: 0-1\n    isolated: 2-15\n  nodeSelector:\n    node-role.kubernetes.io/master: ""\n',
    },
  },
};
