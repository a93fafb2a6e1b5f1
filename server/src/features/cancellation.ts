/**
 * Honouring $/cancelRequest. While the engine checks one version (synchronously), the next
 * keystrokes queue up as didChange, a pull for the new version, and a cancel of the pull before.
 * By default vscode-jsonrpc still runs a queued request whose cancel arrived (only its token says
 * so), so every superseded version was checked in turn before the latest one. Requests cancelled
 * before they start are now answered at once, and handlers that start the engine look at their
 * token first.
 */
import { LSPErrorCodes, Message, ResponseError, type CancellationToken, type ConnectionStrategy, type ResponseMessage } from 'vscode-languageserver/node';

/** Answers a request cancelled while still queued with RequestCancelled, without running its handler. */
export const ANSWER_CANCELLED_REQUESTS: ConnectionStrategy = {
  cancelUndispatched: (message): ResponseMessage | undefined =>
    Message.isRequest(message) ? { jsonrpc: message.jsonrpc, id: message.id, error: new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled before it started.').toJson() } : undefined,
};

/**
 * Lets the event loop read what has arrived (a cancel, a newer edit) before work starts, and
 * says whether the request was cancelled meanwhile.
 */
export async function cancelledAfterPendingMessages(token: CancellationToken): Promise<boolean> {
  if (token.isCancellationRequested) return true;
  await new Promise<void>((resolve) => setImmediate(resolve));
  return token.isCancellationRequested;
}

export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Superseded by a newer request.');
}

/**
 * Runs long work (a preflight, a deploy plan) with an AbortSignal that aborts when the client
 * cancels the request, so the work can stop and close what it opened.
 */
export async function withAbortSignal<T>(token: CancellationToken, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const listening = token.onCancellationRequested(() => controller.abort());
  try {
    return await work(controller.signal);
  } finally {
    listening.dispose();
  }
}
