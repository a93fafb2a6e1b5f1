/**
 * Generated inputs. `tokenSoup` strings YAML pieces together at random (mostly not YAML at all:
 * it exercises the parser's error paths and every rule's guards). `structuredDocuments` starts from
 * the rule fixtures, which are valid documents of the kinds the rules read, and replaces, deletes
 * or nests their values with hostile ones before writing them back as YAML, so rules see their
 * own kinds with wrong types, odd numbers, placeholders and empty values.
 */
import fc from 'fast-check';
import { parseAllDocuments, stringify, type Document } from 'yaml';
import { ALL_TOKENS, KEYS, TEMPLATES, VALUES } from './tokens';
import type { SeedFile } from './inputs';

export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.constantFrom(...ALL_TOKENS), { maxLength: 80 }).map((tokens) => tokens.join(''));

const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...VALUES.map((v) => v.replace(/^["']|["']$/g, ''))),
  fc.constantFrom(...TEMPLATES),
  fc.integer({ min: -5, max: 10 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', ' ', 'a'.repeat(300), '99999999999999999999', '1.5', '0x10', '3 ', ' 3', '3Gi', '-0'),
);

const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), scalar, { maxKeys: 4 }) },
);

interface Edit {
  pick: number;
  action: 'replace' | 'delete' | 'rename' | 'wrap';
  value: unknown;
  key: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  pick: fc.nat(),
  action: fc.constantFrom('replace', 'replace', 'replace', 'delete', 'rename', 'wrap'),
  value,
  key: fc.constantFrom(...KEYS),
});

type Json = Record<string, unknown> | unknown[];

/** Every object or array in a value, with the keys (or indexes) in it: the places an edit can land. */
function places(root: unknown): { holder: Json; key: string | number }[] {
  const out: { holder: Json; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push({ holder: node, key: i });
        walk(child);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, child] of Object.entries(node)) {
        out.push({ holder: node as Json, key: k });
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}

function applyEdit(root: unknown, e: Edit): void {
  const all = places(root);
  if (all.length === 0) return;
  const { holder, key } = all[e.pick % all.length];
  const record = holder as Record<string | number, unknown>;
  switch (e.action) {
    case 'replace':
      record[key] = e.value;
      break;
    case 'delete':
      if (Array.isArray(holder)) holder.splice(key as number, 1);
      else delete record[key];
      break;
    case 'rename':
      if (!Array.isArray(holder)) {
        record[e.key] = record[key];
        delete record[key];
      }
      break;
    case 'wrap':
      record[key] = { [e.key]: record[key] };
      break;
  }
}

const layout = fc.record({ indent: fc.constantFrom(2, 4), flow: fc.boolean(), quote: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE') });

/** A fixture's documents with 1–5 structural edits, written back as YAML in a random layout. */
export function structuredDocuments(seeds: readonly SeedFile[]): fc.Arbitrary<string> {
  const parsed = seeds.map((seed) => parseAllDocuments(seed.text)).filter((docs) => Array.isArray(docs)) as Document.Parsed[][];
  return fc.tuple(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 5 }), layout).map(([which, edits, style]) => {
    const docs = parsed[which % parsed.length].map((d) => d.toJS({ maxAliasCount: 100 }) as unknown);
    for (const e of edits) applyEdit(docs[e.pick % docs.length], e);
    return docs
      .map((doc) => String(stringify(doc, { indent: style.indent, collectionStyle: style.flow ? 'flow' : 'any', defaultStringType: style.quote, lineWidth: 0 }) ?? ''))
      .join('---\n');
  });
}
