/**
 * The code rewritten for linear time on hostile input (duplicate keys, alias targets, template
 * scans, suppression lookups, `!!omap`) against the code it replaced, on generated inputs small
 * enough for the old code: both must give the same answers.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isAlias, parseAllDocuments, visit, type Alias, type Document } from 'yaml';
import { parseFile, type Finding } from '../../server/src/engine';
import { reportDuplicateKeys } from '../../server/src/engine/duplicate-keys';
import { aliasTarget } from '../../server/src/engine/alias-targets';
import { containsTemplateExpression, findExpression, findUnquotedExpression } from '../../server/src/engine/template-scan';
import { applySuppressions, findDirectives } from '../../server/src/engine/suppress';
import { linearOmapTags } from '../../server/src/engine/parse-guards';
import { FUZZ_SEED, runs } from './harness/budget';
import { tokenSoup } from './harness/arbitraries';
import {
  applySuppressionsBefore, EXPRESSION_BEFORE, findDirectivesBefore, libraryDuplicateKeys, TEMPLATE_VALUE_BEFORE, UNQUOTED_EXPRESSION_BEFORE,
} from './harness/reference';

const options = { seed: FUZZ_SEED, numRuns: runs(2000) };

/** Mappings whose keys repeat in every way YAML allows: equal scalars, 1.1 booleans, nulls, quoted numbers, merge keys, anchors. */
const keyedMaps = fc
  .array(
    fc.tuple(
      fc.constantFrom('a', 'b', '"a"', "'a'", '1', '"1"', '01', '0x1', 'yes', 'true', 'on', '~', 'null', '""', '.nan', '.NaN', '-0', '0', '<<', '&k a', '*k', '? [x]', '? {y: 1}', '!!str 1', 'a b'),
      fc.constantFrom('1', '{}', '[]', '*k', '{a: 1, a: 2}', '\n    a: 1\n    a: 1'),
      fc.constantFrom('', '  ', '- '),
    ),
    { maxLength: 12 },
  )
  .map((pairs) => pairs.map(([key, value, indent]) => `${indent}${key}: ${value}`).join('\n'));

function oursDuplicateKeys(text: string): { offsets: number[]; otherErrors: boolean }[] {
  const docs = parseAllDocuments(text, { version: '1.1', uniqueKeys: false, prettyErrors: false });
  return (Array.isArray(docs) ? (docs as Document.Parsed[]) : []).map((doc) => {
    const otherErrors = doc.errors.length > 0;
    reportDuplicateKeys(doc);
    return { offsets: doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]), otherErrors };
  });
}

/** The result of `run`, or the message it threw. */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    return { threw: error instanceof Error ? error.message : String(error) };
  }
}

