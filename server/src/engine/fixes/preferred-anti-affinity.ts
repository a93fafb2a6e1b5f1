/**
 * Turns required pod anti-affinity terms into preferred terms with weight 100, editing the text
 * line by line so comments inside the terms move with them and the file's indentation is kept:
 *
 *   requiredDuringSchedulingIgnoredDuringExecution:     preferredDuringSchedulingIgnoredDuringExecution:
 *   - labelSelector: …                          ->      - weight: 100
 *     topologyKey: kubernetes.io/hostname                  podAffinityTerm:
 *                                                            labelSelector: …
 *                                                            topologyKey: kubernetes.io/hostname
 */
import { isSeq } from 'yaml';
import type { ParsedFile, TextEdit } from '../types';
import { columnOf, edit, endOfContentLine, lineStartOf } from '../edits';
import { findPair, type MapPair } from '../yaml-ast';

export const PREFERRED_KEY = 'preferredDuringSchedulingIgnoredDuringExecution';

interface ItemSpan {
  node: unknown;
  /** Offsets of the item's whole lines, from its `- ` line to the line after its last content. */
  start: number;
  end: number;
  dashColumn: number;
  contentColumn: number;
}

type Ranged = { range?: [number, number, number] | null };

function itemSpans(file: ParsedFile, seq: unknown): ItemSpan[] | undefined {
  if (!isSeq(seq) || seq.flow) return undefined;
  const items = seq.items;
  const spans: ItemSpan[] = [];
  for (const item of items) {
    const range = (item as Ranged).range;
    if (!range) return undefined;
    const dash = file.text.lastIndexOf('-', range[0] - 1);
    const lineStart = lineStartOf(file, range[0]);
    // Only the common block form `- key: …` with the dash on the item's first line is rewritten.
    if (dash < lineStart || file.text.slice(lineStart, dash).trim() !== '') return undefined;
    spans.push({ node: item, start: lineStart, end: endOfContentLine(file, range[1]), dashColumn: dash - lineStart, contentColumn: columnOf(file, range[0]) });
  }
  // Comment lines between items travel with the item before them.
  for (let i = 0; i < spans.length - 1; i++) spans[i].end = spans[i + 1].start;
  return spans;
}

/** The item's lines wrapped as `- weight: 100 / podAffinityTerm: <item>`, dash at `dashColumn`. */
function wrap(file: ParsedFile, span: ItemSpan, dashColumn: number): string {
  const eol = file.eol;
  const step = span.contentColumn - span.dashColumn;
  const termColumn = dashColumn + step + file.indentUnit;
  const text = file.text.slice(span.start, span.end);
  const lines = text.split(/(?<=\n)/);
  const pad = (n: number) => ' '.repeat(Math.max(0, n));
  const out = [`${pad(dashColumn)}- weight: 100${eol}`, `${pad(dashColumn + step)}podAffinityTerm:${eol}`];
  lines.forEach((line, i) => {
    if (i === 0) {
      out.push(pad(termColumn) + line.slice(span.contentColumn));
      return;
    }
    if (line.trim() === '') {
      out.push(line);
      return;
    }
    const indent = line.length - line.trimStart().length;
    out.push(pad(indent - span.contentColumn + termColumn) + line.trimStart());
  });
  const joined = out.join('');
  return joined.endsWith('\n') ? joined : joined + eol;
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** Merges edits that touch, so no client sees an insertion at the end of a deletion. */
function toTextEdits(file: ParsedFile, edits: OffsetEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: OffsetEdit[] = [];
  for (const e of sorted) {
    const last = merged[merged.length - 1];
    if (last && e.start <= last.end) {
      last.newText += file.text.slice(last.end, e.start) + e.newText;
      last.end = Math.max(last.end, e.end);
    } else merged.push({ ...e });
  }
  return merged.map((e) => edit(file, e.start, e.end, e.newText));
}

/**
 * Edits that move the `offending` terms of `required` into preferred terms.
 * Returns undefined for layouts it does not rewrite (flow sequences, unusual dash placement).
 */
export function preferredAntiAffinityEdits(
  file: ParsedFile,
  antiAffinity: unknown,
  required: MapPair,
  offending: readonly unknown[],
): TextEdit[] | undefined {
  const spans = itemSpans(file, required.value);
  const keyRange = (required.key as Ranged).range;
  if (!spans || !keyRange) return undefined;
  const bad = spans.filter((s) => offending.includes(s.node));
  if (bad.length === 0) return undefined;
  const allBad = bad.length === spans.length;
  const preferred = findPair(antiAffinity, PREFERRED_KEY);

  if (allBad && !preferred) {
    // Smallest change: rename the key and wrap each term in place.
    return toTextEdits(file, [
      { start: keyRange[0], end: keyRange[1], newText: PREFERRED_KEY },
      ...bad.map((s) => ({ start: s.start, end: s.end, newText: wrap(file, s, s.dashColumn) })),
    ]);
  }

  const edits: OffsetEdit[] = [];
  const requiredEnd = spans[spans.length - 1].end;
  if (allBad) edits.push({ start: lineStartOf(file, keyRange[0]), end: requiredEnd, newText: '' });
  else for (const s of bad) edits.push({ start: s.start, end: s.end, newText: '' });

  if (preferred) {
    const target = itemSpans(file, preferred.value);
    if (!target || target.length === 0) return undefined;
    const last = target[target.length - 1];
    const text = bad.map((s) => wrap(file, s, last.dashColumn)).join('');
    const needsBreak = last.end >= file.text.length && !file.text.endsWith('\n');
    edits.push({ start: last.end, end: last.end, newText: (needsBreak ? file.eol : '') + text });
  } else {
    const keyColumn = columnOf(file, keyRange[0]);
    const text = `${' '.repeat(keyColumn)}${PREFERRED_KEY}:${file.eol}` + bad.map((s) => wrap(file, s, s.dashColumn)).join('');
    const needsBreak = requiredEnd >= file.text.length && !file.text.endsWith('\n');
    edits.push({ start: requiredEnd, end: requiredEnd, newText: (needsBreak ? file.eol : '') + text });
  }
  return toTextEdits(file, edits);
}
