/** Finds the YAML document and the key path under a position, for hovers and other lookups. */
import { isMap, isSeq, type Node } from 'yaml';
import type { ParsedDocument, ParsedFile } from './types';

export type PathSegment = string | number;

export interface Located {
  document: ParsedDocument;
  path: PathSegment[];
}

type Ranged = { range?: [number, number, number] | null };

function within(node: unknown, offset: number): boolean {
  const r = (node as Ranged | null)?.range;
  return !!r && offset >= r[0] && offset <= r[2];
}

export function locate(file: ParsedFile, offset: number): Located | undefined {
  const document = file.documents.find((d) => offset >= d.start && offset <= d.end);
  if (!document) return undefined;
  const path: PathSegment[] = [];
  let node: unknown = document.doc.contents;
  for (let depth = 0; depth < 200 && node; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((p) => within(p.key, offset) || within(p.value, offset));
      if (!pair) break;
      const key = (pair.key as Node & { value?: unknown })?.value;
      path.push(String(key));
      if (within(pair.key, offset)) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => within(item, offset));
      if (index === -1) break;
      path.push(index);
      node = node.items[index];
    } else break;
  }
  return { document, path };
}