const templateText = fc
  .array(fc.constantFrom('{{', '}}', '{', '}', '${', ':', ': ', '- ', '-', ' ', '\t', '"', "'", '#', 'a', 'key', '\n', '\r\n', '\r', '\u2028', '.Values.x'), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** Line terminators other than \n and \r\n, where the new per-line scan may differ from the old regex. */
const OTHER_LINE_ENDS = /\r(?!\n)|[\u2028\u2029]/;

describe(`linear rewrites agree with the code they replaced (seed ${FUZZ_SEED})`, () => {
  it('duplicate keys: the same DUPLICATE_KEY errors as the yaml library, at the same offsets', () => {
    fc.assert(
      fc.property(fc.oneof(keyedMaps, tokenSoup), (text) => {
        const library = libraryDuplicateKeys(text);
        const ours = oursDuplicateKeys(text);
        assert.equal(ours.length, library.length);
        ours.forEach((doc, i) => {
          // The rewrite stops at 1,000 per document; these inputs stay far below.
          assert.equal(doc.offsets.length, library[i].length, `document ${i} of ${JSON.stringify(text)}`);
          // The library reports where the key's properties end: after an empty value that is the
          // line break before the key (so the finding landed on the previous line's colon, naming
          // it as the key), after an explicit `? key` or a syntax error whatever it took as the
          // key's properties. The rewrite reports the key itself, so never earlier. The order
          // differs too (outer mappings first); findings are sorted anyway.
          if (doc.otherErrors) return;
          const sorted = (offsets: number[]) => [...offsets].sort((a, b) => a - b);
          const theirs = sorted(library[i]);
          sorted(doc.offsets).forEach((q, k) => assert.ok(q >= theirs[k], `duplicate ${k} at ${q}, the library's at ${theirs[k]}, in ${JSON.stringify(text)}`));
        });
      }),
      options,
    );
  });

  it('alias targets: the node Alias.resolve returns', () => {
    const anchored = fc
      .array(fc.tuple(fc.constantFrom('', '  ', '- ', '  - '), fc.constantFrom('k', 'j', 'x'), fc.constantFrom('&a v', '&b v', '*a', '*b', '&a [*a]', '&b {x: *a}', '*c', '&a', '&c *b', '<<: *a')), { maxLength: 15 })
      .map((lines) => lines.map(([indent, key, value]) => `${indent}${key}: ${value}`).join('\n'));
    fc.assert(
      fc.property(fc.oneof(anchored, tokenSoup), (text) => {
        const docs = parseAllDocuments(text, { version: '1.1' });
        for (const doc of Array.isArray(docs) ? (docs as Document.Parsed[]) : []) {
          const aliases: Alias[] = [];
          visit(doc, { Alias: (_k, node) => void aliases.push(node) });
          for (const alias of aliases) assert.ok(isAlias(alias) && aliasTarget(alias, doc) === alias.resolve(doc), `*${alias.source} in ${JSON.stringify(text)}`);
        }
      }),
      options,
    );
  });

  it('template scans: the first {{ … }}, the first unquoted `key: {{ … }}`, and placeholders in values', () => {
    fc.assert(
      fc.property(templateText, (text) => {
        const expression = EXPRESSION_BEFORE.exec(text);
        assert.deepEqual(findExpression(text), expression ? { start: expression.index, end: expression.index + expression[0].length } : undefined, JSON.stringify(text));
        assert.equal(containsTemplateExpression(text), TEMPLATE_VALUE_BEFORE.test(text), JSON.stringify(text));
        if (OTHER_LINE_ENDS.test(text)) return;
        const unquoted = UNQUOTED_EXPRESSION_BEFORE.exec(text);
        const before = unquoted ? { start: unquoted.index + unquoted[0].length - unquoted[1].length, end: unquoted.index + unquoted[0].length } : undefined;
        assert.deepEqual(findUnquotedExpression(text), before, JSON.stringify(text));
      }),
      { ...options, numRuns: runs(20_000) },
    );
  });

  it('suppressions: the same directives, and the same findings kept', () => {
    const rules = ['r1', 'r2', 'r3'];
    const line = fc.oneof(
      fc.constantFrom('---', 'a: 1', '  b: 2', '- c', '', '...', '# plain comment'),
      fc.tuple(fc.constantFrom('', '  '), fc.constantFrom('onenode-disable-next-line', 'onenode-disable'), fc.subarray(rules), fc.constantFrom('', ' -- why'), fc.constantFrom('', '\r')).map(
        ([indent, kind, named, reason, cr]) => `${indent}# ${kind} ${named.join(', ')}${reason}${cr}`,
      ),
    );
    const input = fc.tuple(fc.array(line, { maxLength: 25 }), fc.array(fc.tuple(fc.nat(30), fc.constantFrom(...rules)), { maxLength: 30 }));
    fc.assert(
      fc.property(input, ([lines, spots]) => {
        const file = parseFile(lines.join('\n'));
        assert.deepEqual(findDirectives(file), findDirectivesBefore(file));
        const findings: Finding[] = spots.map(([at, rule]) => ({ rule, severity: 'warning', message: 'm', range: { start: { line: at, character: 0 }, end: { line: at, character: 1 } }, fixes: [] }));
        assert.deepEqual(applySuppressions(file, findings), applySuppressionsBefore(file, findings));
      }),
      options,
    );
  });

  it('!!omap: the same pairs and the same duplicate-key errors as the library', () => {
    const omap = fc.array(fc.constantFrom('a', 'b', '1', '"1"', 'yes', 'true', '~', '[x]'), { maxLength: 10 }).map((keys) => `m: !!omap\n${keys.map((k, i) => `  - ${k}: ${i}`).join('\n')}\n`);
    fc.assert(
      fc.property(omap, (text) => {
        const library = parseAllDocuments(text, { version: '1.1' }) as Document.Parsed[];
        const linear = parseAllDocuments(text, { version: '1.1', customTags: linearOmapTags }) as Document.Parsed[];
        assert.deepEqual(linear.map((d) => d.errors.map((e) => e.message)), library.map((d) => d.errors.map((e) => e.message)));
        assert.deepEqual(linear.map((d) => outcome(() => d.toJS())), library.map((d) => outcome(() => d.toJS())));
      }),
      options,
    );
  });
});
