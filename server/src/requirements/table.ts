/**
 * The one table of single-node hardware and port requirements, per platform and environment.
 * Hovers, rules and preflight read it; no other module writes a threshold down.
 * Figures and sources: shared/reference/harvester-kubev.md (§2, §5.3, §7.4) and
 * shared/reference/openshift-and-workloads.md (§2).
 */
import type { Environment, Platform, RuleSource } from '../engine/types';

export interface HardwareMinimum {
  cpuCores: number;
  memoryGiB: number;
  /** Install disk, in GB as the vendor states it; undefined when the vendor gives no figure. */
  diskGB?: number;
  /** Management NIC speed; undefined when the vendor gives no figure. */
  nicGbps?: number;
}

export interface PortRequirement {
  port: string;
  protocol: 'TCP' | 'UDP' | 'TCP/UDP';
  use: string;
  /** False when the platform's own service listens there already (sshd on 22); preflight then does not ask for it free. */
  mustBeFree?: false;
}

/** How preflight judges a finding the vendor words as a requirement ('fail'), a recommendation ('warn'), or not at all ('ignore'). */
export type PreflightJudgement = 'fail' | 'warn' | 'ignore';

/** What preflight needs beyond the minimum figures: how each installer reads and judges the host. Each choice names its basis. */
export interface PreflightPolicy {
  /** How the install disk's size is compared with diskGB: 'GiB' where the installer checks bytes >> 30, 'GB' for a decimal vendor figure. */
  diskSizeUnit: Record<Environment, 'GiB' | 'GB'>;
  /** A spinning (rotational) install disk. */
  rotationalDisk: Record<Environment, PreflightJudgement>;
  /** The host is itself a virtual machine (the platform's VMs would be nested). */
  virtualizedHost: Record<Environment, PreflightJudgement>;
  /** Legacy BIOS boot instead of UEFI. */
  biosBoot: Record<Environment, PreflightJudgement>;
  /**
   * /proc/meminfo MemTotal under-reports installed memory (firmware and kernel reservations).
   * 'pass' where the installer itself accepts MemTotal >= factor x minimum (Harvester: 0.9);
   * 'warn' where the installer measures installed memory, so a MemTotal in that band is probably enough.
   */
  memInfoTolerance: { factor: number; withinTolerance: 'pass' | 'warn' };
  /** Smaller install disk allowed when a config puts VM data on a separate disk (GiB, as the installer checks). */
  separateDataDisk?: { installDiskGiB: number; dataDiskGiB: number };
  /** Where each figure comes from, quoted in preflight messages ("16 cores required for production (…)"). */
  basis: { cpuCores: string; memoryGiB: string; diskGB?: string; nicGbps?: string; diskSyncP99Ms?: string; diskType?: string; virtualizedHost?: string; biosBoot?: string };
}

export interface PlatformRequirements {
  platform: Platform;
  label: string;
  minimum: Record<Environment, HardwareMinimum>;
  /** Hardware virtualization (VT-x/AMD-V with /dev/kvm). */
  virtualization: 'required' | 'not-required';
  /** Install-disk fdatasync p99 limit in ms (etcd), where the vendor states one. */
  diskSyncP99Ms?: number;
  notes: string[];
  ports: PortRequirement[];
  sources: RuleSource[];
  preflight: PreflightPolicy;
}

/** etcd's disk figure, which every platform here inherits because each runs etcd on the node. */
const ETCD_DISK_SOURCE: RuleSource = {
  title: 'OpenShift recommended etcd practices: the fio etcd-perf check passes when the p99 fdatasync is under 10 ms',
  url: 'https://docs.openshift.com/container-platform/4.15/scalability_and_performance/recommended-performance-scale-practices/recommended-etcd-practices.html',
};

