/** Management NIC speed: the config's interfaces, else the fastest physical NIC with a link, against the platform's figure. */
import type { NicFacts } from '../types';
import { envLabel, type Check } from './context';

function describeNic(nic: NicFacts): string {
  const speed = nic.speedMbps === undefined ? 'speed not reported' : nic.speedMbps >= 1000 ? `${nic.speedMbps / 1000} Gb/s` : `${nic.speedMbps} Mb/s`;
  return `${nic.name} (${speed}, link ${nic.operstate}${nic.driver ? `, ${nic.driver}` : ''})`;
}

export const nicSpeedCheck: Check = ({ req, environment, managementNics }) => {
  const figure = req.minimum[environment].nicGbps;
  const required = figure === undefined ? `no speed stated by ${req.label}` : `${figure} Gb/s for ${envLabel(environment)} (${req.preflight.basis.nicGbps ?? req.label})`;
  const { nics, reason } = managementNics;
  if (nics.length === 0) return { id: 'nic-speed', title: 'NIC speed', status: figure === undefined ? 'skip' : 'fail', measured: reason, required, advice: 'Connect a network interface.' };
  const measured = `${nics.map(describeNic).join('; ')}, ${reason}`;
  if (figure === undefined) return { id: 'nic-speed', title: 'NIC speed', status: 'pass', measured, required, advice: '' };
  const slowest = Math.min(...nics.map((n) => n.speedMbps ?? Number.NaN));
  if (Number.isNaN(slowest)) {
    return {
      id: 'nic-speed',
      title: 'NIC speed',
      status: 'warn',
      measured,
      required,
      advice: 'The driver does not report a speed (virtual NICs and links that are down report none); check the link with `ethtool <nic>`.',
    };
  }
  if (slowest >= figure * 1000) return { id: 'nic-speed', title: 'NIC speed', status: 'pass', measured, required, advice: '' };
  return { id: 'nic-speed', title: 'NIC speed', status: 'fail', measured, required, advice: `Use a ${figure} Gb/s or faster NIC and switch port for the management network.` };
};
