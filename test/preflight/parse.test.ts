/** The parser on snapshots of several host shapes: every figure as the hardware has it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFacts } from '../../server/src/preflight/facts';
import { parseSocketTable } from '../../server/src/preflight/parse/ports';
import { parseDmidecodeMemory } from '../../server/src/preflight/parse/memory';
import { PreflightError } from '../../server/src/preflight/host';
import { loadSnapshot } from './helpers/fixtures';

const GiB = 2 ** 30;

describe('preflight parser: a QEMU VM without KVM', () => {
  const facts = parseFacts(loadSnapshot('qemu-vm-no-kvm'));

  it('counts 4 vCPUs without a virtualization flag, and no /dev/kvm', () => {
    assert.equal(facts.cpu.logical, 4);
    assert.equal(facts.cpu.virtualizationFlag, undefined);
    assert.equal(facts.kvmDevice, false);
  });

  it('knows it is a VM from systemd-detect-virt', () => {
    assert.deepEqual(facts.virtualization, { isVirtualMachine: true, hypervisor: 'qemu', detectedBy: 'systemd-detect-virt --vm' });
  });

  it('reads MemTotal, and no installed memory when dmidecode was refused', () => {
    assert.equal(facts.memory.memTotalBytes, 8131244 * 1024);
    assert.equal(facts.memory.installedBytes, undefined);
  });

  it('lists the virtio disk (not the CD-ROM or loop devices) and a NIC without a speed', () => {
    assert.deepEqual(facts.disks.map((d) => [d.name, d.sizeBytes, d.kind, d.virtual]), [['vda', 100 * GiB, 'hdd', true]]);
    const nic = facts.nics.find((n) => n.name === 'enp1s0');
    assert.deepEqual([nic?.speedMbps, nic?.operstate, nic?.physical, nic?.driver], [undefined, 'up', true, 'virtio_net']);
    assert.equal(facts.nics.find((n) => n.name === 'lo')?.loopback, true);
  });

  it('finds the listening sockets, IPv4 and IPv6, TCP and UDP', () => {
    const seen = facts.listening.map((s) => `${s.protocol}/${s.address}/${s.port}`);
    assert.deepEqual(seen, ['tcp/0.0.0.0/22', 'tcp/::/22', 'udp/127.0.0.53/53', 'tcp/0.0.0.0/6443', 'tcp/127.0.0.1/10248']);
  });

  it('reads BIOS boot, the OS, and DNS', () => {
    assert.equal(facts.bootMode, 'bios');
    assert.equal(facts.os, 'Ubuntu 22.04.4 LTS');
    assert.deepEqual(facts.dns, { nameservers: ['127.0.0.53'], hostnameResolves: true, addresses: ['192.168.122.50'] });
  });
});

describe('preflight parser: bare metal with NVMe and 10 GbE', () => {
  const facts = parseFacts(loadSnapshot('baremetal-nvme-10g'));

  it('counts 32 threads on 16 physical cores with VT-x', () => {
    assert.equal(facts.cpu.logical, 32);
    assert.equal(facts.cpu.physicalCores, 16);
    assert.equal(facts.cpu.virtualizationFlag, 'vmx');
    assert.equal(facts.kvmDevice, true);
    assert.equal(facts.virtualization.isVirtualMachine, false);
  });

  it('sums dmidecode type 19 ranges to the installed 128 GiB', () => {
    assert.equal(facts.memory.installedBytes, 128 * GiB);
  });

  it('tells NVMe from SATA SSD, with sizes and models', () => {
    assert.deepEqual(
      facts.disks.map((d) => [d.name, d.sizeBytes, d.kind, d.model]),
      [
        ['nvme0n1', 1920383410176, 'nvme', 'SAMSUNG MZQL21T9HCJR-00A07'],
        ['sda', 480103981056, 'ssd', 'INTEL SSDSC2KB480G8'],
      ],
    );
  });

  it('reads 10000 Mb/s on the linked NIC and no speed on the one that is down', () => {
    assert.deepEqual(
      facts.nics.filter((n) => !n.loopback).map((n) => [n.name, n.speedMbps, n.operstate, n.mac]),
      [
        ['eno1', 10000, 'up', '3c:ec:ef:aa:bb:01'],
        ['eno2', undefined, 'down', '3c:ec:ef:aa:bb:02'],
      ],
    );
    assert.equal(facts.bootMode, 'uefi');
  });
});

describe('preflight parser: a 1 GbE NUC and a spinning-disk tower', () => {
  it('reads AMD-V, a 1000 Mb/s NIC and a removable USB stick', () => {
    const facts = parseFacts(loadSnapshot('baremetal-1g-nic'));
    assert.equal(facts.cpu.virtualizationFlag, 'svm');
    assert.equal(facts.nics.find((n) => n.name === 'enp89s0')?.speedMbps, 1000);
    assert.deepEqual(facts.disks.map((d) => [d.name, d.removable, d.kind]), [['sda', false, 'ssd'], ['sdb', true, 'ssd']]);
  });

  it('reads a rotational disk, legacy BIOS, and a host name that does not resolve', () => {
    const facts = parseFacts(loadSnapshot('baremetal-spinning-disk'));
    assert.deepEqual(facts.disks.map((d) => [d.name, d.kind, d.rotational, d.virtual]), [['sda', 'hdd', true, false]]);
    assert.equal(facts.bootMode, 'bios');
    assert.equal(facts.dns.hostnameResolves, false);
    assert.equal(facts.cpu.logical, 8);
  });
});

describe('preflight parser: the captured Firecracker VM', () => {
  it('reads its 2 vCPUs, /dev/kvm without vmx/svm, the 256 GiB virtio disk and the speedless virtio NIC', () => {
    const facts = parseFacts(loadSnapshot('firecracker-vm-captured'));
    assert.equal(facts.cpu.logical, 2);
    assert.equal(facts.kvmDevice, true);
    assert.equal(facts.cpu.virtualizationFlag, undefined);
    assert.deepEqual(facts.disks.map((d) => [d.name, d.sizeBytes]), [['vda', 256 * GiB]]);
    const eth0 = facts.nics.find((n) => n.name === 'eth0');
    assert.deepEqual([eth0?.speedMbps, eth0?.physical], [undefined, true]);
    // ifb devices are virtual: no device behind them.
    assert.equal(facts.nics.find((n) => n.name === 'ifb0')?.physical, false);
  });
});

describe('preflight parser: edge cases', () => {
  it('refuses a snapshot that is not from Linux', () => {
    assert.throws(() => parseFacts({ files: {}, dirs: {}, exists: {}, commands: {} }), (e: unknown) => e instanceof PreflightError && e.code === 'not-linux');
  });

  it('decodes IPv6 listeners and ignores established connections', () => {
    const table = [
      '  sl  local_address                         remote_address                        st',
      '   0: 00000000000000000000000001000000:1A0B 00000000000000000000000000000000:0000 0A',
      '   1: 0000000000000000FFFF00000100007F:0016 0000000000000000FFFF00000100007F:D2F0 01',
    ].join('\n');
    assert.deepEqual(parseSocketTable(table, 'tcp'), [{ protocol: 'tcp', address: '::1', port: 6667 }]);
  });

  it('reads dmidecode sizes in every unit the installer knows', () => {
    const out = '\tRange Size: 512 MB\n\tRange Size: 1 GB\n\tRange Size: 2048 kB\n';
    assert.equal(parseDmidecodeMemory({ code: 0, stdout: out, stderr: '' }), 512 * 2 ** 20 + GiB + 2048 * 1024);
    assert.equal(parseDmidecodeMemory({ code: 1, stdout: out, stderr: 'denied' }), undefined);
  });
});
