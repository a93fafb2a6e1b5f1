/**
 * YAML document templates for the benchmark workload: the kinds the rules read (Longhorn
 * StorageClasses, Deployments/StatefulSets with hostname anti-affinity, KubeVirt VMs,
 * MachineConfigs, IngressControllers) plus the ConfigMaps and Services that surround them in real
 * repositories. Each template records "edit sites" where the LSP benchmark types a keystroke.
 */
import { between, pick, type Random } from './random';

export type SiteKind = 'replica-digit' | 'comment';

/** A place to type into: `line` is relative to the document's first line. */
export interface Site {
  line: number;
  character: number;
  kind: SiteKind;
}

export interface DocumentText {
  lines: string[];
  sites: Site[];
}

class Builder {
  readonly lines: string[] = [];
  readonly sites: Site[] = [];

  add(...lines: string[]): this {
    this.lines.push(...lines);
    return this;
  }

  /** A comment line whose end is a place to type (typing into a comment changes no finding). */
  comment(indent: string, text: string): this {
    const line = `${indent}# ${text}`;
    this.sites.push({ line: this.lines.length, character: line.length, kind: 'comment' });
    return this.add(line);
  }

  /** A line with one digit to toggle; `digitAt` is the digit's column. */
  digit(line: string, digitAt: number): this {
    this.sites.push({ line: this.lines.length, character: digitAt, kind: 'replica-digit' });
    return this.add(line);
  }

  build(): DocumentText {
    return { lines: this.lines, sites: this.sites };
  }
}

const TEAMS = ['payments', 'search', 'billing', 'catalog', 'identity', 'media', 'orders', 'metrics'];
const IMAGES = ['nginx:1.27', 'redis:7.2', 'postgres:16', 'ghcr.io/acme/api:2.14.0', 'quay.io/prometheus/node-exporter:v1.8.1'];

export function longhornStorageClass(i: number, random: Random): DocumentText {
  const b = new Builder().comment('', `Longhorn class for tier ${i}; replicas follow the cluster size`);
  b.add('apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', `  name: longhorn-tier-${i}`, '  annotations:');
  b.add(`    storageclass.kubernetes.io/is-default-class: "${i === 0 ? 'true' : 'false'}"`);
  b.add('provisioner: driver.longhorn.io', 'allowVolumeExpansion: true', 'reclaimPolicy: Delete', 'volumeBindingMode: Immediate', 'parameters:');
  const replicas = pick(random, ['"3"', '"3"', '"1"', '"1"', '"2"', '3']);
  const line = `  numberOfReplicas: ${replicas}`;
  // Only quoted values are toggled: the unquoted one stays a storageclass-parameter-type finding.
  if (replicas.startsWith('"')) b.digit(line, line.length - 2);
  else b.add(line);
  b.add('  staleReplicaTimeout: "2880"', '  fromBackup: ""', '  fsType: ext4', `  dataLocality: ${pick(random, ['disabled', 'best-effort'])}`);
  b.add(`  diskSelector: ${pick(random, ['ssd', 'nvme', 'hdd'])}`);
  return b.build();
}

function podSpecLines(b: Builder, app: string, random: Random, indent: string): void {
  const image = pick(random, IMAGES);
  b.add(`${indent}containers:`, `${indent}- name: ${app}`, `${indent}  image: ${image}`, `${indent}  imagePullPolicy: IfNotPresent`, `${indent}  ports:`);
  b.add(`${indent}  - name: http`, `${indent}    containerPort: ${between(random, 8000, 8999)}`, `${indent}    protocol: TCP`, `${indent}  env:`);
  const envCount = between(random, 2, 5);
  for (let e = 0; e < envCount; e++) {
    b.add(`${indent}  - name: ${app.toUpperCase().replace(/-/g, '_')}_SETTING_${e}`, `${indent}    value: "${between(random, 1, 500)}"`);
  }
  b.add(`${indent}  resources:`, `${indent}    requests:`, `${indent}      cpu: ${between(random, 1, 9) * 50}m`, `${indent}      memory: ${between(random, 1, 8) * 128}Mi`);
  b.add(`${indent}    limits:`, `${indent}      memory: ${between(random, 8, 16) * 128}Mi`);
  b.add(`${indent}  readinessProbe:`, `${indent}    httpGet:`, `${indent}      path: /healthz`, `${indent}      port: http`, `${indent}    periodSeconds: 10`);
}

