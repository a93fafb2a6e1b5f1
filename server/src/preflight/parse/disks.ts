/** Disks from /sys/block: size (512-byte sectors, whatever the logical block size), rotational flag, removable, read-only, model. */
import { diskNames } from '../collect';
import type { DiskFacts, DiskKind, RawSnapshot } from '../types';

const SECTOR_BYTES = 512;

function kindOf(name: string, rotational: boolean | undefined): DiskKind {
  if (name.startsWith('nvme')) return 'nvme';
  if (rotational === undefined) return 'unknown';
  return rotational ? 'hdd' : 'ssd';
}

export function parseDisks(snapshot: RawSnapshot): DiskFacts[] {
  const disks: DiskFacts[] = [];
  for (const name of diskNames(snapshot)) {
    const read = (file: string) => snapshot.files[`/sys/block/${name}/${file}`]?.trim();
    const sectors = Number(read('size'));
    if (!Number.isFinite(sectors) || sectors <= 0) continue;
    const rotationalText = read('queue/rotational');
    const rotational = rotationalText === '1' ? true : rotationalText === '0' ? false : undefined;
    const model = read('device/model');
    disks.push({
      name,
      path: `/dev/${name}`,
      sizeBytes: sectors * SECTOR_BYTES,
      rotational,
      kind: kindOf(name, rotational),
      removable: read('removable') === '1',
      readOnly: read('ro') === '1',
      virtual: /^(vd|xvd)/.test(name),
      ...(model ? { model } : {}),
    });
  }
  return disks;
}
