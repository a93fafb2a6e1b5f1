/**
 * Hovers: on a flagged range, what breaks and a link to the rule; on keys that decide the
 * hardware a single node needs, the platform's requirements for test and production.
 */
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { locate, ruleById, type CheckOptions, type CheckResult, type Range } from '../engine';
import { hardwareTopicAt } from '../requirements/topics';
import { hardwareHover } from '../requirements/markdown';
import { ruleDocHref } from './docs-links';

/**
 * Whether a hover at `p` is about a finding: inside its range, or on the same line before it,
 * which is where the key of a flagged value is.
 */
function about(range: Range, p: Position): boolean {
  if (p.line === range.start.line && p.character < range.start.character) return true;
  return contains(range, p);
}

function contains(range: Range, p: Position): boolean {
  const afterStart = p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character);
  const beforeEnd = p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character);
  return afterStart && beforeEnd;
}

export function hover(document: TextDocument, result: CheckResult, options: CheckOptions, position: Position): Hover | null {
  const parts: string[] = [];
  for (const finding of result.findings) {
    if (!about(finding.range, position)) continue;
    const rule = ruleById(finding.rule);
    const href = ruleDocHref(finding.rule);
    const link = href ? ` ([docs](${href}))` : '';
    parts.push(`**OneNode: ${rule?.title ?? finding.rule}** \`${finding.rule}\`${link}\n\n${finding.message}`);
  }
  if (result.file) {
    const located = locate(result.file, document.offsetAt(position));
    const topic = located && hardwareTopicAt(located.document, located.path);
    if (topic) parts.push(hardwareHover(topic, options.environment, options.platform));
  }
  return parts.length > 0 ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } } : null;
}

/** OneNode's hover first (what breaks, hardware), then the schema's description of the key. */
export function mergeHovers(ours: Hover | null, fromSchema: Hover | null): Hover | null {
  const text = (h: Hover | null) => {
    const c = h?.contents;
    if (!c) return '';
    if (typeof c === 'string') return c;
    if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n\n');
    return c.value;
  };
  const parts = [text(ours), text(fromSchema)].filter((t) => t.trim() !== '');
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, ...(ours?.range ? { range: ours.range } : fromSchema?.range ? { range: fromSchema.range } : {}) };
}
