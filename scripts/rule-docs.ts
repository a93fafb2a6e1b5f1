/** Renders the rule doc pages (docs/rules/<id>.md) and their index from the rules' metadata. */
import type { Rule } from '../server/src/engine';

const PLATFORM_NAMES: Record<string, string> = {
  harvester: 'Harvester',
  openshift: 'single-node OpenShift',
  kubev: 'Kube-V',
  kubernetes: 'Kubernetes',
};

export function renderRuleDoc(rule: Rule): string {
  const lines = [
    `# ${rule.id}`,
    '',
    `**${rule.title}**`,
    '',
    '| | |',
    '|---|---|',
    `| Severity | ${rule.severity} |`,
    `| Platforms | ${rule.platforms.map((p) => PLATFORM_NAMES[p] ?? p).join(', ')} |`,
    `| Quick-fix | ${rule.fixable ? 'yes' : 'no'} |`,
    '',
    '## Why this breaks on one node',
    '',
    rule.docs.why,
    '',
    '## How to fix it',
    '',
    rule.docs.fix,
    '',
  ];
  if (rule.docs.example) {
    lines.push('## Example', '', 'Fires:', '', '```yaml', rule.docs.example.bad.trimEnd(), '```', '', 'Fixed:', '', '```yaml', rule.docs.example.good.trimEnd(), '```', '');
  }
  lines.push(
    '## Turning it off',
    '',
    `For one line: \`# onenode-disable-next-line ${rule.id}\` on the line above. For the rest of a YAML document: \`# onenode-disable ${rule.id}\`. Everywhere: set \`"onenode.rules": { "${rule.id}": "off" }\` in the settings.`,
    '',
    '## Sources',
    '',
    ...rule.docs.sources.map((s) => `- [${s.title}](${s.url})`),
    '',
    '_Generated from the rule\'s metadata by `npm run docs`; do not edit by hand._',
    '',
  );
  return lines.join('\n');
}

export function renderRuleIndex(rules: readonly Rule[]): string {
  const lines = [
    '# OneNode rules',
    '',
    '| Rule | Title | Platforms | Severity | Quick-fix |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](${r.id}.md) | ${r.title} | ${r.platforms.map((p) => PLATFORM_NAMES[p] ?? p).join(', ')} | ${r.severity} | ${r.fixable ? 'yes' : 'no'} |`),
    '',
    '_Generated from the rules\' metadata by `npm run docs`; do not edit by hand._',
    '',
  ];
  return lines.join('\n');
}

/** The `onenode.rules` settings schema: one severity entry per rule, for package.json. */
export function ruleSettingsSchema(rules: readonly Rule[]): Record<string, unknown> {
  return Object.fromEntries(
    rules.map((r) => [
      r.id,
      {
        type: 'string',
        enum: ['off', 'info', 'warning', 'error'],
        enumDescriptions: ['Do not run this rule.', 'Report as information.', 'Report as a warning.', 'Report as an error (onenode check exits 1).'],
        markdownDescription: `${r.title} (default: ${r.severity}). See \`docs/rules/${r.id}.md\`.`,
      },
    ]),
  );
}
