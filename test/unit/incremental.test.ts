/**
 * Re-checking with the previous parse (only changed YAML documents re-parsed) must give exactly
 * the findings of a fresh check, on every corpus file and after edits anywhere in it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { check, DEFAULT_OPTIONS, parseFile } from '../../server/src/engine';
import { decode } from '../../server/src/files/yaml-files';
import { CORPUS, RULE_FIXTURES } from '../helpers/paths';

function yamlFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const full = join(root, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return name.endsWith('.yaml') ? [full] : [];
  });
}

/** Deterministic edits: a comment line inserted at several line starts, and a character typed. */
function edits(text: string): string[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const picks = [0, Math.floor(lineStarts.length / 3), Math.floor((2 * lineStarts.length) / 3), lineStarts.length - 1];
  const out = picks.map((line) => {
    const at = lineStarts[line];
    return `${text.slice(0, at)}# edited\n${text.slice(at)}`;
  });
  const middle = Math.floor(text.length / 2);
  out.push(`${text.slice(0, middle)}x${text.slice(middle)}`);
  out.push(text.replace(/^---/m, '---\nextra: document\n---'));
  return out;
}

describe('incremental re-parse', () => {
  const files = [...yamlFiles(CORPUS), ...yamlFiles(RULE_FIXTURES)];
  it(`matches a fresh check after edits, on ${files.length} files`, () => {
    for (const path of files) {
      const original = decode(readFileSync(path)).text;
      let previous = check(original).file;
      for (const text of edits(original)) {
        const incremental = check(text, DEFAULT_OPTIONS, { previous });
        const fresh = check(text);
        assert.deepEqual(incremental.findings, fresh.findings, path);
        assert.equal(incremental.file?.documents.length, fresh.file?.documents.length, path);
        previous = incremental.file;
      }
    }
  });

  it('reuses the documents that did not change', () => {
    const doc = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm${n}\n`;
    const text = [1, 2, 3].map(doc).join('---\n');
    const first = parseFile(text);
    const firstDocs = first.documents.map((d) => d.doc);
    const edited = text.replace('name: cm2', 'name: cm22');
    const second = parseFile(edited, first);
    assert.equal(second.documents[0].doc, firstDocs[0]);
    assert.notEqual(second.documents[1].doc, firstDocs[1]);
    assert.equal(second.documents[2].doc, firstDocs[2]);
    assert.equal(second.documents[2].start, edited.lastIndexOf('---'));
  });

  it('parses files with directives whole', () => {
    const text = '%YAML 1.1\n---\na: 1\n---\nb: 2\n';
    assert.deepEqual(check(text).findings, []);
    assert.equal(parseFile(text).documents.length, 2);
  });
});
