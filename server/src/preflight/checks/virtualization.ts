/** Hardware virtualization (/dev/kvm and the vmx/svm flag), and whether the host is itself a VM. */
import type { Check } from './context';

export const kvmCheck: Check = ({ facts, req }) => {
  const flag = facts.cpu.virtualizationFlag;
  const flagText = flag ? `${flag} flag in /proc/cpuinfo` : 'no vmx/svm flag in /proc/cpuinfo';
  const measured = `${facts.kvmDevice ? '/dev/kvm present' : '/dev/kvm missing'}, ${flagText}`;
  if (req.virtualization === 'not-required') {
    return { id: 'kvm', title: 'Hardware virtualization (KVM)', status: 'skip', measured, required: `not required by ${req.label}`, advice: '' };
  }
  const required = `/dev/kvm (VT-x or AMD-V) required by ${req.label}`;
  if (!facts.kvmDevice) {
    return {
      id: 'kvm',
      title: 'Hardware virtualization (KVM)',
      status: 'fail',
      measured,
      required,
      advice: flag
        ? `The CPU has ${flag} but /dev/kvm is missing: load the module (modprobe kvm_${flag === 'vmx' ? 'intel' : 'amd'}).`
        : 'Enable VT-x/AMD-V in the firmware, or on a VM turn on nested virtualization (not supported for production).',
    };
  }
  if (!flag) {
    return {
      id: 'kvm',
      title: 'Hardware virtualization (KVM)',
      status: 'warn',
      measured,
      required,
      advice: 'The CPU flags do not show VT-x/AMD-V, though /dev/kvm exists (a hypervisor may hide the flags): check that VMs start with hardware acceleration (virt-host-validate qemu).',
    };
  }
  return { id: 'kvm', title: 'Hardware virtualization (KVM)', status: 'pass', measured, required, advice: '' };
};

export const virtualizedHostCheck: Check = ({ facts, req, environment }) => {
  const judgement = req.preflight.virtualizedHost[environment];
  const { isVirtualMachine, hypervisor, detectedBy } = facts.virtualization;
  const required = judgement === 'ignore' ? `a VM host is supported by ${req.label}` : `bare metal${judgement === 'warn' ? ' recommended' : ''} for ${environment} (${req.preflight.basis.virtualizedHost ?? req.label})`;
  if (isVirtualMachine === undefined) return { id: 'virtualized-host', title: 'Bare metal or VM', status: 'skip', measured: `could not tell (${detectedBy})`, required, advice: '' };
  const measured = isVirtualMachine ? `a virtual machine${hypervisor ? ` (${hypervisor})` : ''}, by ${detectedBy}` : `bare metal, by ${detectedBy}`;
  if (!isVirtualMachine || judgement === 'ignore') return { id: 'virtualized-host', title: 'Bare metal or VM', status: 'pass', measured, required, advice: '' };
  return {
    id: 'virtualized-host',
    title: 'Bare metal or VM',
    status: judgement,
    measured,
    required,
    advice: `${req.label}'s VMs would run nested inside this VM, which is slow and unsupported${judgement === 'fail' ? ' in production: install on bare metal' : '; fine for a lab, not for production'}.`,
  };
};
