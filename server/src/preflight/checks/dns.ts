/** Name resolution: a nameserver in /etc/resolv.conf, and the host's own name resolving (getent ahosts). */
import type { Check } from './context';

function isLoopback(address: string): boolean {
  return address.startsWith('127.') || address === '::1';
}

export const dnsCheck: Check = ({ facts }) => {
  const { nameservers, hostnameResolves, addresses } = facts.dns;
  const name = facts.hostname ?? '(no hostname)';
  const servers = nameservers.length > 0 ? `nameservers ${nameservers.join(', ')}` : 'no nameserver in /etc/resolv.conf';
  const resolution =
    hostnameResolves === true ? `${name} resolves to ${addresses.join(', ')}` : hostnameResolves === false ? `${name} does not resolve` : `could not run getent for ${name}`;
  const measured = `${servers}; ${resolution}`;
  const required = 'a nameserver, and the host name resolving (the node registers and is reached by name)';
  if (nameservers.length === 0) return { id: 'dns', title: 'DNS', status: 'warn', measured, required, advice: 'Configure a DNS server (DHCP or /etc/resolv.conf): installs pull images and resolve the cluster names.' };
  if (hostnameResolves === false) return { id: 'dns', title: 'DNS', status: 'warn', measured, required, advice: `Add a DNS record (or an /etc/hosts entry) for ${name}.` };
  // Kubernetes takes the node's address from its name; a name that resolves only to loopback gives the node 127.x.
  if (hostnameResolves === true && addresses.length > 0 && addresses.every(isLoopback)) {
    return { id: 'dns', title: 'DNS', status: 'warn', measured, required: `${required}, to an address other nodes and clients can reach`, advice: `${name} resolves only to loopback: point it at the host's LAN address in DNS or /etc/hosts.` };
  }
  return { id: 'dns', title: 'DNS', status: 'pass', measured, required, advice: '' };
};
