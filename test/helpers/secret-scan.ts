/**
 * Fails a test when a secret shows up in text a person or CI could read: server and CLI logs,
 * stdout and stderr, command results, progress messages. Shared by the preflight and deploy
 * tests: pass everything that was logged and every secret the test handed over (passwords, key
 * passphrases, private keys, kubeconfig tokens, client keys).
 *
 * A secret is looked for in the forms a careless log line would carry it: as is, JSON-escaped,
 * base64 and URL-encoded; a multi-line secret (a PEM key) also line by line, so one line of key
 * material in a stack trace is caught. The failure message never contains the secret itself (the
 * test output is a log too): it names the secret by a masked form and shows the surroundings
 * with the match masked.
 */
import assert from 'node:assert/strict';

/** Shorter secrets would match by accident: tests must use distinctive ones. */
export const MIN_SECRET_LENGTH = 8;

export interface SecretLeak {
  /** The secret, masked: its first two characters and its length. */
  secret: string;
  /** Which form matched: plain, json, base64, url, or a line of a multi-line secret. */
  form: string;
  /** Offset of the match in the scanned text. */
  offset: number;
  /** The text around the match, with the match replaced by ***. */
  context: string;
}

export function mask(secret: string): string {
  return `${secret.slice(0, 2)}… (${secret.length} characters)`;
}

/** The forms one secret is looked for in. */
export function secretForms(secret: string): { form: string; text: string }[] {
  const forms = [
    { form: 'plain', text: secret },
    { form: 'json', text: JSON.stringify(secret).slice(1, -1) },
    { form: 'base64', text: Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, '') },
    { form: 'url', text: encodeURIComponent(secret) },
  ];
  if (/\r?\n/.test(secret)) {
    const lines = secret.split(/\r?\n/).map((l) => l.trim());
    // PEM armour ("-----BEGIN OPENSSH PRIVATE KEY-----") is not secret; the lines between are.
    lines.forEach((line, i) => {
      if (line.length >= MIN_SECRET_LENGTH * 2 && !/^-----(BEGIN|END) /.test(line)) forms.push({ form: `line ${i + 1}`, text: line });
    });
  }
  const seen = new Set<string>();
  return forms.filter((f) => f.text.length >= MIN_SECRET_LENGTH && !seen.has(f.text) && seen.add(f.text));
}

/** Every occurrence of any form of any secret in `text`. */
export function findSecrets(text: string, secrets: readonly string[]): SecretLeak[] {
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) throw new Error(`a secret to scan for must have at least ${MIN_SECRET_LENGTH} characters (got ${secret.length})`);
  }
  const needles = secrets.flatMap((secret) => secretForms(secret).map((f) => ({ secret, ...f })));
  const found: { secret: string; form: string; at: number; length: number }[] = [];
  for (const { secret, form, text: needle } of needles) {
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push({ secret, form, at, length: needle.length });
  }
  if (found.length === 0) return [];
  // Context comes from a copy with every occurrence blanked out at the same offsets, so the
  // text around one leak cannot show another secret, or part of one.
  const blank = text.split('');
  for (const f of found) blank.fill('*', f.at, f.at + f.length);
  const masked = blank.join('');
  return found.map((f) => ({
    secret: mask(f.secret),
    form: f.form,
    offset: f.at,
    context: masked.slice(Math.max(0, f.at - 40), f.at + f.length + 40).replace(/\*+/g, '***').replace(/\s+/g, ' '),
  }));
}

/** Fails when `text` (named `where`) contains any form of any of `secrets`. */
export function assertNoSecrets(text: string, secrets: readonly string[], where: string): void {
  const leaks = findSecrets(text, secrets);
  if (leaks.length === 0) return;
  const shown = leaks.slice(0, 5).map((l) => `  ${l.secret} (${l.form}) at ${l.offset}: …${l.context}…`);
  assert.fail(`${where} contains ${leaks.length} occurrence(s) of a secret:\n${shown.join('\n')}`);
}
