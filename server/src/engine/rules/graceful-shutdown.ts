/** Without a shutdown grace period the kubelet does not stop pods gracefully when the single node reboots. */
import { isMap, isScalar } from 'yaml';
import type { Rule, RuleReport, TextEdit } from '../types';
import { findPair, keyRange, nodeRange, scalarOf, scalarString, documentAnchor, walkExisting, type MapPair } from '../yaml-ast';
import { edit, insertIntoMap, insertPath, insertUnderEmptyPair, rangeIsEmpty, replaceScalar } from '../edits';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

const TOTAL = 'shutdownGracePeriod';
const CRITICAL = 'shutdownGracePeriodCriticalPods';
const SUGGESTED_TOTAL = '30s';
const SUGGESTED_CRITICAL = '10s';

const UNIT_NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/**
 * Parses a Go duration (`time.ParseDuration`, which metav1.Duration uses): "30s", "1m30s", "1.5h",
 * "0". Returns nanoseconds, or undefined when the text is not a duration (the kubelet rejects it).
 */
export function parseGoDuration(text: string): number | undefined {
  let s = text.trim();
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  const part = /^(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  let total = 0;
  while (s.length > 0) {
    const m = part.exec(s);
    if (!m) return undefined;
    total += Number.parseFloat(m[1]) * UNIT_NS[m[2]];
    s = s.slice(m[0].length);
  }
  return sign * total;
}

function isNullValue(pair: MapPair): boolean {
  return pair.value == null || (isScalar(pair.value) && pair.value.value === null);
}

interface Setting {
  pair: MapPair | undefined;
  /** Nanoseconds; 0 when unset. undefined when set to something that is not a duration. */
  ns: number | undefined;
}

function setting(kubeletConfig: unknown, key: string): Setting {
  const pair = findPair(kubeletConfig, key);
  if (!pair || isNullValue(pair)) return { pair, ns: 0 };
  const scalar = scalarOf(pair.value);
  // metav1.Duration decodes only from a JSON string; a bare number is a decoding error, not a duration.
  if (!scalar || typeof scalar.value !== 'string') return { pair, ns: undefined };
  return { pair, ns: parseGoDuration(scalar.value) };
}

/** Sets both grace periods in `kubeletConfig`, adding what is missing in one edit per place. */
function enableEdits(file: Parameters<typeof edit>[0], root: unknown, total: Setting, critical: Setting): TextEdit[] | undefined {
  const walk = walkExisting(root, ['spec', 'kubeletConfig']);
  const kubeletConfig = walk.missing.length === 0 ? walk.pair?.value : undefined;
  if (!isMap(kubeletConfig)) {
    const entries: [string, string][] = [[TOTAL, SUGGESTED_TOTAL], [CRITICAL, SUGGESTED_CRITICAL]];
    // `kubeletConfig:` with no value gets the entries under it; a missing one is added with them.
    const whole = walk.missing.length === 0 ? walk.pair && insertUnderEmptyPair(file, walk.pair, [], entries) : insertPath(file, walk, entries);
    return whole ? [whole] : undefined;
  }
  const edits: TextEdit[] = [];
  const missing: [string, string][] = [];
  for (const [s, key, value] of [[total, TOTAL, SUGGESTED_TOTAL], [critical, CRITICAL, SUGGESTED_CRITICAL]] as const) {
    if (s.pair) {
      const e = replaceScalar(file, s.pair.value, value);
      if (!e) return undefined;
      edits.push(e);
    } else missing.push([key, value]);
  }
  if (missing.length > 0) {
    if (kubeletConfig.flow && kubeletConfig.items.length === 0) {
      const range = kubeletConfig.range;
      if (!range) return undefined;
      edits.push(edit(file, range[0], range[1], `{ ${missing.map(([k, v]) => `${k}: ${v}`).join(', ')} }`));
    } else {
      const inserts = missing.map(([k, v]) => insertIntoMap(file, kubeletConfig, [k], v));
      if (inserts.some((e) => !e)) return undefined;
      // Both keys go after the mapping's last entry: one edit with both texts, in order.
      const first = inserts[0] as TextEdit;
      edits.push({ range: first.range, newText: inserts.map((e) => (e as TextEdit).newText).join('') });
    }
  }
  return edits;
}

export const gracefulShutdown: Rule = {
  id: 'graceful-shutdown',
  title: 'KubeletConfig should enable graceful node shutdown on a single node',
  severity: 'info',
  platforms: ['openshift'],
  fixable: true,
  appliesTo: (document) => isKind(document, 'machineconfiguration.openshift.io', ['KubeletConfig']),
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const spec = findPair(root, 'spec');
    const kubeletConfigPair = findPair(spec?.value, 'kubeletConfig');
    const kubeletConfig = kubeletConfigPair?.value;
    const total = setting(kubeletConfig, TOTAL);
    const critical = setting(kubeletConfig, CRITICAL);
    // A value that is not a duration is the kubelet's own error to report; don't guess around it.
    if (total.ns === undefined || critical.ns === undefined) return [];

    if (critical.ns > 0 && critical.ns >= total.ns) {
      const pair = critical.pair as MapPair;
      const range = nodeRange(file, pair.value);
      const totalText = total.pair ? scalarString(total.pair.value) ?? '' : 'unset';
      const over = critical.ns > total.ns;
      return [{
        message: over
          ? `${CRITICAL}: ${scalarString(pair.value)} is longer than ${TOTAL} (${totalText}), so the kubelet rejects its configuration ("must be <= shutdownGracePeriod") and, on a single node, fails to start after the reboot that applies it.`
          : `${CRITICAL}: ${scalarString(pair.value)} is all of ${TOTAL} (${totalText}), so ordinary pods get no time at all to stop when the single node shuts down.`,
        range: range && !rangeIsEmpty(range) ? range : keyRange(file, pair) ?? documentAnchor(file, root, document.start),
        // The kubelet refuses this configuration: an error, unlike the informational default case.
        ...(over ? { severity: 'error' as const } : {}),
        data: { critical: true },
      }];
    }
    if (total.ns > 0) return [];

    const totalRange = total.pair && nodeRange(file, total.pair.value);
    const anchorPair = total.pair ?? kubeletConfigPair ?? spec;
    const anchor = totalRange && !rangeIsEmpty(totalRange) ? totalRange : anchorPair && keyRange(file, anchorPair);
    const edits = enableEdits(file, root, total, critical);
    return [{
      message:
        `${TOTAL} is ${total.pair && !isNullValue(total.pair) ? 'zero' : 'not set'}, so graceful node shutdown is off and, when the single node reboots (for example ` +
        'to apply a MachineConfig, which is never preceded by a drain on single-node OpenShift), its pods are stopped without their normal termination.',
      range: anchor && !rangeIsEmpty(anchor) ? anchor : documentAnchor(file, root, document.start),
      fixes: edits
        ? [{ title: `Enable graceful shutdown (${TOTAL}: ${SUGGESTED_TOTAL}, ${CRITICAL}: ${SUGGESTED_CRITICAL})`, edits, isPreferred: true }]
        : [],
    }];
  },
  docs: {
    why:
      'The kubelet\'s graceful node shutdown delays an OS shutdown or reboot (through a systemd-logind inhibitor lock) and stops pods ' +
      'in two phases: ordinary pods first, then critical ones (priority ≥ 2000000000 on OpenShift). It is configured with ' +
      '`shutdownGracePeriod` (the total) and `shutdownGracePeriodCriticalPods` (the part kept for critical pods), and both default to ' +
      '0, which leaves the feature off; OpenShift sets them only for the two-node DualReplica topology. A single-node cluster is never ' +
      'drained before the Machine Config Operator reboots it (there is nowhere to move pods), and MCO\'s own comment points such ' +
      'clusters at graceful node shutdown instead, so without it every MachineConfig reboot cuts pods off without their preStop hooks ' +
      'and termination grace period. This is information: it fires on every KubeletConfig that leaves the feature off.\n\n' +
      'The kubelet rejects a configuration whose `shutdownGracePeriodCriticalPods` is longer than `shutdownGracePeriod`, so a ' +
      'KubeletConfig like that keeps the kubelet from starting after the reboot that applies it; equal values leave ordinary pods ' +
      'no time at all. Both cases are reported by this rule too: the first as an error (unless `onenode.rules` sets this rule\'s ' +
      'severity), the second as information.',
    fix:
      'The quick-fix sets `shutdownGracePeriod: 30s` and `shutdownGracePeriodCriticalPods: 10s` (20 s for ordinary pods, then 10 s for ' +
      'critical ones). Choose values that fit your slowest workload, keep the critical part smaller than the total, and make sure ' +
      'the KubeletConfig selects the master pool. Applying it reboots the node. Shutdowns that bypass logind (`reboot -f`, power loss) ' +
      'are never graceful.',
    sources: [SOURCES.k8sNodeShutdown, SOURCES.okdGracefulShutdown, SOURCES.kubeletConfigValidation, SOURCES.mcoDrain, SOURCES.mcoKubeletTemplate],
    example: {
      bad: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: KubeletConfig\nmetadata:\n  name: set-max-pods\nspec:\n  machineConfigPoolSelector:\n    matchLabels:\n      pools.operator.machineconfiguration.openshift.io/master: ""\n  kubeletConfig:\n    maxPods: 300\n',
      good: 'apiVersion: machineconfiguration.openshift.io/v1\nkind: KubeletConfig\nmetadata:\n  name: set-max-pods\nspec:\n  machineConfigPoolSelector:\n    matchLabels:\n      pools.operator.machineconfiguration.openshift.io/master: ""\n  kubeletConfig:\n    maxPods: 300\n    shutdownGracePeriod: 30s\n    shutdownGracePeriodCriticalPods: 10s\n',
    },
  },
};
