/**
 * Reads what preflight needs from a host, read-only: procfs, sysfs and /etc files, and a few fixed
 * programs (nproc, systemd-detect-virt, uname, dmidecode, getent, readlink). Names that come back
 * from the host (disks, NICs, the hostname) are used only when they look like kernel names.
 */
import type { Host } from './host';
import type { RawSnapshot } from './types';

export const BASE_FILES = [
  '/proc/cpuinfo',
  '/proc/meminfo',
  '/proc/net/tcp',
  '/proc/net/tcp6',
  '/proc/net/udp',
  '/proc/net/udp6',
  '/proc/sys/kernel/hostname',
  '/proc/sys/kernel/osrelease',
  '/etc/os-release',
  '/etc/resolv.conf',
  '/sys/class/dmi/id/sys_vendor',
  '/sys/class/dmi/id/product_name',
];
export const BASE_DIRS = ['/sys/block', '/sys/class/net'];
export const BASE_EXISTS = ['/dev/kvm', '/sys/firmware/efi'];
export const BASE_COMMANDS: readonly (readonly string[])[] = [
  ['nproc', '--all'],
  ['systemd-detect-virt', '--vm'],
  ['uname', '-m'],
  ['dmidecode', '-t', '19'],
];

/** Block devices that are never an install disk: loop, RAM, optical, floppy, network and device-mapper devices. */
export const NOT_A_DISK = /^(loop|ram|zram|sr|fd|nbd|dm-|md)/;
const KERNEL_NAME = /^[A-Za-z0-9._:@-]{1,64}$/;
const HOST_NAME = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;

export const DISK_FILES = ['size', 'queue/rotational', 'removable', 'ro', 'device/model'];
export const NIC_FILES = ['speed', 'operstate', 'address', 'type', 'device/uevent'];

export function commandKey(argv: readonly string[]): string {
  return argv.join(' ');
}

export function diskNames(snapshot: RawSnapshot): string[] {
  return (snapshot.dirs['/sys/block'] ?? []).filter((name) => KERNEL_NAME.test(name) && !NOT_A_DISK.test(name));
}

export function nicNames(snapshot: RawSnapshot): string[] {
  return (snapshot.dirs['/sys/class/net'] ?? []).filter((name) => KERNEL_NAME.test(name));
}

export function hostnameOf(snapshot: RawSnapshot): string | undefined {
  const name = snapshot.files['/proc/sys/kernel/hostname']?.trim();
  return name && HOST_NAME.test(name) ? name : undefined;
}

export interface CollectOptions {
  /** Device paths named by a config (`/dev/disk/by-id/…`), resolved on the host with readlink. */
  devicePaths?: readonly string[];
  onProgress?: (message: string) => void;
}

export async function collectSnapshot(host: Host, options: CollectOptions = {}): Promise<RawSnapshot> {
  const progress = options.onProgress ?? (() => undefined);
  const snapshot: RawSnapshot = { files: {}, dirs: {}, exists: {}, commands: {} };
  const runAll = async (commands: readonly (readonly string[])[]): Promise<void> => {
    const results = await Promise.all(commands.map((argv) => host.run(argv)));
    commands.forEach((argv, i) => (snapshot.commands[commandKey(argv)] = results[i]));
  };

  progress('Reading CPU, memory, network and firmware facts');
  const [files, dirs, exists] = await Promise.all([host.readFiles(BASE_FILES), host.listDirs(BASE_DIRS), host.exists(BASE_EXISTS), runAll(BASE_COMMANDS)]);
  Object.assign(snapshot.files, files);
  Object.assign(snapshot.dirs, dirs);
  Object.assign(snapshot.exists, exists);

  progress('Reading disks and network interfaces');
  const perDevice = [
    ...diskNames(snapshot).flatMap((disk) => DISK_FILES.map((f) => `/sys/block/${disk}/${f}`)),
    ...nicNames(snapshot).flatMap((nic) => NIC_FILES.map((f) => `/sys/class/net/${nic}/${f}`)),
  ];
  Object.assign(snapshot.files, await host.readFiles(perDevice));

  progress('Checking name resolution');
  const followUps: string[][] = [];
  const hostname = hostnameOf(snapshot);
  if (hostname) followUps.push(['getent', 'ahosts', hostname]);
  for (const path of options.devicePaths ?? []) {
    if (path.startsWith('/dev/')) followUps.push(['readlink', '-f', '--', path]);
  }
  await runAll(followUps);
  return snapshot;
}
