/** Memory: MemTotal from /proc/meminfo, and installed memory from `dmidecode -t 19` as Harvester's installer sums it. */
import type { CommandResult, HostFacts } from '../types';

const UNITS: Record<string, number> = { bytes: 1, kB: 1024, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

export function parseMemTotal(meminfo: string | null): number | undefined {
  const match = /^MemTotal:\s+(\d+)\s*kB/m.exec(meminfo ?? '');
  return match ? Number(match[1]) * 1024 : undefined;
}

/** Sums every "Range Size: N unit" of the memory array mapped addresses (type 19), as the installer does. */
export function parseDmidecodeMemory(result: CommandResult | undefined): number | undefined {
  if (!result || result.code !== 0) return undefined;
  let total = 0;
  let found = false;
  for (const match of result.stdout.matchAll(/^\s*Range Size:\s*(\d+)\s*(bytes|kB|KB|MB|GB|TB)\s*$/gm)) {
    total += Number(match[1]) * UNITS[match[2]];
    found = true;
  }
  return found && total > 0 ? total : undefined;
}

export function parseMemory(meminfo: string | null, dmidecode: CommandResult | undefined): HostFacts['memory'] {
  const memTotalBytes = parseMemTotal(meminfo);
  const installedBytes = parseDmidecodeMemory(dmidecode);
  return { ...(memTotalBytes !== undefined ? { memTotalBytes } : {}), ...(installedBytes !== undefined ? { installedBytes } : {}) };
}
