/** Maps a JSON Pointer (as ajv reports error locations) to the YAML node it names, for ranges. */
import { isMap, isSeq } from 'yaml';
import { findPair, type MapPair } from './yaml-ast';

export interface PointerTarget {
  /** The node the pointer names, or the deepest node that exists on the way. */
  node: unknown;
  /** The pair whose value is the node, when the node is a mapping value. */
  pair?: MapPair;
  /** Whether the whole pointer resolved. */
  exact: boolean;
}

/** `fuzzy` matches keys the way Harvester's loader does (any of camelCase, lower-case, snake_case). */
export function resolvePointer(root: unknown, pointer: string, fuzzy = false): PointerTarget {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root;
  let pair: MapPair | undefined;
  for (const segment of segments) {
    if (isMap(node)) {
      const next = findPair(node, segment, fuzzy);
      if (!next) return { node, pair, exact: false };
      pair = next;
      node = next.value;
    } else if (isSeq(node) && /^\d+$/.test(segment) && Number(segment) < node.items.length) {
      pair = undefined;
      node = node.items[Number(segment)];
    } else return { node, pair, exact: false };
  }
  return { node, pair, exact: true };
}
