/** Loading the raw host snapshots in test/fixtures/preflight. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RawSnapshot } from '../../../server/src/preflight/types';
import { FIXTURES } from '../../helpers/paths';

export const PREFLIGHT_FIXTURES = join(FIXTURES, 'preflight');

export function loadSnapshot(name: string): RawSnapshot {
  return JSON.parse(readFileSync(join(PREFLIGHT_FIXTURES, `${name}.json`), 'utf8')) as RawSnapshot;
}
