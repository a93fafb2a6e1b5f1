/**
 * Small, pure IPv4 and MAC address helpers for rules that check network settings. They follow
 * Go's `net` package, which the installers use: `net.ParseIP(...).To4()` for addresses,
 * `net.ParseCIDR` for ranges and `net.ParseMAC` for hardware addresses.
 */

/** An IPv4 address as an unsigned 32-bit number. */
export type IPv4 = number;

export interface Cidr {
  /** The network address (host bits cleared). */
  network: IPv4;
  prefix: number;
  /** First and last address of the range, inclusive. */
  first: IPv4;
  last: IPv4;
}

const OCTET = /^(0|[1-9]\d{0,2})$/;

/**
 * Parses a dotted-quad IPv4 address. Like Go (since 1.17) it rejects octets with leading zeros,
 * which older parsers read as octal. With `allowMapped`, the IPv4-mapped IPv6 form
 * `::ffff:a.b.c.d` is accepted too, as Go's `ParseIP(s).To4()` does.
 */
export function parseIPv4(text: string, options: { allowMapped?: boolean } = {}): IPv4 | undefined {
  let s = text.trim();
  if (options.allowMapped && /^::ffff:/i.test(s)) s = s.slice(7);
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

export function formatIPv4(ip: IPv4): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(ip / 2 ** shift) % 256).join('.');
}

/** Parses `a.b.c.d/n` (0 ≤ n ≤ 32). Host bits may be set, as Go's ParseCIDR allows; the range is the network's. */
export function parseCidr(text: string): Cidr | undefined {
  const match = /^\s*([^/\s]+)\/(\d{1,2})\s*$/.exec(text);
  if (!match) return undefined;
  const ip = parseIPv4(match[1]);
  const prefix = Number(match[2]);
  if (ip === undefined || prefix > 32 || (match[2].length > 1 && match[2].startsWith('0'))) return undefined;
  const size = 2 ** (32 - prefix);
  const network = Math.floor(ip / size) * size;
  return { network, prefix, first: network, last: network + size - 1 };
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIPv4(cidr.network)}/${cidr.prefix}`;
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.first <= b.last && b.first <= a.last;
}

export function cidrContains(cidr: Cidr, ip: IPv4): boolean {
  return ip >= cidr.first && ip <= cidr.last;
}

/**
 * Whether Go's `net.ParseMAC` accepts the text: 6, 8 or 20 groups of two hex digits separated
 * by `:` or `-` (one separator throughout), or groups of four hex digits separated by `.`.
 */
export function isMacAddress(text: string): boolean {
  const s = text;
  if (s.length < 14) return false;
  const counts = [6, 8, 20];
  if (s[2] === ':' || s[2] === '-') {
    if ((s.length + 1) % 3 !== 0) return false;
    const groups = s.split(s[2]);
    return counts.includes(groups.length) && groups.every((g) => /^[0-9a-fA-F]{2}$/.test(g));
  }
  if (s[4] === '.') {
    if ((s.length + 1) % 5 !== 0) return false;
    const groups = s.split('.');
    return counts.includes(groups.length * 2) && groups.every((g) => /^[0-9a-fA-F]{4}$/.test(g));
  }
  return false;
}
