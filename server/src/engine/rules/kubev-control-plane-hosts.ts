/** A single-node Kube-V cluster has exactly one control-plane host and no static workers. */
import { isSeq } from 'yaml';
import type { ParsedDocument, Rule, RuleReport } from '../types';
import { deref, documentAnchor, findPair, keyRange, seqItems } from '../yaml-ast';
import { isKind } from '../kinds';
import { SOURCES } from '../sources';

/** A Kubermatic Virtualization cluster file (virtualization.k8c.io, kind KubeVCluster). */
export function isKubeVCluster(document: ParsedDocument): boolean {
  return isKind(document, 'virtualization.k8c.io', ['KubeVCluster']);
}

/** The host entries of `controlPlane.hosts` or `staticWorkers.hosts` (undefined when the key is missing or not a list). */
export function kubevHosts(document: ParsedDocument, section: 'controlPlane' | 'staticWorkers'): unknown[] | undefined {
  const hosts = deref(findPair(deref(findPair(document.doc.contents, section)?.value, document.doc), 'hosts')?.value, document.doc);
  return isSeq(hosts) ? seqItems(hosts).filter((h) => h != null) : undefined;
}

export const kubevControlPlaneHosts: Rule = {
  id: 'kubev-control-plane-hosts',
  title: 'Kube-V single-node cluster must list exactly one control-plane host and no workers',
  severity: 'warning',
  platforms: ['kubev'],
  fixable: false,
  appliesTo: isKubeVCluster,
  check({ file, document }): RuleReport[] {
    const root = document.doc.contents;
    const reports: RuleReport[] = [];
    const controlPlane = findPair(root, 'controlPlane');
    const hostsPair = findPair(deref(controlPlane?.value, document.doc), 'hosts');
    const hosts = kubevHosts(document, 'controlPlane') ?? [];
    const anchor = (hostsPair && keyRange(file, hostsPair)) ?? (controlPlane && keyRange(file, controlPlane)) ?? documentAnchor(file, root, document.start);
    if (hosts.length === 0) {
      reports.push({
        message: 'controlPlane.hosts lists no host, so Kube-V rejects the cluster: the single node must be listed as its one control-plane host.',
        range: anchor,
        severity: 'error',
      });
    } else if (hosts.length > 1) {
      reports.push({
        message: `controlPlane.hosts lists ${hosts.length} hosts, but a single-node Kube-V cluster has exactly one control-plane host, which also runs the VMs.`,
        range: anchor,
      });
    }
    const workers = kubevHosts(document, 'staticWorkers') ?? [];
    const staticWorkers = findPair(root, 'staticWorkers');
    if (workers.length > 0 && staticWorkers) {
      const workersHosts = findPair(deref(staticWorkers.value, document.doc), 'hosts');
      reports.push({
        message: `staticWorkers.hosts lists ${workers.length} worker${workers.length > 1 ? 's' : ''}, but a single-node Kube-V cluster runs its VMs on the control-plane host and has no workers.`,
        range: (workersHosts && keyRange(file, workersHosts)) ?? keyRange(file, staticWorkers) ?? anchor,
      });
    }
    return reports;
  },
  docs: {
    why:
      'A `KubeVCluster` must list at least one host under `controlPlane.hosts`, or the installer rejects the file. For a single ' +
      'node the list has exactly one entry: Kube-V recommends an odd number of control-plane hosts (1, 3, 5), and 1 is the lab and ' +
      'edge setup, where the control-plane host also runs the VMs. A second control-plane host, or any `staticWorkers.hosts`, makes ' +
      'this a multi-node cluster: the installer then needs SSH access to every listed host, and with two control-plane hosts etcd ' +
      'loses quorum when either is down. An empty list is an error (the installer rejects it); more than one host is a warning.',
    fix: 'Keep the one machine under `controlPlane.hosts` (its RFC 1918 `address`, `sshUsername`, `sshPrivateKeyFile`) and remove `staticWorkers`, or turn the rule off for multi-node clusters.',
    sources: [SOURCES.kubevConfigGuide, SOURCES.kubevApiReference, SOURCES.kubevSingleNode],
    example: {
      bad:
        'apiVersion: virtualization.k8c.io/v1alpha1\nkind: KubeVCluster\ncontrolPlane:\n  hosts:\n    - address: 10.0.0.10\n' +
        '    - address: 10.0.0.11\nstaticWorkers:\n  hosts:\n    - address: 10.0.0.20\n',
      good: 'apiVersion: virtualization.k8c.io/v1alpha1\nkind: KubeVCluster\ncontrolPlane:\n  hosts:\n    - address: 10.0.0.10\n',
    },
  },
};
