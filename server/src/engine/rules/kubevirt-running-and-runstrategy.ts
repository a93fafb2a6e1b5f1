/** spec.running is deprecated in KubeVirt VirtualMachines, and rejected together with spec.runStrategy. */
import { isScalar } from 'yaml';
import type { Rule, RuleReport, TextEdit } from '../types';
import { deref, findPair, keyRange, literalText, nodeRange, pairLines } from '../yaml-ast';
import { edit } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

export const kubevirtRunningAndRunstrategy: Rule = {
  id: 'kubevirt-running-and-runstrategy',
  title: 'VirtualMachine must use spec.runStrategy, not the deprecated spec.running',
  severity: 'warning',
  platforms: ['harvester', 'kubev', 'kubernetes', 'openshift'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'kubevirt.io', ['VirtualMachine']),
  check({ file, document }): RuleReport[] {
    const spec = deref(findPair(document.doc.contents, 'spec')?.value, document.doc);
    const running = findPair(spec, 'running');
    if (!running || !isScalar(running.value) || running.value.value === null) return [];
    const runStrategy = findPair(spec, 'runStrategy');
    const key = keyRange(file, running);
    if (!key) return [];
    const range = { start: key.start, end: (nodeRange(file, running.value) ?? key).end };
    const value = running.value.value;
    const setStrategy = runStrategy ? literalText(file, deref(runStrategy.value, document.doc)) : undefined;
    if (runStrategy && setStrategy) {
      const lines = pairLines(file, running);
      return [{
        message: `spec.running and spec.runStrategy ${setStrategy} are both set, but they are mutually exclusive, so the API server rejects this VirtualMachine.`,
        range,
        severity: 'error',
        fixes: lines ? [{ title: 'Remove spec.running (keep runStrategy)', edits: [edit(file, lines.start, lines.end, '')], isPreferred: true }] : [],
      }];
    }
    const strategy = value === true ? 'Always' : value === false ? 'Halted' : undefined;
    const valueEnd = (running.value as { range?: [number, number, number] }).range?.[1];
    const keyStart = (running.key as { range?: [number, number, number] }).range?.[0];
    // An empty `runStrategy:` key is unset, but renaming running would duplicate it: no fix then.
    const fixes: TextEdit[] = strategy && !runStrategy && valueEnd !== undefined && keyStart !== undefined ? [edit(file, keyStart, valueEnd, `runStrategy: ${strategy}`)] : [];
    return [{
      message: `spec.running is deprecated in favour of spec.runStrategy, and KubeVirt warns on every apply of this VirtualMachine; runStrategy ${strategy ?? 'Always or Halted'} says the same thing.`,
      range,
      fixes: fixes.length > 0 ? [{ title: `Replace with runStrategy: ${strategy}`, edits: fixes, isPreferred: true }] : [],
    }];
  },
  docs: {
    why:
      'KubeVirt VirtualMachines say whether they run with `spec.runStrategy` (`Always`, `RerunOnFailure`, `Manual`, `Halted`, ' +
      '`Once`). The older boolean `spec.running` is deprecated: the admission webhook answers every create and update that uses ' +
      'it with the warning "spec.running is deprecated, please use spec.runStrategy instead". The two fields are mutually ' +
      'exclusive, and a VirtualMachine that sets both is rejected. `running: true` is `runStrategy: Always` and `running: false` ' +
      'is `runStrategy: Halted`. On a single node the run strategy also decides what a VM does after the node is drained or ' +
      'rebooted for maintenance, so it is worth stating explicitly. Setting both is an error (the API server rejects it); `running` ' +
      'alone is a warning.',
    fix: 'The quick-fix replaces `running: true` with `runStrategy: Always` and `running: false` with `runStrategy: Halted`; when both are set, it removes `running` and keeps `runStrategy`.',
    sources: [SOURCES.kubevirtVmsAdmitter, SOURCES.kubevirtRunStrategies],
    example: {
      bad: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vm\nspec:\n  running: true\n',
      good: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata:\n  name: vm\nspec:\n  runStrategy: Always\n',
    },
  },
};
