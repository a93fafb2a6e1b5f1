/** Shared setup for the protocol tests: starting a client, fixtures, positions by substring, bounded waits. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, Hover, MarkupContent, Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/engine';
import { TestLspClient, type ClientOptions } from '../helpers/lsp-client';
import { FIXTURES, RULE_FIXTURES } from '../helpers/paths';

/** Upper bound for any single wait on the server (a request, a notification, a refresh). */
export const WAIT_MS = 10_000;

/** Rejects when `promise` does not settle within `ms`, so a silent server fails the test instead of hanging it. */
export async function withTimeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `condition` until it holds; fails after `ms`. For counters the client bumps on server requests. */
export async function waitFor(condition: () => boolean, what: string, ms = WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A spawned and initialized server; stops it again when initialize fails. */
export async function startClient(options?: ClientOptions): Promise<TestLspClient> {
  const client = new TestLspClient(options);
  try {
    await withTimeout(client.initialize(), 'initialize');
  } catch (error) {
    await client.stop();
    throw error;
  }
  return client;
}

/** Pulls diagnostics with a timeout. */
export function pull(client: TestLspClient, uri: string): Promise<Diagnostic[]> {
  return withTimeout(client.pullDiagnostics(uri), `pull diagnostics for ${uri}`);
}

let uriCounter = 0;
/** A fresh document URI per call, so tests sharing one server never see each other's documents. */
export function docUri(name: string): string {
  uriCounter++;
  return `file:///onenode-protocol/${uriCounter}-${name}`;
}

export function ruleFixture(rule: string, name: string): string {
  return readFileSync(join(RULE_FIXTURES, rule, name), 'utf8');
}

export function protocolFixture(name: string): string {
  return readFileSync(join(FIXTURES, 'protocol', name), 'utf8');
}

/** The position of the `occurrence`-th (0-based) match of `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, occurrence = 0, shift = 0): Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${occurrence + 1} times in the text`);
  }
  offset += shift;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The range of the `occurrence`-th match of `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  const start = positionOf(text, needle, occurrence);
  const end = positionOf(text, needle, occurrence, needle.length);
  return { start, end };
}

export function isCodeAction(value: CodeAction | { command: string }): value is CodeAction {
  return 'title' in value;
}

/** The code actions of a response, failing on a null response or bare commands. */
export function actionsOf(response: (CodeAction | { command: string })[] | null): CodeAction[] {
  assert.ok(response !== null, 'codeAction answered null');
  return response.filter(isCodeAction);
}

/** The text edits an action makes to `uri` (workspace edits as `changes`). */
export function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits !== undefined, `action "${action.title}" has no edits for ${uri}`);
  return edits;
}

/** The document text after applying an action's edits, as an editor would. */
export function applyAction(text: string, action: CodeAction, uri: string): string {
  return applyEdits(text, editsOf(action, uri));
}

/** The markdown of a hover, failing when there is none or it is not markdown. */
export function hoverMarkdown(hover: Hover | null): string {
  assert.ok(hover !== null, 'expected a hover, got null');
  const contents = hover.contents as MarkupContent;
  assert.ok(typeof contents === 'object' && contents.kind === 'markdown', 'hover contents are MarkupContent in markdown');
  return contents.value;
}

/** A diagnostic's message as plain text (LSP 3.18 also allows MarkupContent; this server sends strings). */
export function messageOf(diagnostic: Diagnostic): string {
  assert.equal(typeof diagnostic.message, 'string', 'the message is a plain string');
  return diagnostic.message as string;
}

/** Lines a stderr/logMessage stream shows when a handler threw inside the server. */
export function serverFailures(client: TestLspClient): string[] {
  return client.logs.filter((line) => /failed:|Uncaught/.test(line));
}
