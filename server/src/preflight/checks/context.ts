/** What every check reads: the facts, the platform's row of the requirements table, and the chosen disk and NICs. */
import type { Environment } from '../../engine/types';
import type { PlatformRequirements } from '../../requirements/table';
import type { CheckResult, ConfigExpectations, DiskFacts, DiskLatency, HostFacts, NicFacts } from '../types';

export interface CheckContext {
  facts: HostFacts;
  req: PlatformRequirements;
  environment: Environment;
  config?: ConfigExpectations;
  diskLatency?: DiskLatency | { path: string; error: string };
  /** The disk judged as the install disk, and why it was chosen. */
  installDisk: { disk: DiskFacts | undefined; reason: string };
  /** The management NICs judged for speed, and why. */
  managementNics: { nics: NicFacts[]; reason: string };
}

export type Check = (ctx: CheckContext) => CheckResult;

export function envLabel(environment: Environment): string {
  return environment === 'test' ? 'test' : 'production';
}

export function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

export function gb(bytes: number): string {
  return `${(bytes / 1e9).toFixed(1)} GB`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
