/**
 * Small, typed helpers for walking the `yaml` AST and turning node offsets into LSP ranges.
 * Rules use these instead of converting documents to plain JS, so every finding keeps the exact
 * source position of the node it is about.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Scalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ParsedFile, Position, Range } from './types';
import { aliasTarget } from './alias-targets';
import { containsTemplateExpression } from './template-scan';

export type AnyNode = Node | null | undefined;
export type MapPair = Pair<unknown, unknown>;

/** Harvester's loader accepts camelCase, lower-case and snake_case spellings of every key. */
export function normalizeHarvesterKey(key: string): string {
  return key.replace(/[_-]/g, '').toLowerCase();
}

/** The key as text; undefined for complex keys and for YAML 1.1 merge keys (`<<`). */
export function keyText(pair: MapPair): string | undefined {
  if (!isScalar(pair.key)) return undefined;
  const value = pair.key.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The node an alias (`*name`) points to, or the node itself. */
export function deref(node: unknown, doc: Document.Parsed): unknown {
  // aliasTarget, not node.resolve: the library walks the whole document on every resolve.
  return isAlias(node) ? aliasTarget(node, doc) : node;
}

/** Finds a pair in a mapping by key; `fuzzy` applies Harvester's key spellings. */
export function findPair(map: unknown, key: string, fuzzy = false): MapPair | undefined {
  if (!isMap(map)) return undefined;
  const wanted = fuzzy ? normalizeHarvesterKey(key) : key;
  return map.items.find((pair) => {
    const k = keyText(pair);
    return k !== undefined && (fuzzy ? normalizeHarvesterKey(k) === wanted : k === wanted);
  });
}

export function get(map: unknown, key: string, fuzzy = false): unknown {
  return findPair(map, key, fuzzy)?.value;
}

/** Follows a path of mapping keys; returns undefined as soon as a step is missing. */
export function getIn(node: unknown, path: readonly string[], fuzzy = false): unknown {
  let current = node;
  for (const key of path) {
    current = get(current, key, fuzzy);
    if (current === undefined) return undefined;
  }
  return current;
}

/**
 * Walks a path as far as it exists. Returns the deepest mapping reached, the pair that led to it
 * (for ranges), and the keys still missing below it. Used by fixes that insert nested keys.
 */
export function walkExisting(
  root: unknown,
  path: readonly string[],
  fuzzy = false,
): { map: YAMLMap<unknown, unknown> | undefined; pair: MapPair | undefined; missing: string[] } {
  let map = isMap(root) ? (root) : undefined;
  let pair: MapPair | undefined;
  for (let i = 0; i < path.length; i++) {
    const next = findPair(map, path[i], fuzzy);
    if (!next) return { map, pair, missing: path.slice(i) };
    if (i === path.length - 1) return { map, pair: next, missing: [] };
    if (!isMap(next.value)) return { map, pair: next, missing: path.slice(i + 1) };
    pair = next;
    map = next.value;
  }
  return { map, pair, missing: [] };
}

export function scalarOf(node: unknown): Scalar | undefined {
  return isScalar(node) ? node : undefined;
}

/** The scalar's value as a string when it is a string, number or boolean; else undefined. */
export function scalarString(node: unknown): string | undefined {
  const s = scalarOf(node);
  if (!s) return undefined;
  const v = s.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** An integer value written as a YAML int, or as a string of digits (lenient: both occur). */
export function scalarInt(node: unknown): number | undefined {
  const s = scalarOf(node);
  if (!s) return undefined;
  if (typeof s.value === 'number' && Number.isInteger(s.value)) return s.value;
  if (typeof s.value === 'string' && /^\s*-?\d+\s*$/.test(s.value)) return Number.parseInt(s.value, 10);
  return undefined;
}

export function mapItems(node: unknown): MapPair[] {
  return isMap(node) ? node.items : [];
}

export function seqItems(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

/** A mapping of string keys to string values (labels, matchLabels); non-scalar entries are skipped. */
export function stringMap(node: unknown): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of mapItems(node)) {
    const k = keyText(pair);
    const v = scalarString(pair.value) ?? (pair.value == null || (isScalar(pair.value) && pair.value.value === null) ? '' : undefined);
    if (k !== undefined && v !== undefined) out.set(k, v);
  }
  return out;
}

export function positionAt(file: ParsedFile, offset: number): Position {
  const { line, col } = file.lineCounter.linePos(Math.max(0, Math.min(offset, file.text.length)));
  return { line: line - 1, character: col - 1 };
}

export function rangeOfOffsets(file: ParsedFile, start: number, end: number): Range {
  return { start: positionAt(file, start), end: positionAt(file, Math.max(start, end)) };
}

/** The node's text exactly as written in the file. */
export function sourceText(file: ParsedFile, node: unknown): string {
  const range = (node as Node | undefined)?.range;
  return range ? file.text.slice(range[0], range[1]) : '';
}

/** Range of a node's value (without trailing comments). */
export function nodeRange(file: ParsedFile, node: unknown): Range | undefined {
  const range = (node as Node | undefined)?.range;
  if (!range) return undefined;
  return rangeOfOffsets(file, range[0], range[1]);
}

/** Range of a pair's key, the usual anchor for "this setting is wrong or missing". */
export function keyRange(file: ParsedFile, pair: MapPair): Range | undefined {
  return nodeRange(file, pair.key);
}

/** Range of the value when it is there, else of the key. */
export function valueOrKeyRange(file: ParsedFile, pair: MapPair): Range {
  return nodeRange(file, pair.value) ?? keyRange(file, pair) ?? rangeOfOffsets(file, 0, 0);
}

/** Range for a finding about a whole document: its first key, or the document start. */
export function documentAnchor(file: ParsedFile, root: unknown, start: number): Range {
  const first = mapItems(root)[0];
  return (first && keyRange(file, first)) ?? rangeOfOffsets(file, start, start);
}

export function isPairNode(node: unknown): node is MapPair {
  return isPair(node);
}

/**
 * A scalar's text as the installers' Go YAML decoders read it: a plain scalar as written (so
 * `52:54:00:12:34:56` stays a MAC address instead of a YAML 1.1 base-60 number, and `0150` keeps
 * its digits), a quoted or block scalar by its value. Undefined for null and non-scalars.
 */
export function literalText(file: ParsedFile, node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  if (node.type === 'PLAIN' && node.range) {
    const written = file.text.slice(node.range[0], node.range[1]);
    if (!/[\r\n]/.test(written)) return written;
  }
  const v = node.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/**
 * Offsets [start, end) of the whole lines a mapping pair occupies (with a trailing comment on its
 * last line), for deleting it. Undefined when other content shares those lines: a pair that opens
 * a `- key:` sequence item, or sits next to other entries of a flow mapping.
 */
export function pairLines(file: ParsedFile, pair: MapPair): { start: number; end: number } | undefined {
  const keyRange = (pair.key as Node | null)?.range;
  if (!keyRange) return undefined;
  const starts = file.lineCounter.lineStarts;
  const lineIndex = (offset: number) => file.lineCounter.linePos(offset).line - 1;
  const start = starts[lineIndex(keyRange[0])] ?? 0;
  if (!/^[ \t]*$/.test(file.text.slice(start, keyRange[0]))) return undefined;
  let contentEnd = (pair.value as Node | null)?.range?.[1] ?? keyRange[1];
  while (contentEnd > keyRange[1] && /\s/.test(file.text[contentEnd - 1])) contentEnd--;
  const endLine = lineIndex(Math.max(keyRange[0], contentEnd - 1));
  const end = starts[endLine + 1] ?? file.text.length;
  if (!/^[ \t]*(#.*)?\r?\n?$/.test(file.text.slice(contentEnd, end))) return undefined;
  return { start, end };
}

/**
 * Whether a value holds a template expression (`${var}` of Terraform/shell, `{{ … }}` of Helm/Jinja2)
 * that is replaced before the file is used: rules that check a value's format skip such values.
 */
export function hasTemplateExpression(text: string): boolean {
  // A linear scan: the regular expression /\$\{[^}]*\}|\{\{.*?\}\}/ is quadratic on a value of many `${`.
  return containsTemplateExpression(text);
}