const HARVESTER: PlatformRequirements = {
  platform: 'harvester',
  label: 'Harvester',
  minimum: {
    test: { cpuCores: 8, memoryGiB: 32, diskGB: 250, nicGbps: 1 },
    production: { cpuCores: 16, memoryGiB: 64, diskGB: 500, nicGbps: 10 },
  },
  virtualization: 'required',
  notes: [
    'x86_64 or ARM64 with hardware virtualization (`/dev/kvm`); nested virtualization and laptops are not supported.',
    'Install disk: 250 GB, or 180 GB when a separate data disk (at least 50 GB) holds VM data; production 500 GB, 1 TB or more recommended.',
    'SSD or NVMe with 5,000+ random IOPS; only local disks or hardware RAID.',
    'UEFI boot: legacy BIOS is deprecated in v1.7 and refused by newer installers.',
    'The installer\'s preflight reads memory from `dmidecode`, or `/proc/meminfo` with a 0.9 tolerance.',
  ],
  ports: [
    { port: '2379-2382', protocol: 'TCP', use: 'etcd client, peer, metrics, http' },
    { port: '6443', protocol: 'TCP', use: 'Kubernetes API' },
    { port: '9345', protocol: 'TCP', use: 'RKE2 supervisor' },
    { port: '10250', protocol: 'TCP', use: 'kubelet' },
    { port: '10010', protocol: 'TCP', use: 'containerd' },
    { port: '8472', protocol: 'UDP', use: 'canal VXLAN' },
    { port: '80', protocol: 'TCP', use: 'ingress-nginx' },
    { port: '443', protocol: 'TCP', use: 'ingress-nginx / Harvester UI' },
    { port: '2112', protocol: 'TCP', use: 'kube-vip' },
    { port: '3260', protocol: 'TCP', use: 'iscsid (Longhorn)' },
    { port: '30000-32767', protocol: 'TCP', use: 'NodePort services' },
    { port: '22', protocol: 'TCP', use: 'sshd', mustBeFree: false },
  ],
  sources: [
    { title: 'Harvester docs v1.6/v1.7: hardware and network requirements', url: 'https://github.com/harvester/docs/blob/main/versioned_docs/version-v1.6/install/requirements.md' },
    { title: 'harvester-installer pkg/preflight/checks.go (MinCPUTest=8, MinCPUProd=16, MinMemoryTest=32, MinMemoryProd=64, NIC 1/10 Gbps)', url: 'https://github.com/harvester/harvester-installer/blob/8b8f0f223b67f95a60ec64a5da954a911b024c15/pkg/preflight/checks.go' },
    ETCD_DISK_SOURCE,
  ],
  // Management nodes "must meet etcd latency needs" (Harvester docs); etcd's figure is 10 ms p99.
  diskSyncP99Ms: 10,
  preflight: {
    // validateDiskSize compares lsblk bytes >> 30 with 250 (180 with a data disk); production's 500 GB is a documented figure only.
    diskSizeUnit: { test: 'GiB', production: 'GB' },
    // The requirements table asks for SSD/NVMe with 5,000+ random IOPS for test and production alike.
    rotationalDisk: { test: 'fail', production: 'fail' },
    // VirtCheck: "System is virtualized (X) which is not supported in production"; nested virtualization is unsupported.
    virtualizedHost: { test: 'warn', production: 'fail' },
    // BIOSCheck: a deprecation warning in v1.7; only the unreleased v1.9 installer refuses legacy BIOS.
    biosBoot: { test: 'warn', production: 'warn' },
    // MemoryCheck falls back to MemTotal with a 0.9 tolerance factor.
    memInfoTolerance: { factor: 0.9, withinTolerance: 'pass' },
    // validateDiskSize: 180 GiB for the OS disk when data_disk is separate; HardMinDataDiskSizeGiB=50.
    separateDataDisk: { installDiskGiB: 180, dataDiskGiB: 50 },
    basis: {
      cpuCores: 'Harvester installer preflight, MinCPUTest=8, MinCPUProd=16',
      memoryGiB: 'Harvester installer preflight, MinMemoryTest=32, MinMemoryProd=64 GiB, MemTotal x 0.9 accepted',
      diskGB: 'Harvester installer validateDiskSize, 250 GiB; Harvester docs, 500 GB for production',
      nicGbps: 'Harvester installer preflight, MinNetworkGbpsTest=1, MinNetworkGbpsProd=10',
      diskSyncP99Ms: 'Harvester docs: management nodes must meet etcd latency needs; etcd p99 fdatasync 10 ms',
      diskType: 'Harvester docs: SSD or NVMe, 5,000+ random IOPS per disk',
      virtualizedHost: 'Harvester installer VirtCheck: virtualized systems are not supported in production; nested virtualization unsupported',
      biosBoot: 'Harvester installer BIOSCheck: legacy BIOS deprecated in v1.7, refused from v1.9',
    },
  },
};

