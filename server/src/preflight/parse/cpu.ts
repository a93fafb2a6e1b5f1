/** CPU facts: logical CPUs (`nproc --all`, else /proc/cpuinfo), physical cores, model, and the vmx/svm flag. */
import type { CommandResult, HostFacts } from '../types';

export function parseCpu(cpuinfo: string | null, nproc: CommandResult | undefined): HostFacts['cpu'] {
  const text = cpuinfo ?? '';
  const processors = text.split(/\n\s*\n/).filter((block) => /^processor\s*:/m.test(block));
  const nprocCount = nproc?.code === 0 ? Number.parseInt(nproc.stdout.trim(), 10) : NaN;
  const logical = Number.isInteger(nprocCount) && nprocCount > 0 ? nprocCount : processors.length > 0 ? processors.length : undefined;

  const field = (block: string, name: string): string | undefined => new RegExp(`^${name}\\s*:\\s*(.*)$`, 'm').exec(block)?.[1]?.trim();
  const cores = new Set<string>();
  for (const block of processors) {
    const physical = field(block, 'physical id');
    const core = field(block, 'core id');
    if (physical !== undefined && core !== undefined) cores.add(`${physical}/${core}`);
  }
  const first = processors[0] ?? text;
  const flags = ` ${field(first, 'flags') ?? field(first, 'Features') ?? ''} `;
  const virtualizationFlag = flags.includes(' vmx ') ? 'vmx' : flags.includes(' svm ') ? 'svm' : undefined;
  return {
    logical,
    ...(cores.size > 0 ? { physicalCores: cores.size } : {}),
    ...(field(first, 'model name') ? { model: field(first, 'model name') } : {}),
    ...(virtualizationFlag ? { virtualizationFlag } : {}),
  };
}

/** The `hypervisor` CPU flag: set by every common hypervisor for its guests. */
export function hasHypervisorFlag(cpuinfo: string | null): boolean {
  return / hypervisor( |$)/m.test(/^flags\s*:(.*)$/m.exec(cpuinfo ?? '')?.[1] ?? '');
}
