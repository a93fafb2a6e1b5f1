/**
 * The OneNode extension: starts the language server for YAML files and offers a few commands.
 * UI only: every check runs in the server (the same engine as the CLI).
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { selectPlatform } from './platform-picker';
import { readSettingChoices } from './setting-choices';
import { createPlatformStatusBar } from './status-bar';
import { openSample, watchForFirstFix } from './walkthrough';
import { redHatYamlInstalled, watchRedHatYaml } from './red-hat-yaml';
import { PreflightController } from './commands/preflight';
import { DeployController } from './commands/deploy';

let client: LanguageClient | undefined;
/** The server's start, which activation does not wait for; stop and restart wait for it. */
let starting: Promise<void> | undefined;

export function activate(context: vscode.ExtensionContext): void {
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
    // The server refuses preflight over SSH until it knows the workspace is trusted.
    // Read at every (re)start: schema completion and hovers are left to the Red Hat YAML extension
    // when it is installed.
    initializationOptions: () => ({ workspaceTrusted: vscode.workspace.isTrusted, schemaFeatures: !redHatYamlInstalled() }),
  };
  client = new LanguageClient('onenode', 'OneNode', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('onenode.restartServer', async () => {
      await starting;
      await client?.restart();
      output.info('Language server restarted.');
    }),
    vscode.commands.registerCommand('onenode.showOutput', () => output.show(true)),
  );

  const choices = readSettingChoices(context.extension);
  context.subscriptions.push(
    // The literal ids stay here, where the package.json test looks for every registered command.
    vscode.commands.registerCommand('onenode.selectPlatform', (platform?: unknown, environment?: unknown) => selectPlatform(choices, platform, environment)),
    vscode.commands.registerCommand('onenode.openSample', () => openSample()),
    createPlatformStatusBar(choices),
    watchForFirstFix(),
    // The server learns at start whether to offer schema completion and hovers: restart it when
    // the Red Hat YAML extension comes or goes.
    watchRedHatYaml(() => void vscode.commands.executeCommand('onenode.restartServer')),
  );
  // Commands that need a running server are shown in the palette only after activation.
  void vscode.commands.executeCommand('setContext', 'onenode.active', true);

  const preflight = new PreflightController(context, client);
  context.subscriptions.push(
    preflight,
    vscode.commands.registerCommand('onenode.runPreflight', () => preflight.run()),
    vscode.commands.registerCommand('onenode.exportPreflight', () => preflight.exportMarkdown()),
  );

  const deploy = new DeployController(context, client);
  context.subscriptions.push(
    deploy,
    vscode.commands.registerCommand('onenode.deploy', (uri?: unknown, uris?: unknown) => deploy.deploy(uri, uris)),
    vscode.commands.registerCommand('onenode.selectDeployContext', () => deploy.selectContext()),
    vscode.commands.registerCommand('onenode.stopPxe', () => deploy.stopPxe()),
  );

  // Activation returns without waiting for the server to start (the design budget is 50 ms);
  // the client queues requests until the server is up.
  starting = client.start().catch((error: unknown) => output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`));
  // The deploy context comes from the server (it reads the kubeconfig); shown once the server runs.
  void starting.then(() => deploy.refreshStatus()).catch(() => undefined);
}

export async function deactivate(): Promise<void> {
  await starting;
  await client?.stop();
  client = undefined;
}
