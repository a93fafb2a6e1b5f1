/**
 * Everything that needs the language client: the client itself, preflight and deploy. Bundled
 * apart from the extension's entry point (dist/session.js) and loaded right after activation, so
 * activating the extension does not pay for loading vscode-languageclient.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { redHatYamlInstalled } from './red-hat-yaml';
import { crashHandler } from './crash-handler';
import { PreflightController } from './commands/preflight';
import { DeployController } from './commands/deploy';

export interface Session {
  client: LanguageClient;
  preflight: PreflightController;
  deploy: DeployController;
  /** The server's start; stop and restart wait for it. */
  starting: Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function startSession(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Session {
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
    // Read at every (re)start: the server refuses preflight over SSH and deploy until it knows the
    // workspace is trusted, and leaves schema completion and hovers to the Red Hat YAML extension
    // when that is installed.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted, schemaFeatures: !redHatYamlInstalled() }),
    // A crashed server is restarted, and the person told once per session.
    errorHandler: crashHandler(output),
  };
  const client = new LanguageClient('onenode', 'OneNode', serverOptions, clientOptions);
  const preflight = new PreflightController(context, client);
  const deploy = new DeployController(context, client);
  context.subscriptions.push(preflight, deploy);
  const starting = client.start().catch((error: unknown) => output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`));
  // The deploy context comes from the server (it reads the kubeconfig); shown once the server runs.
  void starting.then(() => deploy.refreshStatus()).catch(() => undefined);
  return {
    client,
    preflight,
    deploy,
    starting,
    async restart() {
      await starting;
      await client.restart();
      output.info('Language server restarted.');
    },
    async stop() {
      await starting;
      await client.stop();
    },
  };
}
