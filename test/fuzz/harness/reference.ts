/**
 * The straightforward (quadratic) versions of code the hardening work rewrote for linear time,
 * kept verbatim from before the rewrite, so the fuzz suite can check that old and new agree on
 * thousands of small inputs where the old ones are still fast.
 */
import { parseAllDocuments, type Document } from 'yaml';
import { parseRuleList, type Directive } from '../../../server/src/engine/suppress';
import type { Finding, ParsedFile } from '../../../server/src/engine';

const DIRECTIVE = /^(\s*)#\s*(onenode-disable-next-line|onenode-disable)(?=\s|$)(.*)$/;

export function findDirectivesBefore(file: ParsedFile): Directive[] {
  const lines = file.text.split('\n');
  const docEndLines = file.documents.map((d) => file.lineCounter.linePos(Math.max(d.start, d.end - 1)).line - 1);
  const out: Directive[] = [];
  lines.forEach((raw, line) => {
    const m = DIRECTIVE.exec(raw.replace(/\r$/, ''));
    if (!m) return;
    const kind = m[2] === 'onenode-disable-next-line' ? 'next-line' : 'block';
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

export function applySuppressionsBefore(file: ParsedFile, findings: Finding[]): Finding[] {
  const directives = findDirectivesBefore(file);
  if (directives.length === 0) return findings;
  return findings.filter((f) => !directives.some((d) => covers(d, f)));
}

/** templates.ts and yaml-ast.ts before the linear scans. */
export const UNQUOTED_EXPRESSION_BEFORE = /^[^'"#\n]*(?::|-)[ \t]+(\{\{.*?\}\})/m;
export const EXPRESSION_BEFORE = /\{\{.*?\}\}/;
export const TEMPLATE_VALUE_BEFORE = /\$\{[^}]*\}|\{\{.*?\}\}/;

/** The library's own duplicate-key check (`uniqueKeys: true`): offsets of its DUPLICATE_KEY errors per document. */
export function libraryDuplicateKeys(text: string): number[][] {
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: true, prettyErrors: false });
  return (Array.isArray(docs) ? (docs as Document.Parsed[]) : []).map((doc) => doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]));
}
