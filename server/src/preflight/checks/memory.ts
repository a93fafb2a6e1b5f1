/**
 * Memory: installed memory from dmidecode when it could be read (root), else /proc/meminfo's
 * MemTotal judged with the installer's tolerance (MemTotal under-reports what is installed).
 */
import { envLabel, gib, type Check } from './context';

export const memoryCheck: Check = ({ facts, req, environment }) => {
  const needed = req.minimum[environment].memoryGiB;
  const { factor, withinTolerance } = req.preflight.memInfoTolerance;
  const required = `${needed} GiB for ${envLabel(environment)} (${req.preflight.basis.memoryGiB})`;
  const advice = `Give the host at least ${needed} GiB of memory.`;
  const { installedBytes, memTotalBytes } = facts.memory;
  if (installedBytes !== undefined) {
    const measured = `${gib(installedBytes)} installed (dmidecode -t 19)`;
    const ok = installedBytes / 2 ** 30 >= needed;
    return { id: 'memory', title: 'Memory', status: ok ? 'pass' : 'fail', measured, required, advice: ok ? '' : advice };
  }
  if (memTotalBytes === undefined) {
    return { id: 'memory', title: 'Memory', status: 'skip', measured: 'could not be read (no MemTotal in /proc/meminfo)', required, advice: 'Check the memory with `free -g` on the host.' };
  }
  const total = memTotalBytes / 2 ** 30;
  const accepted = needed * factor;
  const measured = `${gib(memTotalBytes)} (MemTotal in /proc/meminfo, which leaves out memory reserved by firmware and kernel)`;
  if (withinTolerance === 'pass') {
    // Harvester's MemoryCheck compares whole GiB of MemTotal with minimum x 0.9.
    const ok = Math.floor(total) >= accepted;
    return {
      id: 'memory',
      title: 'Memory',
      status: ok ? 'pass' : 'fail',
      measured,
      required: `${required}; MemTotal of ${accepted.toFixed(1)} GiB or more passes`,
      advice: ok ? '' : advice,
    };
  }
  if (total >= needed) return { id: 'memory', title: 'Memory', status: 'pass', measured, required, advice: '' };
  if (total >= accepted) {
    return {
      id: 'memory',
      title: 'Memory',
      status: 'warn',
      measured,
      required,
      advice: `MemTotal is within ${Math.round((1 - factor) * 100)} % of ${needed} GiB, which is what firmware and the kernel usually hold back; confirm the installed memory with \`sudo dmidecode -t 19\` (run preflight as root to read it).`,
    };
  }
  return { id: 'memory', title: 'Memory', status: 'fail', measured, required, advice };
};
