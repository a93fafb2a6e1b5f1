/** Kube-V's network ranges must not overlap, and the gateway must be inside the network. */
import type { Rule, RuleReport } from '../types';
import { deref, findPair, literalText, valueOrKeyRange, type MapPair } from '../yaml-ast';
import { cidrContains, cidrsOverlap, formatIPv4, parseCidr, parseIPv4 } from '../net';
import { SOURCES } from '../sources';
import { isKubeVCluster } from './kubev-control-plane-hosts';

export const kubevNetwork: Rule = {
  id: 'kubev-network',
  title: 'Kube-V networkCIDR and serviceCIDR must not overlap, and gatewayIP must be inside networkCIDR',
  severity: 'error',
  platforms: ['kubev'],
  fixable: false,
  appliesTo: isKubeVCluster,
  check({ file, document }): RuleReport[] {
    const net = deref(findPair(document.doc.contents, 'networkConfiguration')?.value, document.doc);
    const read = (key: string): { pair: MapPair; text: string } | undefined => {
      const pair = findPair(net, key);
      const text = pair ? literalText(file, deref(pair.value, document.doc))?.trim() : undefined;
      return pair && text ? { pair, text } : undefined;
    };
    const network = read('networkCIDR');
    const service = read('serviceCIDR');
    const gateway = read('gatewayIP');
    const networkCidr = network && parseCidr(network.text);
    const serviceCidr = service && parseCidr(service.text);
    const reports: RuleReport[] = [];
    // Only values written in the file are compared: the docs disagree on the defaults (10.244.0.0/16 or 10.18.0.0/16, 10.96.0.0/12 or 10.112.0.0/12).
    if (network && service && networkCidr && serviceCidr && cidrsOverlap(networkCidr, serviceCidr)) {
      reports.push({
        message: `serviceCIDR ${service.text} overlaps networkCIDR ${network.text}, so Service and network addresses collide and Kube-V rejects the network configuration.`,
        range: valueOrKeyRange(file, service.pair),
      });
    }
    const gatewayIp = gateway && parseIPv4(gateway.text);
    if (gateway && network && networkCidr && gatewayIp !== undefined && !cidrContains(networkCidr, gatewayIp)) {
      reports.push({
        message: `gatewayIP ${gateway.text} is outside networkCIDR ${network.text} (${formatIPv4(networkCidr.first)}–${formatIPv4(networkCidr.last)}), so Kube-V rejects the network configuration: the gateway must be an address of that network.`,
        range: valueOrKeyRange(file, gateway.pair),
      });
    }
    return reports;
  },
  docs: {
    why:
      'Kube-V\'s `networkConfiguration.serviceCIDR` must not overlap `networkCIDR`, and `gatewayIP` must be an address inside ' +
      '`networkCIDR`; the installer validates the whole file before it changes anything and rejects it otherwise. On a single node ' +
      'both ranges live on the same host, so an overlap also makes routing between VMs, pods and Services ambiguous. The rule compares ' +
      'only values written in the file: the configuration guide and the API reference give different defaults (`10.244.0.0/16` or ' +
      '`10.18.0.0/16` for `networkCIDR`, `10.96.0.0/12` or `10.112.0.0/12` for `serviceCIDR`). Overlap with the host\'s own network ' +
      'needs the host\'s addresses and is left to preflight.',
    fix: 'Pick ranges that do not overlap each other or the host network, for example `networkCIDR: 10.244.0.0/16` and `serviceCIDR: 10.96.0.0/12`, and a `gatewayIP` inside `networkCIDR`.',
    sources: [SOURCES.kubevConfigGuide, SOURCES.kubevApiReference],
    example: {
      bad:
        'apiVersion: virtualization.k8c.io/v1alpha1\nkind: KubeVCluster\nnetworkConfiguration:\n  networkCIDR: 10.96.0.0/16\n' +
        '  serviceCIDR: 10.96.0.0/12\n  gatewayIP: 10.244.0.1\n',
      good:
        'apiVersion: virtualization.k8c.io/v1alpha1\nkind: KubeVCluster\nnetworkConfiguration:\n  networkCIDR: 10.244.0.0/16\n' +
        '  serviceCIDR: 10.96.0.0/12\n  gatewayIP: 10.244.0.1\n',
    },
  },
};
