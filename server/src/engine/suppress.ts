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
  // Lines only grow, so the end of the directive's document is found by moving forward, not by a
  // search from the start for every directive (quadratic in a file of many documents).
  let doc = 0;
  lines.forEach((raw, line) => {
    const m = DIRECTIVE.exec(raw.replace(/\r$/, ''));
    if (!m) return;
    const kind = m[2] === NEXT_LINE_DIRECTIVE ? 'next-line' : 'block';
    while (doc < docEndLines.length && docEndLines[doc] < line) doc++;
    const untilLine = kind === 'next-line' ? line + 1 : (docEndLines[doc] ?? lines.length - 1);
    out.push({ kind, line, rules: parseRuleList(m[3]), untilLine, indent: m[1], text: m[3] });
  });
  return out;
}

/** What the directives that reach some lines suppress: every rule, or the rules named. */
interface Coverage {
  /** The first line of the span at which a directive without a rule list applies. */
  all: number;
  /** Per rule, the first line of the span at which a directive naming it applies. */
  rules: Map<string, number>;
}

function cover(coverage: Coverage | undefined, d: Directive, from: number): Coverage {
  const c = coverage ?? { all: Infinity, rules: new Map<string, number>() };
  if (d.rules.length === 0) c.all = Math.min(c.all, from);
  for (const rule of d.rules) c.rules.set(rule, Math.min(c.rules.get(rule) ?? Infinity, from));
  return c;
}

function covered(c: Coverage | undefined, rule: string, line: number): boolean {
  return c !== undefined && (c.all <= line || (c.rules.get(rule) ?? Infinity) <= line);
}

/**
 * Drops the findings a directive covers: a next-line directive its next line, a block directive
 * the lines after it to the end of its YAML document. The directives are indexed first (by line,
 * and by document end), so each finding is looked up instead of tested against every directive.
 */
export function applySuppressions(file: ParsedFile, findings: Finding[]): Finding[] {
  const directives = findDirectives(file);
  if (directives.length === 0) return findings;
  const nextLine = new Map<number, Coverage>();
  // Block directives that end at the same line start after the previous document's end, so for a
  // finding only the group with the first end at or after its line can cover it.
  const blocks = new Map<number, Coverage>();
  for (const d of directives) {
    if (d.kind === 'next-line') nextLine.set(d.line + 1, cover(nextLine.get(d.line + 1), d, d.line + 1));
    else blocks.set(d.untilLine, cover(blocks.get(d.untilLine), d, d.line + 1));
  }
  const ends = [...blocks.keys()].sort((a, b) => a - b);
  const blockFor = (line: number): Coverage | undefined => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] < line) lo = mid + 1;
      else hi = mid;
    }
    return lo < ends.length ? blocks.get(ends[lo]) : undefined;
  };
  return findings.filter((f) => {
    const line = f.range.start.line;
    return !covered(nextLine.get(line), f.rule, line) && !covered(blockFor(line), f.rule, line);
  });
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
