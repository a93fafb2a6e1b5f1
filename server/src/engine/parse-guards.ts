/**
 * Keeps the `yaml` library's cost linear on hostile input. Two of its paths grow much faster than
 * the file (measured on 0.25–0.5 MB inputs, see docs/security.md):
 * - every parse error is an `Error` subclass, so each one captured a stack trace: a file of
 *   100,000 stray `]` spent most of its 5 s there, and 10 MB would take minutes;
 * - YAML 1.1's `!!omap` checks each key against every earlier one (`Array.includes`).
 */
import { isScalar, type Tags, type YAMLSeq } from 'yaml';

const OMAP = 'tag:yaml.org,2002:omap';
const PAIRS = 'tag:yaml.org,2002:pairs';

/** Runs `parse` without capturing stack traces: the parser's errors are data, never thrown to a person. */
export function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

type Resolve = (value: YAMLSeq.Parsed, onError: (message: string) => void, options: unknown) => unknown;
type Tag = Exclude<Tags[number], string>;

function isTag(tag: Tags[number], id: string): tag is Tag {
  return typeof tag !== 'string' && tag.tag === id;
}

/**
 * The schema's tags with `!!omap` resolved in linear time: the same pairs, node class and message
 * as the library's, with a Set where it uses an array (both compare keys with SameValueZero).
 */
export function linearOmapTags(tags: Tags): Tags {
  const pairs = tags.find((t) => isTag(t, PAIRS));
  const resolvePairs = pairs && typeof pairs !== 'string' && typeof pairs.resolve === 'function' ? (pairs.resolve.bind(pairs) as unknown as Resolve) : undefined;
  return tags.map((tag) => {
    if (!isTag(tag, OMAP) || !('nodeClass' in tag) || !tag.nodeClass || !resolvePairs) return tag;
    const NodeClass = tag.nodeClass;
    const resolve: Resolve = (seq, onError, options) => {
      const resolved = resolvePairs(seq, onError, options) as { items: { key: unknown }[] };
      const seen = new Set<unknown>();
      for (const { key } of resolved.items) {
        if (!isScalar(key)) continue;
        if (seen.has(key.value)) onError(`Ordered maps must not include duplicate keys: ${String(key.value)}`);
        else seen.add(key.value);
      }
      return Object.assign(new NodeClass(), resolved);
    };
    return { ...tag, resolve } as unknown as Tag;
  });
}
