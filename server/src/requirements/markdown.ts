/** Renders requirement tables as Markdown, for hovers and (later) preflight reports. */
import type { Environment, Platform } from '../engine/types';
import { requirementsFor, type HardwareMinimum } from './table';
import type { HardwareAspect, HardwareTopic } from './topics';

const ROWS: { label: string; aspect: HardwareAspect | 'cpu' | 'memory'; value: (m: HardwareMinimum) => string }[] = [
  { label: 'CPU cores', aspect: 'cpu', value: (m) => `${m.cpuCores}` },
  { label: 'Memory', aspect: 'memory', value: (m) => `${m.memoryGiB} GiB` },
  { label: 'Install disk', aspect: 'disk', value: (m) => (m.diskGB === undefined ? 'not stated' : `${m.diskGB} GB`) },
  { label: 'NIC speed', aspect: 'nic', value: (m) => (m.nicGbps === undefined ? 'not stated' : `${m.nicGbps} Gbps`) },
];

export function requirementsTable(platform: Platform, environment: Environment, aspect: HardwareAspect): string {
  const req = requirementsFor(platform);
  const head = (env: Environment) => (env === environment ? `**${env === 'test' ? 'Test' : 'Production'}** (selected)` : env === 'test' ? 'Test' : 'Production');
  const lines = [`**${req.label}**, minimum per node`, '', `| | ${head('test')} | ${head('production')} |`, '|---|---|---|'];
  for (const row of ROWS) {
    const focus = aspect === row.aspect;
    const label = focus ? `**${row.label}**` : row.label;
    lines.push(`| ${label} | ${row.value(req.minimum.test)} | ${row.value(req.minimum.production)} |`);
  }
  if (req.virtualization === 'required') lines.push('| Hardware virtualization | required | required |');
  if (req.diskSyncP99Ms !== undefined) lines.push(`| Disk fdatasync p99 | ≤ ${req.diskSyncP99Ms} ms | ≤ ${req.diskSyncP99Ms} ms |`);
  lines.push('');
  for (const note of req.notes) lines.push(`- ${note}`);
  lines.push('', `Sources: ${req.sources.map((s) => `[${s.title}](${s.url})`).join('; ')}`);
  return lines.join('\n');
}

export function hardwareHover(topic: HardwareTopic, environment: Environment, platform: Platform | 'auto'): string {
  const platforms = platform === 'auto' || !topic.platforms.includes(platform) ? topic.platforms : [platform];
  const parts = [`### ${topic.heading}`];
  if (topic.asks) parts.push(topic.asks);
  for (const p of platforms) parts.push(requirementsTable(p, environment, topic.aspect));
  return parts.join('\n\n');
}
