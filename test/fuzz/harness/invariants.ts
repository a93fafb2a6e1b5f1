/**
 * What must hold for any input, whatever the findings are: every range lies inside the document
 * as an LSP client sees it, ends after it starts, and every fix applies cleanly (edits inside the
 * document and not overlapping) to a text the engine can check again. Returns the violations as
 * sentences, empty when all hold, so a failing property says what broke and where.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, RULES, type Finding, type Position, type Range } from '../../../server/src/engine';

const KNOWN_RULES = new Set(RULES.map((r) => r.id));
const SEVERITIES = new Set(['error', 'warning', 'info']);

/**
 * Whether the text has a carriage return not followed by a line feed. LSP counts such a `\r` as
 * a line break; the `yaml` library and the engine do not, so their positions differ on those
 * lines (VS Code itself normalises line endings when it opens such a file). See docs/security.md.
 */
export function hasLoneCarriageReturn(text: string): boolean {
  return /\r(?!\n)/.test(text);
}

/** The document as an LSP client models it: lines split at \n, \r\n and \r. */
export class LspText {
  private readonly doc: TextDocument;
  private readonly lengths: number[];

  constructor(readonly text: string) {
    this.doc = TextDocument.create('file:///fuzz.yaml', 'yaml', 1, text);
    this.lengths = [];
    for (let line = 0; line < this.doc.lineCount; line++) {
      const start = this.doc.offsetAt({ line, character: 0 });
      const next = line + 1 < this.doc.lineCount ? this.doc.offsetAt({ line: line + 1, character: 0 }) : text.length;
      let end = next;
      if (end > start && text[end - 1] === '\n') end--;
      if (end > start && text[end - 1] === '\r') end--;
      this.lengths.push(end - start);
    }
  }

  /** Why a position is outside the document, or undefined when it is inside. */
  outside(p: Position): string | undefined {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `not a position: ${JSON.stringify(p)}`;
    if (p.line >= this.lengths.length) return `line ${p.line} of ${this.lengths.length}`;
    if (p.character > this.lengths[p.line]) return `character ${p.character} on line ${p.line} of length ${this.lengths[p.line]}`;
    return undefined;
  }

  offset(p: Position): number {
    return this.doc.offsetAt(p);
  }
}

export function rangeProblems(doc: LspText, range: Range, what: string): string[] {
  const problems = [doc.outside(range.start), doc.outside(range.end)].filter((p) => p !== undefined).map((p) => `${what}: ${p}`);
  if (problems.length === 0 && doc.offset(range.start) > doc.offset(range.end)) problems.push(`${what}: ends before it starts ${JSON.stringify(range)}`);
  return problems;
}

/** Violations of the invariants by the findings of `text`. */
export function findingProblems(text: string, findings: readonly Finding[], skipped?: string): string[] {
  const problems: string[] = [];
  if (skipped !== undefined && findings.length > 0) problems.push(`skipped ("${skipped}") yet ${findings.length} findings`);
  // Where LSP and YAML disagree on what a line is, only the YAML view can be checked (see above).
  const doc = new LspText(hasLoneCarriageReturn(text) ? text.replace(/\r(?!\n)/g, ' ') : text);
  findings.forEach((f, i) => {
    const what = `finding ${i} (${f.rule})`;
    if (!KNOWN_RULES.has(f.rule)) problems.push(`${what}: unknown rule id`);
    if (!SEVERITIES.has(f.severity)) problems.push(`${what}: severity ${String(f.severity)}`);
    if (typeof f.message !== 'string' || f.message.trim() === '') problems.push(`${what}: empty message`);
    problems.push(...rangeProblems(doc, f.range, what));
    f.fixes.forEach((fix, j) => {
      const fixWhat = `${what} fix ${j} "${fix.title}"`;
      if (typeof fix.title !== 'string' || fix.title.trim() === '') problems.push(`${fixWhat}: no title`);
      for (const edit of fix.edits) problems.push(...rangeProblems(doc, edit.range, `${fixWhat} edit`));
      try {
        const fixed = applyEdits(text, fix.edits);
        if (typeof fixed !== 'string') problems.push(`${fixWhat}: applying gave no text`);
      } catch (error) {
        problems.push(`${fixWhat}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  });
  return problems;
}

/** The findings as comparable lines: rule, severity and range (for incremental vs fresh, server vs engine). */
export function signature(findings: readonly Pick<Finding, 'rule' | 'range'>[]): string[] {
  return findings.map((f) => `${f.rule} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`).sort();
}
