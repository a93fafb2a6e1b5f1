/**
 * The OneNode extension's entry point: registers the commands, the status bar and the
 * walkthrough, and starts the language server right after activation. UI only: every check runs
 * in the server (the same engine as the CLI). Activation stays light: the language client,
 * preflight and deploy live in dist/session.js, loaded once activate() has returned.
 */
import * as vscode from 'vscode';
import { join } from 'node:path';
import { selectPlatform } from './platform-picker';
import { readSettingChoices } from './setting-choices';
import { createPlatformStatusBar } from './status-bar';
import { openSample, watchForFirstFix } from './walkthrough';
import { watchRedHatYaml } from './red-hat-yaml';
import type { Session } from './session';
import type * as SessionModule from './session';

let session: Promise<Session> | undefined;

/** Loads and starts the session once, on the next turn of the event loop after activation. */
function loadSession(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<Session> {
  session ??= new Promise<Session>((resolve, reject) =>
    setImmediate(() => {
      try {
        // A separate bundle next to this one, loaded only now, so activation does not pay for it.
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a run-time path, not a module to bundle
        const loaded = require(join(__dirname, 'session.js')) as typeof SessionModule;
        resolve(loaded.startSession(context, output));
      } catch (error) {
        output.error(`OneNode could not start: ${error instanceof Error ? error.message : String(error)}`);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
  return session;
}

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('OneNode', { log: true });
  context.subscriptions.push(output);
  const ready = () => loadSession(context, output);

  const choices = readSettingChoices(context.extension);
  context.subscriptions.push(
    // The literal ids stay here, where the package.json test looks for every registered command.
    vscode.commands.registerCommand('onenode.restartServer', async () => (await ready()).restart()),
    vscode.commands.registerCommand('onenode.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('onenode.selectPlatform', (platform?: unknown, environment?: unknown) => selectPlatform(choices, platform, environment)),
    vscode.commands.registerCommand('onenode.openSample', () => openSample()),
    vscode.commands.registerCommand('onenode.runPreflight', async () => (await ready()).preflight.run()),
    vscode.commands.registerCommand('onenode.exportPreflight', async () => (await ready()).preflight.exportMarkdown()),
    vscode.commands.registerCommand('onenode.deploy', async (uri?: unknown, uris?: unknown) => (await ready()).deploy.deploy(uri, uris)),
    vscode.commands.registerCommand('onenode.selectDeployContext', async () => (await ready()).deploy.selectContext()),
    vscode.commands.registerCommand('onenode.stopPxe', async () => (await ready()).deploy.stopPxe()),
    createPlatformStatusBar(choices),
    watchForFirstFix(),
    // The server learns at start whether to offer schema completion and hovers: restart it when
    // the Red Hat YAML extension comes or goes.
    watchRedHatYaml(() => void vscode.commands.executeCommand('onenode.restartServer')),
  );
  // Commands that need a running server are shown in the palette only after activation.
  void vscode.commands.executeCommand('setContext', 'onenode.active', true);

  // The server starts right after activation returns (the design budget for activation is 50 ms);
  // the client queues requests until the server is up.
  void ready().catch(() => undefined);
}

export async function deactivate(): Promise<void> {
  const current = await session?.catch(() => undefined);
  await current?.stop();
  session = undefined;
}