const OPENSHIFT: PlatformRequirements = {
  platform: 'openshift',
  label: 'Single-node OpenShift',
  minimum: {
    test: { cpuCores: 8, memoryGiB: 16, diskGB: 120 },
    production: { cpuCores: 8, memoryGiB: 16, diskGB: 120 },
  },
  virtualization: 'not-required',
  diskSyncP99Ms: 10,
  notes: [
    'vCPU = one physical core without SMT; with SMT, threads per core x cores x sockets.',
    'The Assisted Installer requires 100 GB of disk; OCP 4.22 and later accept 4 vCPU there.',
    'Install disk p99 fdatasync at most 10 ms (etcd); SSD or NVMe recommended.',
    'Operators added at install time can raise the minimum.',
  ],
  ports: [],
  sources: [
    { title: 'OpenShift docs: requirements for installing OpenShift on a single node', url: 'https://github.com/openshift/openshift-docs/blob/main/modules/install-sno-requirements-for-installing-on-a-single-node.adoc' },
    { title: 'assisted-service data/default_hw_requirements.json (sno: 8 cores, 16384 MiB, 100 GB, 10 ms)', url: 'https://github.com/openshift/assisted-service/blob/063b257950f7/data/default_hw_requirements.json' },
    ETCD_DISK_SOURCE,
  ],
  preflight: {
    // The SNO docs state 120 GB, a decimal figure.
    diskSizeUnit: { test: 'GB', production: 'GB' },
    // "SSD or NVMe is recommended" (OpenShift etcd practices).
    rotationalDisk: { test: 'warn', production: 'warn' },
    // SNO is supported on vSphere, OpenStack, OpenShift Virtualization and clouds: a VM host is fine.
    virtualizedHost: { test: 'ignore', production: 'ignore' },
    biosBoot: { test: 'ignore', production: 'ignore' },
    // assisted-service measures installed memory; MemTotal in the 0.9 band is probably enough but cannot prove it.
    memInfoTolerance: { factor: 0.9, withinTolerance: 'warn' },
    basis: {
      cpuCores: 'OpenShift SNO docs and assisted-service sno cpu_cores=8',
      memoryGiB: 'OpenShift SNO docs, 16 GB; assisted-service sno ram_mib=16384',
      diskGB: 'OpenShift SNO docs, 120 GB; assisted-service 100 GB',
      diskSyncP99Ms: 'assisted-service installation_disk_speed_threshold_ms=10 (etcd p99 fdatasync)',
      diskType: 'OpenShift recommended etcd practices: SSD or NVMe recommended',
    },
  },
};

