/**
 * Calls `visit` for every node of a parsed document (collections, scalars, aliases; an alias is
 * not followed). The `yaml` library's own `visit` does the same at about 2.6 times the cost (it
 * tracks paths and supports edits), and parsing walks every document twice (duplicate keys, and
 * moving offsets), which cost about 45 ms of `onenode check` on the 500-file benchmark repository.
 */
import { isMap, isPair, isSeq, type Document } from 'yaml';

export function forEachNode(doc: Document.Parsed, visit: (node: object) => void): void {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (isPair(node)) {
      // Pairs are not nodes (no range); `!!omap` and `!!pairs` hold them in a sequence.
      stack.push(node.value, node.key);
      continue;
    }
    visit(node);
    if (isMap(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i].value, node.items[i].key);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
}
