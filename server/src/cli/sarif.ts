/**
 * SARIF 2.1.0 output (`--format sarif`) for code-scanning services: one run, the rule catalog as
 * the tool's rules, each finding a result with its region (1-based, UTF-16 columns) and its
 * quick-fixes as SARIF fixes.
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { RULES, type Finding, type Range, type Severity } from '../engine';
import { VERSION } from '../version';
import type { FileReport } from './format';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifact(path: string): Sarif.ArtifactLocation {
  // Relative paths resolve against the directory onenode ran in (%SRCROOT%).
  return path.startsWith('/') ? { uri: pathToFileURL(path).toString() } : { uri: path.split('\\').join('/'), uriBaseId: 'SRCROOT' };
}

function result(path: string, finding: Finding, ruleIndex: number): Sarif.Result {
  return {
    ruleId: finding.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(path), region: region(finding.range) } }],
    ...(finding.fixes.length > 0
      ? {
          fixes: finding.fixes.map((fix) => ({
            description: { text: fix.title },
            artifactChanges: [{ artifactLocation: artifact(path), replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) }],
          })),
        }
      : {}),
  };
}

export function formatSarif(reports: readonly FileReport[], cwd = process.cwd()): string {
  const rules: Sarif.ReportingDescriptor[] = RULES.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.docs.why.replace(/`/g, '') },
    help: { text: rule.docs.fix.replace(/`/g, ''), markdown: `${rule.docs.why}\n\n**Fix:** ${rule.docs.fix}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['single-node', ...rule.platforms] },
  }));
  const index = new Map(RULES.map((r, i) => [r.id, i]));
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'OneNode', version: VERSION, semanticVersion: VERSION, rules } },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).toString() } },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((r) => r.findings.map((f) => result(r.path, f, index.get(f.rule) ?? -1))),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
