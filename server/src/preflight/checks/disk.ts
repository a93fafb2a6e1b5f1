/** The install disk: its size against the platform's figure (in the unit its installer uses), and whether it spins. */
import type { DiskFacts } from '../types';
import { envLabel, gb, gib, type Check, type CheckContext } from './context';

function describeDisk(disk: DiskFacts): string {
  const kind = disk.kind === 'nvme' ? 'NVMe' : disk.kind === 'ssd' ? 'SSD' : disk.kind === 'hdd' ? 'rotational' : 'type unknown';
  return `${disk.path} (${gib(disk.sizeBytes)}, ${kind}${disk.model ? `, ${disk.model}` : ''})`;
}

/** The required size in bytes and how to say it, honouring a separate data disk named by a Harvester config. */
export function requiredDiskBytes(ctx: CheckContext): { bytes: number; unit: 'GiB' | 'GB'; text: string } | undefined {
  const { req, environment, config } = ctx;
  const separate = req.preflight.separateDataDisk;
  if (separate && config?.dataDisk && config.installDevice && config.dataDisk !== config.installDevice) {
    return { bytes: separate.installDiskGiB * 2 ** 30, unit: 'GiB', text: `${separate.installDiskGiB} GiB with a separate data disk (${req.preflight.basis.diskGB ?? req.label})` };
  }
  const figure = req.minimum[environment].diskGB;
  if (figure === undefined) return undefined;
  const unit = req.preflight.diskSizeUnit[environment];
  return { bytes: unit === 'GiB' ? figure * 2 ** 30 : figure * 1e9, unit, text: `${figure} ${unit} for ${envLabel(environment)} (${req.preflight.basis.diskGB ?? req.label})` };
}

export const installDiskSizeCheck: Check = (ctx) => {
  const { disk, reason } = ctx.installDisk;
  const need = requiredDiskBytes(ctx);
  const required = need?.text ?? `no size stated by ${ctx.req.label}; size it for the VM images and data`;
  if (!disk) {
    return { id: 'install-disk-size', title: 'Install disk size', status: 'fail', measured: reason, required, advice: 'Attach a local disk to install on.' };
  }
  const measured = `${describeDisk(disk)}, ${reason}`;
  if (!need) return { id: 'install-disk-size', title: 'Install disk size', status: 'pass', measured, required, advice: '' };
  const size = need.unit === 'GB' ? gb(disk.sizeBytes) : gib(disk.sizeBytes);
  if (disk.sizeBytes >= need.bytes) return { id: 'install-disk-size', title: 'Install disk size', status: 'pass', measured, required, advice: '' };
  return {
    id: 'install-disk-size',
    title: 'Install disk size',
    status: 'fail',
    measured,
    required,
    advice: `${disk.path} has ${size}; install on a disk of at least ${need.text.split(' (')[0]}.`,
  };
};

export const installDiskTypeCheck: Check = (ctx) => {
  const { disk } = ctx.installDisk;
  const judgement = ctx.req.preflight.rotationalDisk[ctx.environment];
  const required = judgement === 'ignore' ? `any disk type (${ctx.req.label} states none)` : `SSD or NVMe${judgement === 'warn' ? ' recommended' : ''} (${ctx.req.preflight.basis.diskType ?? ctx.req.label})`;
  if (!disk) return { id: 'install-disk-type', title: 'Install disk type', status: 'skip', measured: 'no install disk', required, advice: '' };
  const measured = describeDisk(disk);
  if (disk.kind === 'nvme' || disk.kind === 'ssd' || judgement === 'ignore') {
    return { id: 'install-disk-type', title: 'Install disk type', status: 'pass', measured, required, advice: '' };
  }
  if (disk.kind === 'unknown') {
    return { id: 'install-disk-type', title: 'Install disk type', status: 'warn', measured: `${measured}: the kernel does not say whether it spins`, required, advice: `Check the disk model; etcd needs low write latency (measure it with --disk-latency).` };
  }
  // Paravirtual disks report "rotational" by default whatever backs them, so only the backing store can tell.
  if (disk.virtual) {
    return {
      id: 'install-disk-type',
      title: 'Install disk type',
      status: 'warn',
      measured: `${measured}: a paravirtual disk, which reports rotational by default`,
      required,
      advice: 'Make sure the hypervisor backs this disk with SSD or NVMe, and measure it with --disk-latency.',
    };
  }
  return { id: 'install-disk-type', title: 'Install disk type', status: judgement, measured, required, advice: 'Install on an SSD or NVMe disk: a spinning disk cannot give etcd and VM storage the latency and IOPS they need.' };
};
