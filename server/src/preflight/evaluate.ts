/** Evaluation: host facts against one platform's row of the requirements table, for one environment. Pure. */
import type { Environment, Platform } from '../engine/types';
import { requirementsFor } from '../requirements/table';
import { bootModeCheck } from './checks/boot';
import { configInstallDeviceCheck, configManagementInterfaceCheck } from './checks/config';
import type { Check, CheckContext } from './checks/context';
import { cpuCoresCheck } from './checks/cpu';
import { installDiskSizeCheck, installDiskTypeCheck, requiredDiskBytes } from './checks/disk';
import { dnsCheck } from './checks/dns';
import { diskLatencyCheck } from './checks/latency';
import { memoryCheck } from './checks/memory';
import { nicSpeedCheck } from './checks/nic';
import { portsCheck } from './checks/ports';
import { kvmCheck, virtualizedHostCheck } from './checks/virtualization';
import { chooseInstallDisk, chooseManagementNics } from './choose';
import type { CheckResult, ConfigExpectations, DiskLatency, Evaluation, HostFacts, Summary } from './types';

const CHECKS: readonly Check[] = [
  cpuCoresCheck,
  memoryCheck,
  installDiskSizeCheck,
  installDiskTypeCheck,
  nicSpeedCheck,
  kvmCheck,
  virtualizedHostCheck,
  portsCheck,
  bootModeCheck,
  dnsCheck,
  diskLatencyCheck,
];
const CONFIG_CHECKS: readonly Check[] = [configInstallDeviceCheck, configManagementInterfaceCheck];

export interface EvaluateOptions {
  platform: Platform;
  environment: Environment;
  config?: ConfigExpectations;
  diskLatency?: DiskLatency | { path: string; error: string };
}

export function summarize(checks: readonly CheckResult[]): Summary {
  const count = (status: CheckResult['status']) => checks.filter((c) => c.status === status).length;
  return { pass: count('pass'), warn: count('warn'), fail: count('fail'), skip: count('skip') };
}

export function verdictOf(summary: Summary): 'pass' | 'warn' | 'fail' {
  return summary.fail > 0 ? 'fail' : summary.warn > 0 ? 'warn' : 'pass';
}

export function evaluate(facts: HostFacts, options: EvaluateOptions): Evaluation {
  const req = requirementsFor(options.platform);
  const partial = { facts, req, environment: options.environment, config: options.config, diskLatency: options.diskLatency };
  const minimumBytes = requiredDiskBytes({ ...partial, installDisk: { disk: undefined, reason: '' }, managementNics: { nics: [], reason: '' } })?.bytes;
  const ctx: CheckContext = {
    ...partial,
    installDisk: chooseInstallDisk(facts, options.config, minimumBytes),
    managementNics: chooseManagementNics(facts, options.config),
  };
  const checks = [...CHECKS, ...(options.config ? CONFIG_CHECKS : [])].map((check) => check(ctx));
  const summary = summarize(checks);
  return { platform: options.platform, platformLabel: req.label, environment: options.environment, verdict: verdictOf(summary), summary, checks };
}
