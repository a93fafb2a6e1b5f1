/**
 * Applies text edits to a string, and picks a non-overlapping set of preferred fixes. Used by
 * `onenode check --fix`, by "Fix all" in the editor, and by tests that compare fixed text.
 */
import type { Finding, Position, TextEdit } from './types';

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function offsetAt(starts: number[], text: string, pos: Position): number {
  if (pos.line >= starts.length) return text.length;
  const lineStart = starts[pos.line];
  const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  return Math.min(lineStart + Math.max(0, pos.character), lineEnd);
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function toOffsets(text: string, edits: readonly TextEdit[]): OffsetEdit[] {
  const starts = lineStarts(text);
  return edits.map((e) => ({ start: offsetAt(starts, text, e.range.start), end: offsetAt(starts, text, e.range.end), newText: e.newText }));
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  // Two insertions at the same point, or a replacement that strictly overlaps another, conflict;
  // edits that merely touch do not.
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}

/** Applies edits that must not overlap; throws when they do (a bug in a fix). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = toOffsets(text, edits).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    if (overlaps(sorted[i - 1], sorted[i])) throw new Error('overlapping edits');
  }
  let out = text;
  for (let i = sorted.length - 1; i >= 0; i--) {
    const e = sorted[i];
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return out;
}

/**
 * Picks the preferred fix of each finding, skipping any fix whose edits overlap one already
 * taken (the next pass of `fixAll` picks it up if it still applies).
 */
export function choosePreferredEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  const taken: OffsetEdit[] = [];
  const chosen: TextEdit[] = [];
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.isPreferred);
    if (!fix || fix.edits.length === 0) continue;
    const offsets = toOffsets(text, fix.edits);
    if (offsets.some((o) => taken.some((t) => overlaps(o, t)))) continue;
    taken.push(...offsets);
    chosen.push(...fix.edits);
  }
  return chosen;
}

/** One edit that turns `before` into `after`, covering only the span that differs. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  const starts = lineStarts(before);
  const pos = (offset: number): Position => {
    let line = 0;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= offset) {
        line = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return { line, character: offset - starts[line] };
  };
  return {
    range: { start: pos(prefix), end: pos(before.length - suffix) },
    newText: after.slice(prefix, after.length - suffix),
  };
}
