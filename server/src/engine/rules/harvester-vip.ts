/** The VIP of a new Harvester cluster must be an IPv4 address the installer accepts, or be leased over DHCP on purpose. */
import type { Rule, RuleReport } from '../types';
import { deref, findPair, hasTemplateExpression, keyRange, literalText, valueOrKeyRange, type MapPair } from '../yaml-ast';
import { isMacAddress, parseIPv4 } from '../net';
import { SOURCES } from '../sources';
import { harvesterInstall, harvesterMode } from './harvester-install-mode';

export const harvesterVip: Rule = {
  id: 'harvester-vip',
  title: 'Harvester install config must give the cluster a valid VIP',
  severity: 'error',
  platforms: ['harvester'],
  fixable: false,
  appliesTo: (document) => document.kind.type === 'harvester-config',
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const install = harvesterInstall(root);
    if (!install) return [];
    // The installer checks the VIP only when it creates the cluster; a config without a mode gets one later.
    const mode = harvesterMode(file, root)?.value;
    if (mode !== undefined && mode !== 'create') return [];
    const map = deref(install.value, document.doc);
    const read = (key: string): { pair: MapPair; value: string } | undefined => {
      const pair = findPair(map, key, true);
      const value = pair ? literalText(file, deref(pair.value, document.doc)) : undefined;
      return pair && value ? { pair, value } : undefined;
    };
    const vip = read('vip');
    const vipMode = read('vip_mode');
    const hwAddr = read('vip_hw_addr');
    // A template (`vip: ${vip}`) is filled in before the installer sees it.
    if ([vip, vipMode, hwAddr].some((v) => v && hasTemplateExpression(v.value))) return [];
    // The installer lower-cases vip_mode before validating it.
    const modeValue = vipMode?.value.toLowerCase();
    const reports: RuleReport[] = [];

    if (vipMode && modeValue !== 'static' && modeValue !== 'dhcp' && modeValue !== 'none') {
      reports.push({
        message: `install.vip_mode ${vipMode.value} is neither static nor dhcp, so the installer rejects the config ("unknown vip mode").`,
        range: valueOrKeyRange(file, vipMode.pair),
      });
    }
    if (modeValue === 'dhcp') {
      if (vip && !hwAddr) {
        reports.push({
          message: `install.vip_mode is dhcp without install.vip_hw_addr, so the installer ignores vip ${vip.value} and leases a new address over DHCP, and the cluster's UI and API end up on an address this file does not show.`,
          range: valueOrKeyRange(file, vip.pair),
        });
        return reports;
      }
      if (vip && hwAddr && !isMacAddress(hwAddr.value)) {
        reports.push({
          message: `install.vip_hw_addr ${hwAddr.value} is not a MAC address, so with vip_mode dhcp the installer rejects the config.`,
          range: valueOrKeyRange(file, hwAddr.pair),
        });
      }
      // With no vip the installer leases one over DHCP before it validates anything.
      if (!vip) return reports;
    }
    if (vip && parseIPv4(vip.value, { allowMapped: true }) === undefined) {
      reports.push({
        message: `install.vip ${vip.value} is not an IPv4 address, so the installer rejects the config; the VIP is the address of the cluster's UI and API.`,
        range: valueOrKeyRange(file, vip.pair),
      });
    }
    if (!vip && vipMode && modeValue === 'static') {
      const vipPair = findPair(map, 'vip', true);
      reports.push({
        message: 'install.vip_mode is static but install.vip is not set, so the installer rejects the config: a new cluster needs the IPv4 address of its UI and API.',
        range: (vipPair && keyRange(file, vipPair)) ?? valueOrKeyRange(file, vipMode.pair),
      });
    }
    return reports;
  },
  docs: {
    why:
      'When it creates a cluster, the installer validates the VIP, the address the Harvester UI and the Kubernetes API answer on ' +
      '(`checkVip`): `install.vip` must be an IPv4 address, `install.vip_mode` must be `static` or `dhcp` (lower-cased first; the ' +
      'code also accepts `none`), and with `dhcp`, `install.vip_hw_addr` must be a MAC address. The docs call `vip_hw_addr` ' +
      'mandatory with `dhcp`; the code (`needToGetVIPFromDHCP`) instead requests a new VIP over DHCP, and takes the VIP and MAC ' +
      'address from that lease, whenever `vip` or `vip_hw_addr` is empty. This rule follows the code: `dhcp` without either key is fine, but `dhcp` with a `vip` and no ' +
      '`vip_hw_addr` is reported, because the `vip` written in the file is silently replaced by the leased one. Join configs are not ' +
      'checked: a joining node uses the cluster\'s VIP. The interactive installer asks for a missing VIP, so a missing `vip` is only ' +
      'reported with `vip_mode: static`.',
    fix: 'Use `vip_mode: static` with a free IPv4 address in the management subnet as `vip`, or `vip_mode: dhcp` with both `vip` and the `vip_hw_addr` your DHCP server reserves that address for (or neither, to take whatever the DHCP server leases).',
    sources: [SOURCES.harvesterInstallerValidator, SOURCES.harvesterInstallerUtil, SOURCES.harvesterInstallerPanels, SOURCES.harvesterConfigDocs],
    example: {
      bad: 'scheme_version: 1\ninstall:\n  mode: create\n  vip: 10.10.0.19\n  vip_mode: dhcp\n',
      good: 'scheme_version: 1\ninstall:\n  mode: create\n  vip: 10.10.0.19\n  vip_mode: dhcp\n  vip_hw_addr: 52:54:00:ec:0e:0b\n',
    },
  },
};
