/**
 * A generated GitOps-style repository for the benchmark: `files` YAML files in team folders, each
 * one to four documents of the kinds a single-node site holds (the same templates as the 5,000-line
 * workload), deterministic for a seed, so every run measures the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { between, seededRandom, type Random } from './random';
import { configMap, ingressController, longhornStorageClass, machineConfig, service, virtualMachine, workload, type DocumentText } from './templates';

export interface Repository {
  root: string;
  files: number;
  documents: number;
  lines: number;
  bytes: number;
}

const KINDS: ((i: number, random: Random) => DocumentText)[] = [
  (i, r) => workload('Deployment', i, r),
  (i, r) => workload('StatefulSet', i, r),
  (i, r) => configMap(i, between(r, 4, 40), r),
  service,
  virtualMachine,
  longhornStorageClass,
  machineConfig,
  ingressController,
];

export function generateRepository(root: string, files = 500, seed = 500_500): Repository {
  const random = seededRandom(seed);
  let documents = 0;
  let lines = 0;
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const folder = join(root, `team-${f % 10}`, f % 3 === 0 ? 'storage' : 'apps');
    mkdirSync(folder, { recursive: true });
    const count = between(random, 1, 4);
    const parts: string[] = [];
    for (let d = 0; d < count; d++) parts.push(KINDS[Math.floor(random() * KINDS.length)](f * 4 + d, random).lines.join('\n'));
    const text = `${parts.join('\n---\n')}\n`;
    writeFileSync(join(folder, `file-${f}.yaml`), text);
    documents += count;
    lines += text.split('\n').length - 1;
    bytes += Buffer.byteLength(text);
  }
  return { root, files, documents, lines, bytes };
}
