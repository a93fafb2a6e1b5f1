/** Fix edits keep quoting style, indentation, comments and line endings. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isMap, type YAMLMap } from 'yaml';
import { applyEdits, parseFile } from '../../server/src/engine';
import { insertIntoMap, quoteScalar, replaceScalar } from '../../server/src/engine/edits';
import { findPair, getIn } from '../../server/src/engine/yaml-ast';

function root(text: string) {
  const file = parseFile(text);
  return { file, contents: file.documents[0].doc.contents };
}

function mapAt(contents: unknown, path: string[]): YAMLMap<unknown, unknown> {
  const node = path.length ? getIn(contents, path) : contents;
  assert.ok(isMap(node));
  return node;
}

describe('replaceScalar', () => {
  const cases: [string, string | number, string][] = [
    ['a: "3"\n', '1', 'a: "1"\n'],
    ["a: '3'\n", '1', "a: '1'\n"],
    ['a: 3\n', '1', 'a: "1"\n'],
    ['a: LiveMigrate # why\n', 'None', 'a: None # why\n'],
    ['a: "3"\n', 1, 'a: 1\n'],
    ['a: worker\n', 'master', 'a: master\n'],
    ['a: worker\n', 'yes', 'a: "yes"\n'],
  ];
  for (const [input, value, expected] of cases) {
    it(`${JSON.stringify(input)} with ${JSON.stringify(value)}`, () => {
      const { file, contents } = root(input);
      const edit = replaceScalar(file, findPair(contents, 'a')!.value, value);
      assert.ok(edit);
      assert.equal(applyEdits(input, [edit]), expected);
    });
  }

  it('does not rewrite block scalars', () => {
    const { file, contents } = root('a: |\n  text\n');
    assert.equal(replaceScalar(file, findPair(contents, 'a')!.value, 'x'), undefined);
  });
});

describe('quoteScalar', () => {
  it('quotes the source text exactly, so 0644 stays 0644', () => {
    const text = 'mode: 0644\n';
    const { file, contents } = root(text);
    assert.equal(applyEdits(text, [quoteScalar(file, findPair(contents, 'mode')!.value)!]), 'mode: "0644"\n');
  });
});

describe('insertIntoMap', () => {
  it('appends after the last entry at the entries\' indentation, nesting by the file\'s indent step', () => {
    const text = 'a:\n    b: 1  # note\n    c: 2\nd: 3\n';
    const { file, contents } = root(text);
    const edit = insertIntoMap(file, mapAt(contents, ['a']), ['x', 'y'], '"1"');
    assert.equal(applyEdits(text, [edit!]), 'a:\n    b: 1  # note\n    c: 2\n    x:\n        y: "1"\nd: 3\n');
  });

  it('adds a line break at the end of a file that has none', () => {
    const text = 'a:\n  b: 1';
    const { file, contents } = root(text);
    assert.equal(applyEdits(text, [insertIntoMap(file, mapAt(contents, ['a']), ['c'], '2')!]), 'a:\n  b: 1\n  c: 2');
  });

  it('keeps CRLF line endings', () => {
    const text = 'a:\r\n  b: 1\r\nz: 0\r\n';
    const { file, contents } = root(text);
    assert.equal(applyEdits(text, [insertIntoMap(file, mapAt(contents, ['a']), ['c'], '2')!]), 'a:\r\n  b: 1\r\n  c: 2\r\nz: 0\r\n');
  });

  it('inserts into flow mappings, nesting the rest of the path', () => {
    const text = 'a: {b: 1}\n';
    const { file, contents } = root(text);
    assert.equal(applyEdits(text, [insertIntoMap(file, mapAt(contents, ['a']), ['c', 'd'], '2')!]), 'a: {b: 1, c: { d: 2 }}\n');
  });

  it('inserts into the right document of a multi-document file', () => {
    const text = 'a: 1\n---\nb:\n  c: 1\n---\nd: 1\n';
    const file = parseFile(text);
    const second = file.documents[1].doc.contents;
    const edit = insertIntoMap(file, mapAt(second, ['b']), ['e'], '2');
    assert.equal(applyEdits(text, [edit!]), 'a: 1\n---\nb:\n  c: 1\n  e: 2\n---\nd: 1\n');
  });
});

describe('edits on unusual layouts', () => {
  it('inserts at the entries\' column when the mapping starts with a complex key', () => {
    const text = '? [a, b]\n: c\napiVersion: v1\n';
    const { file, contents } = root(text);
    assert.equal(applyEdits(text, [insertIntoMap(file, mapAt(contents, []), ['x'], '1')!]), '? [a, b]\n: c\napiVersion: v1\nx: 1\n');
  });

  it('keeps a space after the colon when filling an empty value', () => {
    const text = 'a:\nb: 2\n';
    const { file, contents } = root(text);
    assert.equal(applyEdits(text, [replaceScalar(file, findPair(contents, 'a')!.value, '1')!]), 'a: "1"\nb: 2\n');
  });
});
