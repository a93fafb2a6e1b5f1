/**
 * YAML syntax errors as findings. The parser attaches errors to documents; this rule reports them
 * with their positions so a broken file gets a clear diagnostic instead of a crash.
 */
import type { Rule } from '../types';
import { rangeOfOffsets } from '../yaml-ast';
import { PLATFORMS } from '../types';
import { SOURCES } from '../sources';

export const YAML_SYNTAX_RULE_ID = 'yaml-syntax';

/**
 * The parser often points at one character, or at an empty spot at the end of the file. Widen
 * that to the token there (a duplicate key's whole name), or back to the last character of
 * content, so the squiggle is visible where the problem is.
 */
function widen(text: string, start: number, end: number): [number, number] {
  if (end > start + 1) return [start, end];
  if (start >= text.length || /\s/.test(text[start])) {
    let s = Math.min(start, text.length);
    while (s > 0 && /\s/.test(text[s - 1])) s--;
    return s > 0 ? [s - 1, s] : [start, end];
  }
  let e = start;
  while (e < text.length && !/[\s:,\]}]/.test(text[e])) e++;
  return [start, Math.max(e, start + 1)];
}

export const yamlSyntax: Rule = {
  id: YAML_SYNTAX_RULE_ID,
  title: 'YAML syntax error',
  severity: 'error',
  platforms: PLATFORMS,
  fixable: false,
  appliesTo: (document) => document.doc.errors.length > 0,
  check({ file, document }) {
    // After the first real syntax error the parser's later errors are mostly consequences of it
    // (a Helm template yields hundreds), so report that one, plus every duplicate key, which
    // is an independent fault.
    const seen = new Set<string>();
    const firstSyntax = document.doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
    const reported = document.doc.errors.filter((e) => e === firstSyntax || e.code === 'DUPLICATE_KEY');
    return reported.flatMap((error) => {
      const [start, end] = widen(file.text, error.pos[0], error.pos[1]);
      const detail = error.message.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
      const message =
        error.code === 'DUPLICATE_KEY'
          ? `Duplicate key "${file.text.slice(start, end)}" in this mapping: decoders disagree on which value wins, and the Kubernetes API server rejects or warns about duplicate fields.`
          : `YAML syntax error: ${detail}, so kubectl and the installers cannot read this document.`;
      const key = `${start}:${message}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ message, range: rangeOfOffsets(file, start, Math.max(end, start)), data: { code: error.code } }];
    });
  },
  docs: {
    why:
      'A file that is not valid YAML is not applied at all: `kubectl`, the Harvester installer and `openshift-install` stop at the first syntax error. ' +
      'OneNode reads YAML 1.1, as they do, and reports the first error of each document where the parser found it (later errors are ' +
      'usually consequences of the first). Duplicate keys are reported too: ' +
      'decoders differ on which of the two values wins, so the file does not mean one thing. While a document has syntax errors, ' +
      'the other rules skip it, so they do not report on a half-read document.',
    fix: 'Correct the YAML at the reported position. There is no automatic fix.',
    sources: [SOURCES.yamlSpec],
    example: { bad: 'kind: StorageClass\nmetadata:\n  name: a\n  name: b\n', good: 'kind: StorageClass\nmetadata:\n  name: a\n' },
  },
};
