/** Ports the platform will listen on must be free: any TCP listener or bound UDP socket on them is a conflict. */
import type { PortRequirement } from '../../requirements/table';
import type { ListeningSocket } from '../types';
import { plural, type Check } from './context';

function range(port: string): [number, number] {
  const [low, high] = port.split('-').map(Number);
  return [low, high ?? low];
}

function protocols(requirement: PortRequirement): ('tcp' | 'udp')[] {
  return requirement.protocol === 'TCP/UDP' ? ['tcp', 'udp'] : [requirement.protocol === 'TCP' ? 'tcp' : 'udp'];
}

export function conflicts(requirements: readonly PortRequirement[], listening: readonly ListeningSocket[]): { requirement: PortRequirement; socket: ListeningSocket }[] {
  const found: { requirement: PortRequirement; socket: ListeningSocket }[] = [];
  for (const requirement of requirements) {
    if (requirement.mustBeFree === false) continue;
    const [low, high] = range(requirement.port);
    const wanted = protocols(requirement);
    for (const socket of listening) {
      if (wanted.includes(socket.protocol) && socket.port >= low && socket.port <= high) found.push({ requirement, socket });
    }
  }
  return found;
}

export const portsCheck: Check = ({ facts, req }) => {
  const checked = req.ports.filter((p) => p.mustBeFree !== false);
  if (checked.length === 0) {
    return { id: 'ports', title: 'Ports free', status: 'skip', measured: `${plural(facts.listening.length, 'listening socket')}`, required: `no port list for ${req.label} in the requirements table`, advice: '' };
  }
  const required = `free: ${checked.map((p) => `${p.port}/${p.protocol}`).join(', ')}`;
  const found = conflicts(req.ports, facts.listening);
  if (found.length === 0) return { id: 'ports', title: 'Ports free', status: 'pass', measured: `none of them in use (${plural(facts.listening.length, 'listening socket')} on the host)`, required, advice: '' };
  const measured = `in use: ${found.map(({ requirement, socket }) => `${socket.port}/${socket.protocol.toUpperCase()} on ${socket.address} (${requirement.use})`).join('; ')}`;
  const first = found[0].socket;
  return {
    id: 'ports',
    title: 'Ports free',
    status: 'fail',
    measured,
    required,
    advice: `Stop or move the services listening there; \`sudo ss -${first.protocol === 'tcp' ? 'lt' : 'lu'}np 'sport = :${first.port}'\` shows which process holds ${first.port}.`,
  };
};
