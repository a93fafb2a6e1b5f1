/**
 * The seed inputs of the fuzz suite: every file of the shared corpus (read in place, decoded as
 * the CLI decodes it: BOMs dropped, UTF-16 converted) and every rule fixture, which are small and
 * built to make the rules fire, so their mutations reach the rules' fixes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decode } from '../../../server/src/files/yaml-files';
import { CORPUS, RULE_FIXTURES } from '../../helpers/paths';

export interface SeedFile {
  /** Path relative to its root, for messages. */
  name: string;
  text: string;
}

function yamlFilesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry)) out.push(full);
    }
  };
  walk(root);
  return out;
}

function load(root: string): SeedFile[] {
  return yamlFilesUnder(root).map((path) => ({ name: relative(root, path), text: decode(readFileSync(path)).text }));
}

export function corpusFiles(): SeedFile[] {
  return load(CORPUS);
}

/** The rule fixtures that are inputs (not the `.fixed.yaml` results). */
export function fixtureFiles(): SeedFile[] {
  return load(RULE_FIXTURES).filter((f) => !f.name.endsWith('.fixed.yaml'));
}
