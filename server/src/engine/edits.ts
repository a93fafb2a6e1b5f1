/**
 * Builders for fixes as text edits. Every edit touches the smallest span it can, keeps the
 * original quoting style, indentation, line endings and comments, and works on offsets of the
 * whole file so multi-document files are handled the same as single documents.
 */
import { isMap, isScalar, parse, Scalar, type YAMLMap } from 'yaml';
import type { ParsedFile, Range, TextEdit } from './types';
import { rangeOfOffsets, type MapPair } from './yaml-ast';

type Node = { range?: [number, number, number] | null };

export function edit(file: ParsedFile, start: number, end: number, newText: string): TextEdit {
  return { range: rangeOfOffsets(file, start, end), newText };
}

/** Whether a plain (unquoted) scalar with this text would be read back as a string. */
function readsAsString(text: string): boolean {
  try {
    return typeof parse(text, { version: '1.1' }) === 'string' && !/[:#{}[\],&*!|>'"%@`]/.test(text);
  } catch {
    return false;
  }
}

function quote(text: string, style: 'double' | 'single'): string {
  return style === 'single' ? `'${text.replace(/'/g, "''")}'` : `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/**
 * Replaces a scalar's value. A number is written plain. A string keeps the original quote style,
 * and a plain scalar is quoted only when the new text would otherwise not read as a string.
 */
export function replaceScalar(file: ParsedFile, node: unknown, value: string | number): TextEdit | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  if (node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return undefined;
  const [start, end] = node.range;
  let text: string;
  if (typeof value === 'number') text = String(value);
  else if (node.type === Scalar.QUOTE_DOUBLE) text = quote(value, 'double');
  else if (node.type === Scalar.QUOTE_SINGLE) text = quote(value, 'single');
  else text = readsAsString(value) ? value : quote(value, 'double');
  // An empty value (`key:` with nothing after it) sits right after the colon: keep them apart.
  if (start === end && file.text[start - 1] === ':') text = ` ${text}`;
  return edit(file, start, end, text);
}

/** Wraps a plain scalar's source text in quotes so it reads as a string (`1` -> `"1"`). */
export function quoteScalar(file: ParsedFile, node: unknown): TextEdit | undefined {
  if (!isScalar(node) || !node.range || node.type !== Scalar.PLAIN) return undefined;
  const [start, end] = node.range;
  const source = file.text.slice(start, end);
  const style = /["\\]/.test(source) ? 'single' : 'double';
  return edit(file, start, end, quote(source, style));
}

export function lineStartOf(file: ParsedFile, offset: number): number {
  const { line } = file.lineCounter.linePos(offset);
  return file.lineCounter.lineStarts[line - 1] ?? 0;
}

export function columnOf(file: ParsedFile, offset: number): number {
  return offset - lineStartOf(file, offset);
}

/** Offset just past the end of the line holding the last non-blank character before `end`. */
export function endOfContentLine(file: ParsedFile, end: number): number {
  let e = Math.min(end, file.text.length);
  while (e > 0 && /\s/.test(file.text[e - 1])) e--;
  const { line } = file.lineCounter.linePos(Math.max(0, e - 1));
  const next = file.lineCounter.lineStarts[line];
  return next ?? file.text.length;
}

/** A leaf value as YAML text, or several `key: value` entries for a new mapping under the last key. */
export type Leaf = string | ReadonlyArray<readonly [string, string]>;

/** Text for `keys[0]: / keys[1]: / ... keys[n]: leaf` nested under a given column. */
function nestedLines(file: ParsedFile, column: number, keys: readonly string[], leaf: Leaf): string[] {
  const lines = keys.map((key, i) => {
    const pad = ' '.repeat(column + i * file.indentUnit);
    return i === keys.length - 1 && typeof leaf === 'string' ? `${pad}${key}: ${leaf}` : `${pad}${key}:`;
  });
  if (typeof leaf !== 'string') {
    const pad = ' '.repeat(column + keys.length * file.indentUnit);
    for (const [key, value] of leaf) lines.push(`${pad}${key}: ${value}`);
  }
  return lines;
}

function flowLeaf(leaf: Leaf): string {
  return typeof leaf === 'string' ? leaf : `{ ${leaf.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
}

/** Inserts whole lines at a line start (or at end of file, adding the missing line break). */
function insertLines(file: ParsedFile, at: number, lines: string[]): TextEdit {
  const body = lines.join(file.eol);
  if (at >= file.text.length && !file.text.endsWith('\n')) return edit(file, at, at, file.eol + body);
  return edit(file, at, at, body + file.eol);
}

/**
 * Inserts `keys[0]: ... keys[n]: leaf` into a mapping, creating the intermediate mappings.
 * Block mappings get new lines after their last entry, at the entries' indentation; flow
 * mappings get `, key: {…}` before the closing brace.
 */
export function insertIntoMap(file: ParsedFile, map: YAMLMap<unknown, unknown>, keys: readonly string[], leaf: Leaf): TextEdit | undefined {
  const range = (map as Node).range;
  if (!range || keys.length === 0) return undefined;
  if (map.flow) {
    const close = file.text.lastIndexOf('}', range[1]);
    if (close < range[0]) return undefined;
    const inner = keys.slice(1).reduceRight((acc, key) => `{ ${key}: ${acc} }`, flowLeaf(leaf));
    const sep = map.items.length > 0 ? ', ' : ' ';
    const trailing = map.items.length > 0 ? '' : ' ';
    return edit(file, close, close, `${sep}${keys[0]}: ${inner}${trailing}`);
  }
  const column = entryColumn(file, map);
  const last = map.items[map.items.length - 1];
  if (column === undefined || !last) return undefined;
  const lastEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node).range?.[1] ?? range[1];
  return insertLines(file, endOfContentLine(file, lastEnd), nestedLines(file, column, keys, leaf));
}

/**
 * The column of a block mapping's keys, read from its first simple key (`key:` or `- key:`);
 * explicit `? complex` keys do not show the entries' column.
 */
function entryColumn(file: ParsedFile, map: YAMLMap<unknown, unknown>): number | undefined {
  for (const pair of map.items) {
    const range = (pair.key as Node | null)?.range;
    if (!isScalar(pair.key) || !range) continue;
    const lineStart = lineStartOf(file, range[0]);
    if (/^[ -]*$/.test(file.text.slice(lineStart, range[0]))) return range[0] - lineStart;
  }
  return undefined;
}

/** Gives an empty pair (`key:` with no value) a nested mapping value. */
export function insertUnderEmptyPair(file: ParsedFile, pair: MapPair, keys: readonly string[], leaf: Leaf): TextEdit | undefined {
  const key = pair.key as Node;
  if (!key.range) return undefined;
  if (pair.value != null && !(isScalar(pair.value) && pair.value.value === null)) return undefined;
  const column = columnOf(file, key.range[0]) + file.indentUnit;
  return insertLines(file, endOfContentLine(file, key.range[1]), nestedLines(file, column, keys, leaf));
}

/**
 * Sets a nested value that may be partly missing: walks to the deepest existing mapping and
 * inserts the rest there (or under an empty `key:`).
 */
export function insertPath(
  file: ParsedFile,
  walk: { map: YAMLMap<unknown, unknown> | undefined; pair: MapPair | undefined; missing: string[] },
  leaf: Leaf,
): TextEdit | undefined {
  if (walk.missing.length === 0) return undefined;
  if (walk.pair && !isMap(walk.pair.value)) return insertUnderEmptyPair(file, walk.pair, walk.missing, leaf);
  return walk.map ? insertIntoMap(file, walk.map, walk.missing, leaf) : undefined;
}

export function renameKey(file: ParsedFile, pair: MapPair, newKey: string): TextEdit | undefined {
  const key = pair.key as Node;
  if (!key.range) return undefined;
  return edit(file, key.range[0], key.range[1], newKey);
}

export function rangeIsEmpty(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}
