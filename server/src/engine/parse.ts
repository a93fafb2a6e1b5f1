/**
 * Parses a YAML file into documents with exact source ranges, classifies each document, and
 * turns YAML syntax errors into data (never exceptions). Everything downstream works on offsets
 * into the original text, so fixes can touch the smallest span and keep comments and style.
 *
 * Files are parsed one YAML document at a time, so a keystroke re-parses only the document it
 * changed: given the previous parse of the same file, unchanged documents are reused and only
 * moved to their new offsets (a walk over their nodes, far cheaper than lexing them again).
 */
import { LineCounter, parseAllDocuments, isDocument, type Document } from 'yaml';
import type { ParsedDocument, ParsedFile } from './types';
import { classify } from './classify';
import { reportDuplicateKeys } from './duplicate-keys';
import { reportAliasExpansion } from './alias-expansion';
import { linearOmapTags, withoutStackTraces } from './parse-guards';
import { forEachNode } from './walk-nodes';

const PARSE_OPTIONS = {
  prettyErrors: false,
  // Kubernetes (sigs.k8s.io/yaml), the OpenShift installer and the Harvester installer all decode
  // with YAML 1.1 rules: `yes` is a boolean and `0644` is octal there, so read it the same way.
  version: '1.1',
  // Duplicate keys are found by reportDuplicateKeys: the library's own check is quadratic in the
  // number of keys of a mapping.
  uniqueKeys: false,
  customTags: linearOmapTags,
} as const;

/** One `---`-delimited piece of the file and the documents parsed from it. */
export interface DocumentChunk {
  text: string;
  start: number;
  documents: Document.Parsed[];
}

/**
 * Where documents start. Per the YAML spec (c-forbidden), a line beginning with `---` followed by
 * a space or line end can never be scalar content, so splitting there is exact. Directives (`%`)
 * scope over the following documents, so files with directives are parsed whole.
 */
function splitDocuments(text: string): { start: number; text: string }[] | undefined {
  if (/^%/m.test(text)) return undefined;
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) if (m.index > 0) starts.push(m.index);
  return starts.map((start, i) => ({ start, text: text.slice(start, starts[i + 1] ?? text.length) }));
}

/** Moves every offset in a parsed document by `delta` (node ranges and error positions). */
function shift(doc: Document.Parsed, delta: number): void {
  if (delta === 0) return;
  const move = (range: [number, number, number] | null | undefined) => {
    if (range) for (let i = 0; i < range.length; i++) range[i] += delta;
  };
  move(doc.range);
  forEachNode(doc, (node) => move((node as { range?: [number, number, number] | null }).range));
  for (const problem of [...doc.errors, ...doc.warnings]) {
    problem.pos[0] += delta;
    problem.pos[1] += delta;
    problem.linePos = undefined;
  }
}

function parseChunk(text: string, start: number): Document.Parsed[] {
  return withoutStackTraces(() => {
    const parsed = parseAllDocuments(text, PARSE_OPTIONS);
    const docs = (Array.isArray(parsed) ? parsed : []).filter((d): d is Document.Parsed => isDocument(d));
    // Aliases need a `*`: most chunks have none, and skip the walk.
    const aliases = text.includes('*');
    for (const doc of docs) {
      reportDuplicateKeys(doc);
      if (aliases) reportAliasExpansion(doc);
      shift(doc, start);
    }
    return docs;
  });
}

function lineCounterFor(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  return lineCounter;
}

/**
 * Parses `text`. When `previous` is the last parse of the same file, its unchanged documents are
 * reused; `previous` must not be used afterwards, since its reused documents now have new offsets.
 */
export function parseFile(text: string, previous?: ParsedFile): ParsedFile {
  const pieces = splitDocuments(text) ?? [{ start: 0, text }];
  const reusable = new Map<string, DocumentChunk[]>();
  for (const chunk of previous?.chunks ?? []) {
    const list = reusable.get(chunk.text);
    if (list) list.push(chunk);
    else reusable.set(chunk.text, [chunk]);
  }
  const chunks: DocumentChunk[] = pieces.map((piece) => {
    const old = reusable.get(piece.text)?.shift();
    if (!old) return { text: piece.text, start: piece.start, documents: parseChunk(piece.text, piece.start) };
    for (const doc of old.documents) shift(doc, piece.start - old.start);
    return { text: piece.text, start: piece.start, documents: old.documents };
  });
  const documents: ParsedDocument[] = [];
  for (const chunk of chunks) {
    for (const doc of chunk.documents) {
      const [start, , end] = doc.range;
      documents.push({ index: documents.length, doc, kind: classify(doc), start, end });
    }
  }
  return {
    text,
    lineCounter: lineCounterFor(text),
    documents,
    chunks,
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
