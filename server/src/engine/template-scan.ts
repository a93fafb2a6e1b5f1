/**
 * Finding template expressions (`{{ … }}`, `${ … }`) in linear time. The regular expressions used
 * before (`\{\{.*?\}\}` and friends) try every `{{` and scan to the end of its line: a 320 KB line
 * of `- {{` took 15 s, and a value of 80,000 `${` 10 s. These scans look at each character a
 * bounded number of times and find the same first match.
 */

/** Characters that end a line for `.` and `^` in a JavaScript regular expression. */
const LINE_END = /[\n\r\u2028\u2029]/g;

export interface Span {
  start: number;
  end: number;
}

function lineEndAfter(text: string, offset: number): number {
  LINE_END.lastIndex = offset;
  const found = LINE_END.exec(text);
  return found ? found.index : text.length;
}

/** The first `{{ … }}` that opens and closes on one line (what `/\{\{.*?\}\}/` finds). */
export function findExpression(text: string): Span | undefined {
  let close = -1;
  for (let open = text.indexOf('{{'); open !== -1; ) {
    // The first `}}` after an earlier opening is also the first after this one, if it lies beyond it.
    if (close < open + 2) close = text.indexOf('}}', open + 2);
    if (close === -1) return undefined;
    const lineEnd = lineEndAfter(text, open);
    if (close < lineEnd) return { start: open, end: close + 2 };
    // No `}}` on this line after its first `{{`, so none after a later one either.
    open = text.indexOf('{{', lineEnd + 1);
  }
  return undefined;
}

/** `key: {{ … }}` or `- {{ … }}` within one line: an unquoted value that is a template expression. */
const UNQUOTED_ON_LINE = /^[^'"#]*(?::|-)[ \t]+(\{\{.*?\}\})/;

/**
 * The first line whose unquoted value is a `{{ … }}` expression, and that expression. Each line is
 * cut after its last `}}` first: every candidate before that point closes, so the regular
 * expression never rescans the line for a `}}` that is not there.
 */
export function findUnquotedExpression(text: string): Span | undefined {
  for (let lineStart = 0; lineStart <= text.length; ) {
    const lineEnd = lineEndAfter(text, lineStart);
    const open = text.indexOf('{{', lineStart);
    if (open === -1) return undefined;
    if (open < lineEnd) {
      const line = text.slice(lineStart, lineEnd);
      const lastClose = line.lastIndexOf('}}');
      const match = lastClose === -1 ? null : UNQUOTED_ON_LINE.exec(line.slice(0, lastClose + 2));
      if (match) {
        const start = lineStart + match[0].length - match[1].length;
        return { start, end: start + match[1].length };
      }
      lineStart = lineEnd + 1;
    } else {
      // Skip straight to the line holding the next `{{`.
      lineStart = lineStartBefore(text, open);
    }
  }
  return undefined;
}

/** The start of the line holding `offset`, for any of the four line terminators. */
function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && !'\n\r\u2028\u2029'.includes(text[i - 1])) i--;
  return i;
}

/** Whether a value holds `${ … }` (Terraform, shell) or `{{ … }}` (Helm, Jinja2). */
export function containsTemplateExpression(text: string): boolean {
  const dollar = text.indexOf('${');
  // `\$\{[^}]*\}`: the first `${` matches when any `}` follows it; a later one only if it does too.
  if (dollar !== -1 && text.indexOf('}', dollar + 2) !== -1) return true;
  return findExpression(text) !== undefined;
}
