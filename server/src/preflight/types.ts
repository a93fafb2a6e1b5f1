/**
 * Preflight's data: the raw snapshot read from a host, the facts parsed from it, and the
 * evaluated checks. Everything here is plain JSON, so a snapshot captured on one machine is a test
 * fixture on another, and a report crosses LSP and the CLI unchanged.
 */
import type { Environment, Platform } from '../engine/types';

export interface CommandResult {
  /** Exit code; 127 when the program is missing, null when it was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * What the collector read from a host, keyed by path or by the command line. The parser reads
 * only this, so a local host, an SSH host and a fixture are the same to it.
 */
export interface RawSnapshot {
  /** File contents; null when missing or unreadable. */
  files: Record<string, string | null>;
  /** Directory entries; null when the directory is missing. */
  dirs: Record<string, string[] | null>;
  /** Whether a path exists (devices such as /dev/kvm are never read). */
  exists: Record<string, boolean>;
  /** Command output, keyed by the argv joined with spaces. */
  commands: Record<string, CommandResult>;
}

export type DiskKind = 'nvme' | 'ssd' | 'hdd' | 'unknown';

export interface DiskFacts {
  name: string;
  path: string;
  sizeBytes: number;
  /** From /sys/block/<dev>/queue/rotational; undefined when unreadable. */
  rotational: boolean | undefined;
  kind: DiskKind;
  removable: boolean;
  readOnly: boolean;
  /** Paravirtual disks (virtio vd*, Xen xvd*) whose rotational flag is the hypervisor's default, not the media. */
  virtual: boolean;
  model?: string;
}

export interface NicFacts {
  name: string;
  mac?: string;
  /** Link speed in Mb/s; undefined when the driver does not report one (-1, virtio, link down). */
  speedMbps: number | undefined;
  operstate: string;
  /** True when the interface has a device behind it (not a bridge, bond, veth, tunnel or loopback). */
  physical: boolean;
  loopback: boolean;
  driver?: string;
}

export interface ListeningSocket {
  protocol: 'tcp' | 'udp';
  address: string;
  port: number;
}

export interface HostFacts {
  hostname?: string;
  os?: string;
  kernel?: string;
  architecture?: string;
  cpu: {
    /** Logical CPUs as `nproc --all` counts them (what Harvester's installer and OpenShift's vCPU count use). */
    logical: number | undefined;
    /** Distinct physical cores from /proc/cpuinfo, when it says. */
    physicalCores?: number;
    model?: string;
    /** 'vmx' (Intel VT-x) or 'svm' (AMD-V) when /proc/cpuinfo shows the flag. */
    virtualizationFlag?: 'vmx' | 'svm';
  };
  kvmDevice: boolean;
  virtualization: {
    /** undefined when nothing could tell. */
    isVirtualMachine: boolean | undefined;
    hypervisor?: string;
    detectedBy: string;
  };
  memory: {
    memTotalBytes?: number;
    /** Installed memory from `dmidecode -t 19` (root only). */
    installedBytes?: number;
  };
  disks: DiskFacts[];
  nics: NicFacts[];
  listening: ListeningSocket[];
  bootMode: 'uefi' | 'bios';
  dns: {
    nameservers: string[];
    /** Whether the host's own name resolves with getent; undefined when getent could not run. */
    hostnameResolves: boolean | undefined;
    addresses: string[];
  };
  /** Devices that names in a config resolved to on the host: `/dev/disk/by-id/x` → `sda`. */
  resolvedDevices: Record<string, string | null>;
}

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

export type CheckId =
  | 'cpu-cores'
  | 'memory'
  | 'install-disk-size'
  | 'install-disk-type'
  | 'nic-speed'
  | 'kvm'
  | 'virtualized-host'
  | 'ports'
  | 'boot-mode'
  | 'dns'
  | 'disk-latency'
  | 'config-install-device'
  | 'config-management-interface';

export interface CheckResult {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** What the host has, with the figure. */
  measured: string;
  /** What the platform needs, with its basis. */
  required: string;
  /** What to do; empty when nothing is needed. */
  advice: string;
}

export interface Summary {
  pass: number;
  warn: number;
  fail: number;
  skip: number;
}

export interface Evaluation {
  platform: Platform;
  platformLabel: string;
  environment: Environment;
  verdict: 'pass' | 'warn' | 'fail';
  summary: Summary;
  checks: CheckResult[];
}

export interface DiskLatency {
  path: string;
  samples: number;
  bytesWritten: number;
  blockBytes: number;
  p99Ms: number;
  p50Ms: number;
  maxMs: number;
  /** Why the run stopped: the byte bound or the time bound. */
  stoppedBy: 'bytes' | 'time';
  /** How it was measured: node's fdatasync locally, python3's os.fdatasync over SSH. */
  method: string;
}

/** What a Harvester config or agent-config says the host must have. */
export interface ConfigExpectations {
  source: string;
  kind: 'harvester-config' | 'agent-config';
  installDevice?: string;
  dataDisk?: string;
  interfaces: { name?: string; mac?: string }[];
  problems: string[];
}

export interface PreflightReport {
  target: string;
  collectedAt: string;
  facts: HostFacts;
  diskLatency?: DiskLatency | { path: string; error: string };
  config?: ConfigExpectations;
  evaluations: Evaluation[];
  verdict: 'pass' | 'warn' | 'fail';
}
