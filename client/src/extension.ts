/**
 * The OneNode extension: starts the language server for YAML files and offers a few commands.
 * UI only: every check runs in the server (the same engine as the CLI).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('OneNode', { log: true });
  context.subscriptions.push(output);

  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel: output,
    // The server reads settings per document with workspace/configuration; this only tells it
    // when they change, so a new platform or severity applies without a reload.
    synchronize: { configurationSection: 'onenode' },
  };
  client = new LanguageClient('onenode', 'OneNode', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('onenode.restartServer', async () => {
      await client?.restart();
      output.info('Language server restarted.');
    }),
    vscode.commands.registerCommand('onenode.showOutput', () => output.show(true)),
  );

  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
