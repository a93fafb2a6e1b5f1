/**
 * Duplicate mapping keys, found in linear time. The `yaml` library's own check (`uniqueKeys`)
 * compares each new key with every earlier key of its mapping, so one mapping of 50,000 keys (a
 * 600 KB file) took 40 s to parse: a hostile or generated file could hang the language server.
 * The parser runs with `uniqueKeys: false` and this pass reports the same errors the library would
 * (same code, message and position), with one hash lookup per key.
 */
import { isMap, isScalar, YAMLParseError, type Document } from 'yaml';
import { forEachNode } from './walk-nodes';

/** The library's message, kept so findings read the same as before. */
const MESSAGE = 'Map keys must be unique';

/**
 * Duplicates reported per document. Each is its own finding; a generated or hostile file can hold
 * hundreds of thousands (a 2 MB file of `? ` lines held 700,000), which no one reads and which
 * cost seconds to build and megabytes to send. The document is reported broken either way.
 */
export const MAX_DUPLICATE_KEYS_PER_DOCUMENT = 1000;

/**
 * Adds a DUPLICATE_KEY error to `doc.errors` for every key equal to an earlier key of the same
 * mapping (up to MAX_DUPLICATE_KEYS_PER_DOCUMENT). Equality is the library's: the same node, or two scalars whose values are `===` (so
 * `1` and `"1"` differ, and YAML 1.1's `yes` and `true` are the same boolean). Keys that are
 * collections or aliases never equal another key.
 */
export function reportDuplicateKeys(doc: Document.Parsed): void {
  let reported = 0;
  forEachNode(doc, (map) => {
    if (!isMap(map) || map.items.length < 2 || reported >= MAX_DUPLICATE_KEYS_PER_DOCUMENT) return;
    const seen = new Set<unknown>();
    for (const pair of map.items) {
      const key = pair.key;
      if (!isScalar(key)) continue;
      const value = key.value;
      // A Set treats NaN as equal to NaN; `===` (the library's test) does not.
      if (typeof value === 'number' && Number.isNaN(value)) continue;
      if (!seen.has(value)) {
        seen.add(value);
        continue;
      }
      const at = key.range?.[0] ?? map.range?.[0] ?? 0;
      doc.errors.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', MESSAGE));
      if (++reported >= MAX_DUPLICATE_KEYS_PER_DOCUMENT) return;
    }
  });
}
