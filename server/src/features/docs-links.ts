/**
 * Links from diagnostics to rule docs. The docs ship inside the extension (docs/rules/*.md), so
 * the link is a file URI that works offline and always matches the installed version.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleById } from '../engine';

function findDocsRoot(start: string): string | undefined {
  let dir = start;
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'docs', 'rules');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

const docsRoot = findDocsRoot(__dirname);

export function ruleDocHref(ruleId: string): string | undefined {
  return docsRoot && ruleById(ruleId) ? pathToFileURL(join(docsRoot, `${ruleId}.md`)).toString() : undefined;
}
