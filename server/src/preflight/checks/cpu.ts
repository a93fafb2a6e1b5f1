/** CPU cores: logical CPUs (nproc --all) against the platform's minimum; OpenShift counts vCPUs the same way (threads x cores x sockets). */
import { envLabel, plural, type Check } from './context';

export const cpuCoresCheck: Check = ({ facts, req, environment }) => {
  const needed = req.minimum[environment].cpuCores;
  const required = `${plural(needed, 'core')} for ${envLabel(environment)} (${req.preflight.basis.cpuCores})`;
  const { logical, physicalCores } = facts.cpu;
  if (logical === undefined) {
    return { id: 'cpu-cores', title: 'CPU cores', status: 'skip', measured: 'could not be counted (no nproc output, no processors in /proc/cpuinfo)', required, advice: 'Count the cores on the host with `nproc --all`.' };
  }
  const physical = physicalCores !== undefined && physicalCores !== logical ? `, ${plural(physicalCores, 'physical core')}` : '';
  const measured = `${plural(logical, 'logical CPU')} (nproc --all${physical})`;
  if (logical >= needed) return { id: 'cpu-cores', title: 'CPU cores', status: 'pass', measured, required, advice: '' };
  return {
    id: 'cpu-cores',
    title: 'CPU cores',
    status: 'fail',
    measured,
    required,
    advice: `${req.label} needs ${needed - logical} more: use a machine with at least ${plural(needed, 'core')}${environment === 'test' ? '' : ' for production'}, or give the VM more vCPUs.`,
  };
};
