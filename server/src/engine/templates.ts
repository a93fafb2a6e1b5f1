/**
 * Recognises template files (Helm and Go templates, Jinja2, Terraform templatefile): OneNode
 * checks YAML as it will be applied, and a template is not that yet.
 *
 * A file is a template when a line starts with a template directive (`{{- if … }}`,
 * `{% for … %}`, `%{ if … }`), when an unquoted value is a `{{ … }}` expression, or when it
 * does not parse and contains `{{ … }}`. Template
 * expressions inside quoted values of otherwise valid YAML (a Harvester webhook payload with
 * `{{.Hostname}}`) are data, so such files are still checked.
 */
import type { ParsedFile } from './types';
import { findExpression, findUnquotedExpression } from './template-scan';

const DIRECTIVE_LINE = /^[ \t]*(\{\{|\{%|%\{)/m;

export interface TemplateMarker {
  start: number;
  end: number;
}

export function templateMarker(file: ParsedFile): TemplateMarker | undefined {
  const directive = DIRECTIVE_LINE.exec(file.text);
  if (directive) {
    const start = directive.index + directive[0].length - directive[1].length;
    const newline = file.text.indexOf('\n', start);
    const lineEnd = newline === -1 ? file.text.length : newline;
    // A CRLF line ends before its \r: LSP clients do not count it as part of the line.
    return { start, end: lineEnd > start && file.text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd };
  }
  // `key: {{ … }}` or `- {{ … }}`: an unquoted value that is a template expression.
  const unquoted = findUnquotedExpression(file.text);
  if (unquoted) return unquoted;
  if (!file.documents.some((d) => d.doc.errors.length > 0)) return undefined;
  return findExpression(file.text);
}
