/**
 * How the terminal flows of `onenode deploy` talk to the person: plain output, and a yes/no
 * question that is asked only when there is a terminal to answer it in. Without one, nothing
 * is confirmed: the caller must pass --yes.
 */
import { createInterface } from 'node:readline';

export interface TerminalIo {
  /** Results (plans, reports, URLs): standard output. */
  out(text: string): void;
  /** Findings, progress and errors: standard error. */
  err(text: string): void;
  /** Asks a yes/no question; undefined when there is no terminal to ask in. */
  confirm(question: string): Promise<boolean | undefined>;
  /** Calls `stop` on Ctrl+C or SIGTERM until the returned function is called. */
  onInterrupt(stop: () => void): () => void;
}

export function processIo(): TerminalIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    confirm: async (question) => {
      if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const answer = await new Promise<string>((resolve) => rl.question(`${question} [y/N] `, resolve));
        return /^(y|yes)$/i.test(answer.trim());
      } finally {
        rl.close();
      }
    },
    onInterrupt: (stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      };
    },
  };
}

/** Asks, or takes --yes; says why nothing happens when neither answers. */
export async function confirmed(io: TerminalIo, yes: boolean, question: string): Promise<boolean> {
  if (yes) return true;
  const answer = await io.confirm(question);
  if (answer === undefined) {
    io.err('onenode deploy: not confirmed: there is no terminal to ask in; pass --yes to confirm');
    return false;
  }
  if (!answer) io.err('onenode deploy: not confirmed; nothing was done');
  return answer;
}
