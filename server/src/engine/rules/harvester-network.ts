/** The management network of a Harvester install config must pass the installer's checks. */
import type { ParsedFile, Range, Rule, RuleReport } from '../types';
import { deref, findPair, hasTemplateExpression, keyRange, literalText, nodeRange, scalarInt, seqItems, valueOrKeyRange, type MapPair } from '../yaml-ast';
import { parseIPv4 } from '../net';
import { SOURCES } from '../sources';
import { harvesterInstall } from './harvester-install-mode';

const KEY = 'install.management_interface';

/** Static addressing fields, with the name the installer's error message uses. */
const STATIC_FIELDS = [
  { key: 'ip', errorName: 'ip', hint: '' },
  { key: 'subnet_mask', errorName: 'subnetMask', hint: ' (write the mask as 255.255.255.0, not /24)' },
  { key: 'gateway', errorName: 'gateway', hint: '' },
] as const;

function text(file: ParsedFile, pair: MapPair | undefined): string | undefined {
  const value = pair ? literalText(file, pair.value) : undefined;
  return value === '' ? undefined : value;
}

export const harvesterNetwork: Rule = {
  id: 'harvester-network',
  title: 'Harvester management network settings must pass the installer\'s checks',
  severity: 'error',
  platforms: ['harvester'],
  fixable: false,
  appliesTo: (document) => document.kind.type === 'harvester-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const install = harvesterInstall(root);
    const miPair = findPair(deref(install?.value, document.doc), 'management_interface', true);
    const mi = deref(miPair?.value, document.doc);
    if (!miPair || !mi) return [];
    const reports: RuleReport[] = [];
    const methodPair = findPair(mi, 'method', true);
    // The installer lower-cases the method before validating it.
    const method = text(file, methodPair)?.toLowerCase();
    const anchor: Range = (methodPair && valueOrKeyRange(file, methodPair)) ?? keyRange(file, miPair) ?? valueOrKeyRange(file, miPair);

    if (methodPair && method !== undefined && method !== 'dhcp' && method !== 'static' && !hasTemplateExpression(method)) {
      reports.push({
        message: `${KEY}.method ${text(file, methodPair)} is neither dhcp nor static, so the installer rejects the config ("management network must configure with either static or DHCP method").`,
        range: valueOrKeyRange(file, methodPair),
      });
    }

    if (method === 'static') {
      for (const field of STATIC_FIELDS) {
        const pair = findPair(mi, field.key, true);
        const value = text(file, pair);
        if (value === undefined) {
          reports.push({
            message: `${KEY}.method is static but ${field.key} is not set, so the installer rejects the config ("must specify ${field.errorName} in static method").`,
            range: (pair && keyRange(file, pair)) ?? anchor,
          });
        } else if (pair && !hasTemplateExpression(value) && parseIPv4(value, { allowMapped: true }) === undefined) {
          reports.push({
            message: `${KEY}.${field.key} ${value} is not an IPv4 address, so the installer rejects the config${field.hint}.`,
            range: valueOrKeyRange(file, pair),
          });
        }
      }
      const dnsPair = findPair(deref(findPair(root, 'os', true)?.value, document.doc), 'dns_nameservers', true);
      const dns = deref(dnsPair?.value, document.doc);
      const hasDns = seqItems(dns).some((item) => (literalText(file, item) ?? '') !== '') || (literalText(file, dns) ?? '') !== '';
      if (!hasDns) {
        reports.push({
          message: `${KEY}.method is static but os.dns_nameservers is empty, so the installer rejects the config ("DNS servers are required for static IP address").`,
          range: (dnsPair && keyRange(file, dnsPair)) ?? anchor,
        });
      }
      // The installer checks the MTU on the static path only (checkMTU in checkNetworks).
      const mtuPair = findPair(mi, 'mtu', true);
      const mtu = scalarInt(mtuPair?.value);
      if (mtuPair && mtu !== undefined && mtu !== 0 && (mtu < 576 || mtu > 9000)) {
        reports.push({
          message: `${KEY}.mtu ${mtu} is outside 576–9000 (0 means the default, 1500), so the installer rejects the config ("${mtu} is not a valid MTU value").`,
          range: nodeRange(file, mtuPair.value) ?? valueOrKeyRange(file, mtuPair),
        });
      }
    }

    const vlanPair = findPair(mi, 'vlan_id', true);
    const vlan = scalarInt(vlanPair?.value);
    if (vlanPair && vlan !== undefined && (vlan < 0 || vlan > 4094)) {
      reports.push({
        message: `${KEY}.vlan_id ${vlan} is outside 0–4094 (0 means untagged), so the installer rejects the config.`,
        range: nodeRange(file, vlanPair.value) ?? valueOrKeyRange(file, vlanPair),
      });
    }
    return reports;
  },
  docs: {
    why:
      'The installer validates `install.management_interface` before it touches the disk, and a single node has no second NIC ' +
      'configuration to fall back on. Its `checkNetworks` rejects: a `method` other than `dhcp` or `static` (lower-cased first; the ' +
      'code knows `none` but rejects it here); with `method: static`, a missing `ip`, `subnet_mask` or `gateway`, or one that is not an ' +
      'IPv4 address (a mask written as `/24` is not), and an empty `os.dns_nameservers` ("DNS servers are required for static IP ' +
      'address"); a `vlan_id` outside 0–4094; and an `mtu` outside 576–9000 (0 is the default, 1500). The docs describe the MTU range ' +
      'without a condition, but the code checks it only with `method: static`, and so does this rule. Keys are matched in the ' +
      'camelCase, lower-case and snake_case spellings the installer accepts.',
    fix: 'Use `method: dhcp`, or give `ip`, `subnet_mask` (dotted, e.g. `255.255.255.0`) and `gateway` as IPv4 addresses plus at least one `os.dns_nameservers` entry. Keep `mtu` at 0/1500 (or up to 9000 for jumbo frames) and `vlan_id` in 0–4094.',
    sources: [SOURCES.harvesterInstallerValidator, SOURCES.harvesterConfigDocs, SOURCES.harvesterConfigDocsV17],
    example: {
      bad:
        'scheme_version: 1\ninstall:\n  mode: create\n  management_interface:\n    interfaces:\n      - name: eno1\n    method: static\n' +
        '    ip: 192.168.1.10/24\n    gateway: 192.168.1.1\n',
      good:
        'scheme_version: 1\nos:\n  dns_nameservers:\n    - 192.168.1.1\ninstall:\n  mode: create\n  management_interface:\n    interfaces:\n' +
        '      - name: eno1\n    method: static\n    ip: 192.168.1.10\n    subnet_mask: 255.255.255.0\n    gateway: 192.168.1.1\n',
    },
  },
};
