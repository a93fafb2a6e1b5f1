/**
 * Suppression comments, read the same way in the editor and the CLI:
 *   # onenode-disable-next-line rule-a, rule-b   -> the next line only
 *   # onenode-disable rule-a                      -> from here to the end of this YAML document
 * With no rule list, every rule is suppressed. The `onenode-` prefix keeps these apart from
 * yaml-language-server's `# yaml-language-server:` modeline.
 */
import type { Finding, ParsedFile, TextEdit } from './types';

export const NEXT_LINE_DIRECTIVE = 'onenode-disable-next-line';
export const BLOCK_DIRECTIVE = 'onenode-disable';

const DIRECTIVE = /^(\s*)#\s*(onenode-disable-next-line|onenode-disable)(?=\s|$)(.*)$/;

export interface Directive {
  kind: 'next-line' | 'block';
  line: number;
  /** Empty means all rules. */
  rules: string[];
  /** Last line (inclusive) the directive covers. */
  untilLine: number;
  indent: string;
  /** Text of the rule list exactly as written, for merging. */
  text: string;
}

export function parseRuleList(text: string): string[] {
  return text
    .replace(/\s--\s.*$/, '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function findDirectives(file: ParsedFile): Directive[] {
  const lines = file.text.split('\n');
  const docEndLines = file.documents.map((d) => file.lineCounter.linePos(Math.max(d.start, d.end - 1)).line - 1);
  const out: Directive[] = [];
  lines.forEach((raw, line) => {
    const m = DIRECTIVE.exec(raw.replace(/\r$/, ''));
    if (!m) return;
    const kind = m[2] === NEXT_LINE_DIRECTIVE ? 'next-line' : 'block';
    const untilLine = kind === 'next-line' ? line + 1 : (docEndLines.find((end) => end >= line) ?? lines.length - 1);
    out.push({ kind, line, rules: parseRuleList(m[3]), untilLine, indent: m[1], text: m[3] });
  });
  return out;
}

function covers(d: Directive, finding: Finding): boolean {
  const line = finding.range.start.line;
  const inSpan = d.kind === 'next-line' ? line === d.line + 1 : line > d.line && line <= d.untilLine;
  return inSpan && (d.rules.length === 0 || d.rules.includes(finding.rule));
}

export function applySuppressions(file: ParsedFile, findings: Finding[]): Finding[] {
  const directives = findDirectives(file);
  if (directives.length === 0) return findings;
  return findings.filter((f) => !directives.some((d) => covers(d, f)));
}

/**
 * The edit behind "Disable <rule> for this line": merges into a `# onenode-disable-next-line`
 * comment right above the line when there is one, else inserts one at the line's indentation.
 * Returns undefined when the line is already suppressed for that rule.
 */
export function disableNextLineEdit(file: ParsedFile, line: number, ruleId: string): TextEdit | undefined {
  const lines = file.text.split('\n');
  const above = findDirectives(file).find((d) => d.kind === 'next-line' && d.line === line - 1);
  if (above) {
    if (above.rules.length === 0 || above.rules.includes(ruleId)) return undefined;
    const raw = lines[above.line].replace(/\r$/, '');
    const reason = /\s--\s.*$/.exec(above.text)?.[0] ?? '';
    const newText = `${above.indent}# ${NEXT_LINE_DIRECTIVE} ${[...above.rules, ruleId].join(', ')}${reason}`;
    return { range: { start: { line: above.line, character: 0 }, end: { line: above.line, character: raw.length } }, newText };
  }
  const target = (lines[line] ?? '').replace(/\r$/, '');
  const indent = target.slice(0, target.length - target.trimStart().length);
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# ${NEXT_LINE_DIRECTIVE} ${ruleId}${file.eol}` };
}
