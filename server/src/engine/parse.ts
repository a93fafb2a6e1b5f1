/**
 * Parses a YAML file into documents with exact source ranges, classifies each document, and
 * turns YAML syntax errors into data (never exceptions). Everything downstream works on offsets
 * into the original text, so fixes can touch the smallest span and keep comments and style.
 */
import { LineCounter, parseAllDocuments, isDocument } from 'yaml';
import type { ParsedDocument, ParsedFile } from './types';
import { classify } from './classify';

export function parseFile(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    // Kubernetes (sigs.k8s.io/yaml), the OpenShift installer and the Harvester installer all decode
    // with YAML 1.1 rules: `yes` is a boolean and `0644` is octal there, so read it the same way.
    version: '1.1',
    uniqueKeys: true,
  });
  const documents: ParsedDocument[] = [];
  // An EmptyStream (comments only, or nothing) is not iterable as documents.
  const list = Array.isArray(parsed) ? parsed : [];
  list.forEach((doc, index) => {
    if (!isDocument(doc)) return;
    const [start, , end] = doc.range;
    documents.push({ index, doc, kind: classify(doc), start, end });
  });
  return {
    text,
    lineCounter,
    documents,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    indentUnit: detectIndentUnit(text),
  };
}

/**
 * The indentation step the file uses for nested block mappings, so inserted keys look like
 * their neighbours. Falls back to 2, the Kubernetes convention.
 */
export function detectIndentUnit(text: string): number {
  const lines = text.split(/\r?\n/, 400);
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i];
    if (!/^\s*[^#\s-][^#]*:\s*$/.test(line)) continue;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    if (next === undefined || next.trimStart().startsWith('-')) continue;
    const diff = indentOf(next) - indentOf(line);
    if (diff > 0 && diff <= 8) return diff;
  }
  return 2;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
