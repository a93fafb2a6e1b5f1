/**
 * The language client's error handler: a crashed server is restarted (see restart-policy.ts), the
 * person is told once per session with a way to the log, and every crash is logged.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient/node';
import { RestartPolicy } from './restart-policy';

export function crashHandler(output: vscode.LogOutputChannel, policy = new RestartPolicy()): ErrorHandler {
  return {
    // Errors on the connection itself: keep going for a few, as vscode-languageclient does by default.
    error: (_error, _message, count) => ({ action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const decision = policy.closed();
      if (!decision.restart) {
        return {
          action: CloseAction.DoNotRestart,
          message: `OneNode's language server stopped unexpectedly ${decision.recent} times in ${policy.windowMs / 60_000} minutes and was not restarted. See the OneNode output, then run "OneNode: Restart Language Server".`,
        };
      }
      output.warn(`The language server stopped unexpectedly (${decision.recent} time(s) in the last ${policy.windowMs / 60_000} minutes); restarting it.`);
      if (decision.notify) {
        void vscode.window.showWarningMessage('OneNode: the language server stopped unexpectedly and was restarted.', 'Show Output').then((choice) => {
          if (choice) output.show(true);
        });
      }
      // handled: the message above (or the log) said it; the client adds no notification of its own.
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