function antiAffinityLines(b: Builder, app: string, required: boolean, indent: string): void {
  b.add(`${indent}affinity:`, `${indent}  podAntiAffinity:`);
  if (required) {
    b.add(`${indent}    requiredDuringSchedulingIgnoredDuringExecution:`, `${indent}    - labelSelector:`, `${indent}        matchLabels:`);
    b.add(`${indent}          app: ${app}`, `${indent}      topologyKey: kubernetes.io/hostname`);
  } else {
    b.add(`${indent}    preferredDuringSchedulingIgnoredDuringExecution:`, `${indent}    - weight: 100`, `${indent}      podAffinityTerm:`);
    b.add(`${indent}        labelSelector:`, `${indent}          matchLabels:`, `${indent}            app: ${app}`, `${indent}        topologyKey: kubernetes.io/hostname`);
  }
}

export function workload(kind: 'Deployment' | 'StatefulSet', i: number, random: Random): DocumentText {
  const team = pick(random, TEAMS);
  const app = `${team}-${kind === 'Deployment' ? 'api' : 'db'}-${i}`;
  const b = new Builder().comment('', `${kind} for the ${team} team (HA layout copied from the multi-node chart)`);
  b.add('apiVersion: apps/v1', `kind: ${kind}`, 'metadata:', `  name: ${app}`, `  namespace: ${team}`, '  labels:', `    app: ${app}`, `    team: ${team}`, 'spec:');
  const replicas = `  replicas: ${pick(random, [3, 3, 2, 1])}`;
  b.digit(replicas, replicas.length - 1);
  if (kind === 'StatefulSet') b.add(`  serviceName: ${app}`);
  b.add('  selector:', '    matchLabels:', `      app: ${app}`, '  template:', '    metadata:', '      labels:', `        app: ${app}`, '    spec:');
  b.comment('      ', 'keep replicas apart; on one node this is what leaves pods Pending');
  antiAffinityLines(b, app, random() < 0.7, '      ');
  podSpecLines(b, app, random, '      ');
  if (kind === 'StatefulSet') {
    b.add('  volumeClaimTemplates:', '  - metadata:', '      name: data', '    spec:', '      accessModes: ["ReadWriteOnce"]');
    b.add(`      storageClassName: longhorn-tier-${i % 7}`, '      resources:', '        requests:', `          storage: ${between(random, 1, 50)}Gi`);
  }
  return b.build();
}

export function virtualMachine(i: number, random: Random): DocumentText {
  const b = new Builder().comment('', `VM ${i}: created from the Harvester UI, exported with kubectl`);
  b.add('apiVersion: kubevirt.io/v1', 'kind: VirtualMachine', 'metadata:', `  name: vm-${i}`, '  namespace: default', '  labels:');
  b.add(`    harvesterhci.io/creator: harvester`, 'spec:', `  runStrategy: ${pick(random, ['RerunOnFailure', 'Always'])}`, '  template:', '    metadata:', '      labels:');
  b.add(`        harvesterhci.io/vmName: vm-${i}`, '    spec:', `      evictionStrategy: ${pick(random, ['LiveMigrate', 'LiveMigrateIfPossible', 'None', 'None'])}`);
  b.add('      domain:', '        cpu:', `          cores: ${between(random, 1, 8)}`, '        memory:', `          guest: ${between(random, 1, 16)}Gi`, '        devices:');
  b.add('          disks:', '          - name: rootdisk', '            disk:', '              bus: virtio', '          - name: cloudinit', '            disk:', '              bus: virtio');
  b.add('          interfaces:', '          - name: default', '            bridge: {}', '      networks:', '      - name: default', '        multus:', '          networkName: default/vlan1');
  b.add('      volumes:', '      - name: rootdisk', '        persistentVolumeClaim:', `          claimName: vm-${i}-rootdisk`, '      - name: cloudinit', '        cloudInitNoCloud:');
  b.add('          userData: |', '            #cloud-config', '            package_update: true', '            packages:', '              - qemu-guest-agent');
  b.add('            runcmd:', '              - systemctl enable --now qemu-guest-agent');
  return b.build();
}

