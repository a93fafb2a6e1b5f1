/** Boot mode: UEFI when /sys/firmware/efi exists, legacy BIOS otherwise. */
import type { Check } from './context';

export const bootModeCheck: Check = ({ facts, req, environment }) => {
  const judgement = req.preflight.biosBoot[environment];
  const measured = facts.bootMode === 'uefi' ? 'UEFI (/sys/firmware/efi present)' : 'legacy BIOS (no /sys/firmware/efi)';
  const required = judgement === 'ignore' ? `UEFI or BIOS (${req.label} states no boot mode)` : `UEFI (${req.preflight.basis.biosBoot ?? req.label})`;
  if (facts.bootMode === 'uefi' || judgement === 'ignore') return { id: 'boot-mode', title: 'Boot mode', status: 'pass', measured, required, advice: '' };
  return { id: 'boot-mode', title: 'Boot mode', status: judgement, measured, required, advice: 'Switch the firmware to UEFI boot before installing (the install disk is partitioned for the boot mode in use).' };
};
