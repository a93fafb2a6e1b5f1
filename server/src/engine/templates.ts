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

const DIRECTIVE_LINE = /^[ \t]*(\{\{|\{%|%\{)/m;
/** `key: {{ … }}` or `- {{ … }}`: an unquoted value that is a template expression. */
const UNQUOTED_EXPRESSION = /^[^'"#\n]*(?::|-)[ \t]+(\{\{.*?\}\})/m;
const EXPRESSION = /\{\{.*?\}\}/;

export interface TemplateMarker {
  start: number;
  end: number;
}

export function templateMarker(file: ParsedFile): TemplateMarker | undefined {
  const directive = DIRECTIVE_LINE.exec(file.text);
  if (directive) {
    const start = directive.index + directive[0].length - directive[1].length;
    const lineEnd = file.text.indexOf('\n', start);
    return { start, end: lineEnd === -1 ? file.text.length : lineEnd };
  }
  const unquoted = UNQUOTED_EXPRESSION.exec(file.text);
  if (unquoted) {
    const start = unquoted.index + unquoted[0].length - unquoted[1].length;
    return { start, end: start + unquoted[1].length };
  }
  if (!file.documents.some((d) => d.doc.errors.length > 0)) return undefined;
  const expression = EXPRESSION.exec(file.text);
  return expression ? { start: expression.index, end: expression.index + expression[0].length } : undefined;
}