export function machineConfig(i: number, random: Random): DocumentText {
  const role = pick(random, ['worker', 'master', 'worker']);
  const b = new Builder().comment('', `MachineConfig ${i} for the ${role} pool`);
  b.add('apiVersion: machineconfiguration.openshift.io/v1', 'kind: MachineConfig', 'metadata:', `  name: 99-${role}-tuning-${i}`, '  labels:');
  b.add(`    machineconfiguration.openshift.io/role: ${role}`, 'spec:', '  config:', '    ignition:', '      version: 3.2.0', '    storage:', '      files:');
  b.add(`      - path: /etc/sysctl.d/99-tuning-${i}.conf`, '        mode: 420', '        overwrite: true', '        contents:');
  b.add(`          source: data:,vm.max_map_count%3D${between(random, 262144, 524288)}`, '  kernelArguments:', '  - nosmt', `  - hugepages=${between(random, 1, 64)}`);
  return b.build();
}

export function ingressController(i: number, random: Random): DocumentText {
  const b = new Builder().comment('', `router shard ${i}`);
  b.add('apiVersion: operator.openshift.io/v1', 'kind: IngressController', 'metadata:', `  name: shard-${i}`, '  namespace: openshift-ingress-operator', 'spec:');
  b.add(`  replicas: ${pick(random, [2, 1, 3])}`, `  domain: apps-${i}.example.com`, '  endpointPublishingStrategy:', `    type: ${pick(random, ['HostNetwork', 'HostNetwork', 'LoadBalancerService'])}`);
  b.add('  nodePlacement:', '    nodeSelector:', '      matchLabels:', '        node-role.kubernetes.io/worker: ""', '  routeSelector:', '    matchLabels:', `      shard: "${i}"`);
  return b.build();
}

/** A ConfigMap of exactly `dataLines` lines of payload: the workload uses it to land on an exact line count. */
export function configMap(i: number, dataLines: number, random: Random): DocumentText {
  const b = new Builder().comment('', `settings bundle ${i}`);
  b.add('apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: settings-${i}`, `  namespace: ${pick(random, TEAMS)}`, 'data:', '  application.properties: |');
  for (let d = 0; d < dataLines; d++) b.add(`    setting.group${i}.key${d}=${between(random, 0, 99999)}`);
  return b.build();
}

export const CONFIG_MAP_OVERHEAD = 8;

export function service(i: number, random: Random): DocumentText {
  const b = new Builder().comment('', `Service ${i}`);
  b.add('apiVersion: v1', 'kind: Service', 'metadata:', `  name: svc-${i}`, 'spec:', '  selector:', `    app: svc-${i}`, '  ports:');
  b.add('  - name: http', `    port: ${between(random, 80, 90)}`, '    targetPort: http');
  return b.build();
}

/** A deliberately suppressed finding, as teams leave them in real repositories. */
export function suppressedStorageClass(i: number): DocumentText {
  const b = new Builder().comment('', 'shared with the three-node staging cluster');
  b.add('apiVersion: storage.k8s.io/v1', 'kind: StorageClass', 'metadata:', `  name: longhorn-staging-${i}`, 'provisioner: driver.longhorn.io', 'parameters:');
  b.add('  # onenode-disable-next-line longhorn-replica-count -- staging has three nodes', '  numberOfReplicas: "3"');
  return b.build();
}