const KUBEV: PlatformRequirements = {
  platform: 'kubev',
  label: 'Kubermatic Virtualization (Kube-V)',
  minimum: {
    test: { cpuCores: 8, memoryGiB: 8, nicGbps: 1 },
    production: { cpuCores: 16, memoryGiB: 16, nicGbps: 10 },
  },
  virtualization: 'required',
  notes: [
    'Intel VT-x or AMD-V enabled in firmware; without it KubeVirt falls back to software emulation, which is not for production.',
    'RAM: 8 GB minimum, 16-32 GB recommended.',
    'Disks: SSD or NVMe strongly recommended; size for VM images plus data.',
    'Supported OS: Ubuntu 20.04/22.04/24.04, Rocky Linux 8, RHEL 8.0-8.4, Flatcar; kernel 4.19 or later.',
  ],
  ports: [
    { port: '6443', protocol: 'TCP', use: 'Kubernetes API' },
    { port: '2379-2380', protocol: 'TCP', use: 'etcd' },
    { port: '10250', protocol: 'TCP', use: 'kubelet' },
    { port: '10259', protocol: 'TCP', use: 'kube-scheduler' },
    { port: '10257', protocol: 'TCP', use: 'kube-controller-manager' },
    { port: '10256', protocol: 'TCP', use: 'kube-proxy' },
    { port: '30000-32767', protocol: 'TCP/UDP', use: 'NodePort services' },
    { port: '8443', protocol: 'TCP', use: 'KubeVirt API' },
    { port: '6641-6644', protocol: 'TCP', use: 'OVN' },
    { port: '6081', protocol: 'UDP', use: 'Geneve' },
  ],
  sources: [
    { title: 'Kubermatic Virtualization docs: single-node deployment requirements', url: 'https://github.com/kubermatic/docs/blob/main/content/kubermatic-virtualization/main/architecture/requirements/single-node-deployment/_index.en.md' },
    ETCD_DISK_SOURCE,
  ],
  // Kube-V runs etcd on the node (ports 2379-2380); etcd's figure is 10 ms p99.
  diskSyncP99Ms: 10,
  preflight: {
    diskSizeUnit: { test: 'GB', production: 'GB' },
    // "SSD/NVMe strongly recommended".
    rotationalDisk: { test: 'warn', production: 'warn' },
    // Without VT-x/AMD-V KubeVirt emulates; nested virtualization is for development only.
    virtualizedHost: { test: 'warn', production: 'fail' },
    biosBoot: { test: 'ignore', production: 'ignore' },
    memInfoTolerance: { factor: 0.9, withinTolerance: 'warn' },
    basis: {
      cpuCores: 'Kube-V single-node requirements: 8 cores, 16 recommended for production',
      memoryGiB: 'Kube-V single-node requirements: 8 GB, 16-32 GB recommended',
      nicGbps: 'Kube-V single-node requirements: 1 Gbps, 10 Gbps+ recommended',
      diskSyncP99Ms: 'etcd p99 fdatasync 10 ms',
      diskType: 'Kube-V single-node requirements: SSD/NVMe strongly recommended',
      virtualizedHost: 'Kube-V single-node requirements: hardware virtualization (KVM); nested only for development',
    },
  },
};

const KUBERNETES: PlatformRequirements = {
  platform: 'kubernetes',
  label: 'Kubernetes (kubeadm)',
  minimum: {
    test: { cpuCores: 2, memoryGiB: 2 },
    production: { cpuCores: 2, memoryGiB: 2 },
  },
  virtualization: 'not-required',
  notes: ['kubeadm\'s minimum for a control-plane node; add what the workloads need.'],
  ports: [
    { port: '6443', protocol: 'TCP', use: 'Kubernetes API' },
    { port: '2379-2380', protocol: 'TCP', use: 'etcd' },
    { port: '10250', protocol: 'TCP', use: 'kubelet' },
    { port: '10259', protocol: 'TCP', use: 'kube-scheduler' },
    { port: '10257', protocol: 'TCP', use: 'kube-controller-manager' },
  ],
  sources: [
    { title: 'Kubernetes docs: installing kubeadm, before you begin', url: 'https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/' },
    ETCD_DISK_SOURCE,
  ],
  // kubeadm runs a local etcd; etcd's figure is 10 ms p99.
  diskSyncP99Ms: 10,
  preflight: {
    diskSizeUnit: { test: 'GB', production: 'GB' },
    rotationalDisk: { test: 'ignore', production: 'ignore' },
    virtualizedHost: { test: 'ignore', production: 'ignore' },
    biosBoot: { test: 'ignore', production: 'ignore' },
    memInfoTolerance: { factor: 0.9, withinTolerance: 'warn' },
    basis: {
      cpuCores: 'kubeadm: 2 CPUs or more',
      memoryGiB: 'kubeadm: 2 GB or more of RAM',
      diskSyncP99Ms: 'etcd p99 fdatasync 10 ms',
    },
  },
};

export const REQUIREMENTS: Record<Platform, PlatformRequirements> = {
  harvester: HARVESTER,
  openshift: OPENSHIFT,
  kubev: KUBEV,
  kubernetes: KUBERNETES,
};

export function requirementsFor(platform: Platform): PlatformRequirements {
  return REQUIREMENTS[platform];
}
