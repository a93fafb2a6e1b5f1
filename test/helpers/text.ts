/** Helpers for asserting positions and edits as text. */
import type { Range } from '../../server/src/engine';
import { lineStarts, offsetAt } from '../../server/src/engine';

export function textAt(text: string, range: Range): string {
  const starts = lineStarts(text);
  return text.slice(offsetAt(starts, text, range.start), offsetAt(starts, text, range.end));
}

/** 1-based line and column of a range start, as editors and compilers show it. */
export function lineColumn(range: Range): { line: number; column: number } {
  return { line: range.start.line + 1, column: range.start.character + 1 };
}
