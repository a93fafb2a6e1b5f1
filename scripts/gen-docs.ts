/**
 * Writes what is generated from the rule registry (`npm run docs`): docs/rules/*.md, their index,
 * and the per-rule severity settings in package.json. Tests fail when any of them is stale.
 */
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RULES } from '../server/src/engine';
import { renderRuleDoc, renderRuleIndex, ruleSettingsSchema } from './rule-docs';

const root = resolve(__dirname, '..', '..');
const docsDir = join(root, 'docs', 'rules');
mkdirSync(docsDir, { recursive: true });
const wanted = new Set(RULES.map((r) => `${r.id}.md`));
for (const file of readdirSync(docsDir)) {
  if (file.endsWith('.md') && file !== 'README.md' && !wanted.has(file)) unlinkSync(join(docsDir, file));
}
for (const rule of RULES) writeFileSync(join(docsDir, `${rule.id}.md`), renderRuleDoc(rule));
writeFileSync(join(docsDir, 'README.md'), renderRuleIndex(RULES));

// Re-read right before writing: package.json is also edited by hand.
const manifestPath = join(root, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { properties?: unknown }> } };
};
manifest.contributes.configuration.properties['onenode.rules'].properties = ruleSettingsSchema(RULES);
writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
process.stdout.write(`Wrote ${RULES.length} rule pages, the index, and the rule settings in package.json\n`);
