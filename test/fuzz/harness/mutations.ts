/**
 * Text mutations for seed files: small, local damage as editors, humans and broken generators
 * make it (a deleted span, a duplicated or swapped line, wrong indentation, a stray quote, an
 * inserted separator, a template expression, an alias), plus whole-file transforms (CRLF, a BOM,
 * a lone carriage return, tab indentation, a NUL byte).
 */
import fc from 'fast-check';
import { ALL_TOKENS } from './tokens';

const OPS = ['insert', 'insert', 'delete', 'duplicateLine', 'swapLines', 'indent', 'digit', 'truncate', 'quote', 'separator', 'template', 'alias'] as const;
const TRANSFORMS = ['none', 'none', 'none', 'none', 'none', 'crlf', 'bom', 'loneCr', 'tabs', 'nul'] as const;

export interface Mutation {
  op: (typeof OPS)[number];
  at: number;
  n: number;
  token: string;
}

export interface Mutant {
  mutations: Mutation[];
  transform: (typeof TRANSFORMS)[number];
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom(...OPS),
  at: fc.nat(),
  n: fc.integer({ min: -6, max: 40 }),
  token: fc.constantFrom(...ALL_TOKENS),
});

export const mutant: fc.Arbitrary<Mutant> = fc.record({
  mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  transform: fc.constantFrom(...TRANSFORMS),
});

function valueStart(line: string): number {
  const colon = line.indexOf(': ');
  return colon === -1 ? -1 : colon + 2;
}

function onLines(text: string, edit: (lines: string[]) => void): string {
  const lines = text.split('\n');
  edit(lines);
  return lines.join('\n');
}

export function applyMutation(text: string, m: Mutation): string {
  const pos = m.at % (text.length + 1);
  const lineOf = (lines: string[]) => m.at % lines.length;
  switch (m.op) {
    case 'insert':
      return text.slice(0, pos) + m.token + text.slice(pos);
    case 'delete':
      return text.slice(0, pos) + text.slice(pos + Math.abs(m.n));
    case 'truncate':
      return text.slice(0, pos);
    case 'duplicateLine':
      return onLines(text, (lines) => lines.splice(lineOf(lines), 0, lines[lineOf(lines)]));
    case 'swapLines':
      return onLines(text, (lines) => {
        const i = lineOf(lines);
        const j = (m.at + Math.abs(m.n)) % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
      });
    case 'indent':
      return onLines(text, (lines) => {
        const i = lineOf(lines);
        if (m.n >= 0) lines[i] = (m.n % 7 === 0 ? '\t' : ' '.repeat(m.n % 5)) + lines[i];
        else lines[i] = lines[i].replace(new RegExp(`^ {0,${-m.n}}`), '');
      });
    case 'digit': {
      const at = text.slice(pos).search(/\d/);
      if (at === -1) return text;
      const i = pos + at;
      return text.slice(0, i) + String((Number(text[i]) + Math.abs(m.n)) % 10) + text.slice(i + 1);
    }
    case 'quote':
      return onLines(text, (lines) => {
        const i = lineOf(lines);
        const v = valueStart(lines[i]);
        const quote = m.n % 2 === 0 ? '"' : "'";
        lines[i] = v === -1 ? quote + lines[i] : lines[i].slice(0, v) + quote + lines[i].slice(v);
      });
    case 'separator':
      return onLines(text, (lines) => lines.splice(lineOf(lines), 0, m.n % 3 === 0 ? '--- # inline' : '---'));
    case 'template':
      return onLines(text, (lines) => {
        const i = lineOf(lines);
        const v = valueStart(lines[i]);
        const expression = m.n % 3 === 0 ? '{{- if .Values.x }}' : '{{ .Values.x }}';
        lines[i] = v === -1 ? expression : lines[i].slice(0, v) + expression;
      });
    case 'alias':
      return onLines(text, (lines) => {
        const i = lineOf(lines);
        const j = (m.at + Math.abs(m.n)) % lines.length;
        const vi = valueStart(lines[i]);
        const vj = valueStart(lines[j]);
        if (vi !== -1) lines[i] = `${lines[i].slice(0, vi)}&a ${lines[i].slice(vi)}`;
        if (vj !== -1) lines[j] = `${lines[j].slice(0, vj)}*a`;
      });
  }
}

export function applyTransform(text: string, transform: Mutant['transform'], at: number): string {
  switch (transform) {
    case 'none':
      return text;
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'bom':
      return `\uFEFF${text}`;
    case 'loneCr': {
      const newline = text.indexOf('\n', at % (text.length + 1));
      return newline === -1 ? `${text}\r` : `${text.slice(0, newline)}\r${text.slice(newline + 1)}`;
    }
    case 'tabs':
      return text.replace(/^( {2})+/gm, (spaces) => '\t'.repeat(spaces.length / 2));
    case 'nul':
      return text.slice(0, at % (text.length + 1)) + '\u0000' + text.slice(at % (text.length + 1));
  }
}

export function applyMutant(text: string, m: Mutant): string {
  const mutated = m.mutations.reduce(applyMutation, text);
  return applyTransform(mutated, m.transform, m.mutations[0]?.at ?? 0);
}
