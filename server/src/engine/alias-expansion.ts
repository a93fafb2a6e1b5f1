/**
 * Aliases that kubectl refuses, reported as parse errors so the yaml-syntax rule says so at the
 * alias. The `yaml` library parses them without complaint: `*x` stays a reference until something
 * converts the document to plain values. Kubernetes' YAML decoder (go-yaml, since the fix for
 * CVE-2019-11253, the "billion laughs" against the API server) expands every alias, and fails with
 * "document contains excessive aliasing" when copies make up too much of what it decoded, and
 * with "anchor … value contains itself" for an alias inside the node it names.
 *
 * The expanded size is counted, not built: each node's size is computed once (a walk over the
 * document) and an alias adds its target's size.
 */
import { isAlias, isMap, isScalar, isSeq, YAMLParseError, type Alias, type Document } from 'yaml';
import { aliasTarget } from './alias-targets';

/** go-yaml's allowance (decode.go, allowedAliasRatio): 99% copies for small documents, down to 10% for large ones. */
function allowedAliasRatio(decoded: number): number {
  const low = 400_000;
  const high = 4_000_000;
  if (decoded <= low) return 0.99;
  if (decoded >= high) return 0.1;
  return 0.99 - (0.89 * (decoded - low)) / (high - low);
}

interface Expansion {
  /** Nodes decoded with every alias expanded. */
  total: number;
  /** Nodes as written (each counted once). */
  literal: number;
  /** The alias that copies the most nodes. */
  largest?: { alias: Alias; size: number };
  /** An alias inside the node it names. */
  recursive?: Alias;
}

function measure(doc: Document.Parsed): Expansion {
  const sizes = new Map<object, number>();
  const open = new Set<object>();
  const out: Expansion = { total: 0, literal: 0 };
  interface Frame {
    node: object;
    children: unknown[];
    next: number;
    size: number;
  }
  const frames: Frame[] = [];
  // The size of a scalar or alias now, or undefined when a collection was opened (frames are
  // used instead of recursion: documents can be nested thousands deep).
  const enter = (node: unknown): number | undefined => {
    if (node === null || typeof node !== 'object') return 0;
    if (isAlias(node)) {
      const target = aliasTarget(node, doc);
      if (target && typeof target === 'object') {
        if (open.has(target)) {
          out.recursive ??= node;
          return 1;
        }
        const size = sizes.get(target) ?? 1;
        if (!out.largest || size > out.largest.size) out.largest = { alias: node, size };
        return size;
      }
      return 1;
    }
    out.literal++;
    if (isScalar(node)) return 1;
    const children = isMap(node) ? node.items.flatMap((pair) => [pair.key, pair.value]) : isSeq(node) ? node.items : [];
    open.add(node);
    frames.push({ node, children, next: 0, size: 1 });
    return undefined;
  };
  const root = enter(doc.contents);
  if (root !== undefined) out.total = root;
  while (frames.length > 0) {
    const frame = frames[frames.length - 1];
    if (frame.next < frame.children.length) {
      const size = enter(frame.children[frame.next++]);
      if (size !== undefined) frame.size += size;
      continue;
    }
    frames.pop();
    open.delete(frame.node);
    sizes.set(frame.node, frame.size);
    if (frames.length > 0) frames[frames.length - 1].size += frame.size;
    else out.total = frame.size;
  }
  return out;
}

function errorAt(alias: Alias, message: string): YAMLParseError {
  const [start, end] = alias.range ?? [0, 1];
  return new YAMLParseError([start, Math.max(end, start + 1)], 'RESOURCE_EXHAUSTION', message);
}

/** Adds an error to `doc.errors` for an alias that never ends, or for excessive aliasing. */
export function reportAliasExpansion(doc: Document.Parsed): void {
  const { total, literal, largest, recursive } = measure(doc);
  if (recursive) {
    doc.errors.push(errorAt(recursive, `alias *${recursive.source} refers to a node that contains it (an endless loop)`));
    return;
  }
  const copies = total - literal;
  if (largest && copies > 100 && total > 1000 && copies / total > allowedAliasRatio(total)) {
    const count = total >= 1e15 ? total.toExponential(1) : total.toLocaleString('en-US');
    doc.errors.push(errorAt(largest.alias, `aliases expand this document to ${count} nodes, almost all of them copies (a "billion laughs" pattern)`));
  }
}
