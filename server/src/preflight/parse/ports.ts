/**
 * Listening sockets from /proc/net/{tcp,tcp6,udp,udp6}: TCP in state LISTEN (0A), UDP bound and
 * unconnected (07). Reading these needs no privileges, unlike `ss -p`.
 */
import type { ListeningSocket, RawSnapshot } from '../types';

const TCP_LISTEN = '0A';
const UDP_UNCONNECTED = '07';

function decodeAddress(hex: string): string {
  if (hex.length === 8) {
    // IPv4, little-endian on every architecture Linux runs these platforms on.
    const bytes = hex.match(/../g)?.map((b) => Number.parseInt(b, 16)).reverse() ?? [];
    return bytes.join('.');
  }
  if (hex.length === 32) {
    const words = hex.match(/.{8}/g) ?? [];
    const groups = words.flatMap((word) => {
      const bytes = word.match(/../g)?.reverse().join('') ?? '';
      return [bytes.slice(0, 4), bytes.slice(4, 8)];
    });
    return compressIpv6(groups.map((g) => Number.parseInt(g, 16).toString(16)));
  }
  return hex;
}

/** RFC 5952: the longest run of two or more zero groups becomes `::`. */
function compressIpv6(groups: string[]): string {
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  if (best.length < 2) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

export function parseSocketTable(text: string | null, protocol: 'tcp' | 'udp'): ListeningSocket[] {
  const sockets: ListeningSocket[] = [];
  for (const line of (text ?? '').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    const [address, portHex] = fields[1].split(':');
    const state = fields[3];
    if (state !== (protocol === 'tcp' ? TCP_LISTEN : UDP_UNCONNECTED)) continue;
    sockets.push({ protocol, address: decodeAddress(address), port: Number.parseInt(portHex, 16) });
  }
  return sockets;
}

export function parseListening(snapshot: RawSnapshot): ListeningSocket[] {
  const all = [
    ...parseSocketTable(snapshot.files['/proc/net/tcp'] ?? null, 'tcp'),
    ...parseSocketTable(snapshot.files['/proc/net/tcp6'] ?? null, 'tcp'),
    ...parseSocketTable(snapshot.files['/proc/net/udp'] ?? null, 'udp'),
    ...parseSocketTable(snapshot.files['/proc/net/udp6'] ?? null, 'udp'),
  ];
  const seen = new Set<string>();
  return all
    .filter((s) => {
      const key = `${s.protocol}/${s.address}/${s.port}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
}
