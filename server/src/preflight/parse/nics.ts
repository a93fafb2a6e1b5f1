/** Network interfaces from /sys/class/net: speed (Mb/s; -1 or unreadable means unknown), link state, MAC, driver. */
import { nicNames } from '../collect';
import type { NicFacts, RawSnapshot } from '../types';

const ARPHRD_LOOPBACK = '772';

export function parseNics(snapshot: RawSnapshot): NicFacts[] {
  return nicNames(snapshot).map((name) => {
    const read = (file: string) => snapshot.files[`/sys/class/net/${name}/${file}`];
    const speed = Number.parseInt(read('speed')?.trim() ?? '', 10);
    const uevent = read('device/uevent');
    const driver = uevent ? /^DRIVER=(.+)$/m.exec(uevent)?.[1]?.trim() : undefined;
    const mac = read('address')?.trim().toLowerCase();
    return {
      name,
      ...(mac && mac !== '00:00:00:00:00:00' ? { mac } : {}),
      speedMbps: Number.isInteger(speed) && speed > 0 ? speed : undefined,
      operstate: read('operstate')?.trim() ?? 'unknown',
      physical: uevent !== null && uevent !== undefined,
      loopback: read('type')?.trim() === ARPHRD_LOOPBACK || name === 'lo',
      ...(driver ? { driver } : {}),
    };
  });
}
