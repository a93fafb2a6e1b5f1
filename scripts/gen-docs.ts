/** Writes docs/rules/*.md from the rule registry (`npm run docs`). A test fails when they are stale. */
import { mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '../server/src/engine';
import { renderRuleDoc, renderRuleIndex } from './rule-docs';

const docsDir = resolve(__dirname, '..', '..', 'docs', 'rules');
mkdirSync(docsDir, { recursive: true });
const wanted = new Set(RULES.map((r) => `${r.id}.md`));
for (const file of readdirSync(docsDir)) {
  if (file.endsWith('.md') && file !== 'README.md' && !wanted.has(file)) unlinkSync(join(docsDir, file));
}
for (const rule of RULES) writeFileSync(join(docsDir, `${rule.id}.md`), renderRuleDoc(rule));
writeFileSync(join(docsDir, 'README.md'), renderRuleIndex(RULES));
process.stdout.write(`Wrote ${RULES.length} rule pages and the index to ${docsDir}\n`);
