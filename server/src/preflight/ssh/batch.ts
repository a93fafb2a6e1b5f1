/**
 * Reading many small files over SSH in one round trip. A fixed POSIX sh script arrives on standard
 * input (`sh -s`); the paths are its quoted arguments. Each record starts with a header line that
 * carries a random nonce, so file contents cannot be mistaken for a header.
 */
import { randomBytes } from 'node:crypto';
import { MAX_FILE_BYTES } from '../host';

export type BatchMode = 'read' | 'list' | 'exists';

// `head -c … && printf x` keeps trailing newlines through $(…) and tells a read error (sysfs answers
// EINVAL for the speed of a down link) from an empty file; the x is removed before printing.
export const BATCH_SCRIPT = `
nonce=$1; mode=$2; shift 2
for p in "$@"; do
  case $mode in
    read) if [ ! -d "$p" ] && out=$(head -c ${MAX_FILE_BYTES} -- "$p" 2>/dev/null && printf x); then printf '%s ok\\n%s\\n' "$nonce" "\${out%x}"; else printf '%s missing\\n' "$nonce"; fi ;;
    list) if [ -d "$p" ] && out=$(ls -1A -- "$p" 2>/dev/null && printf x); then printf '%s ok\\n%s\\n' "$nonce" "\${out%x}"; else printf '%s missing\\n' "$nonce"; fi ;;
    exists) if [ -e "$p" ]; then printf '%s ok\\n\\n' "$nonce"; else printf '%s missing\\n' "$nonce"; fi ;;
  esac
done
printf '%s end\\n' "$nonce"
`;

export function newNonce(): string {
  return `onenode-${randomBytes(12).toString('hex')}`;
}

export function batchArgv(nonce: string, mode: BatchMode, paths: readonly string[]): string[] {
  return ['sh', '-s', '--', nonce, mode, ...paths];
}

/** Splits the script's output into one entry per path: the content, or null when missing. */
export function parseBatchOutput(output: string, nonce: string, count: number): (string | null)[] {
  // A lookbehind, so the newline ending one record stays available to the next header.
  const header = new RegExp(`(?<=^|\\n)${nonce} (ok|missing|end)\\n`, 'g');
  const marks = [...output.matchAll(header)].map((m) => ({ status: m[1], start: m.index, end: m.index + m[0].length }));
  if (marks.length !== count + 1 || marks[count].status !== 'end') {
    throw new Error(`unexpected answer from the remote shell (${marks.length - 1} of ${count} records)`);
  }
  return marks.slice(0, count).map((mark, i) => {
    if (mark.status === 'missing') return null;
    // The content is followed by the one newline the script printed after it.
    const body = output.slice(mark.end, marks[i + 1].start);
    return body.endsWith('\n') ? body.slice(0, -1) : body;
  });
}
