/**
 * Deploying a Harvester install config over PXE from the editor: ask for the boot files and the
 * address (remembered on this machine, not in settings), warn what serving means, and let the
 * language server serve the iPXE script and the config. Each request is logged to the OneNode
 * Deploy output; a status bar item stops the server.
 */
import * as vscode from 'vscode';
import { PXE_REQUEST_NOTIFICATION, PXE_START_COMMAND, PXE_STOP_COMMAND, type PxeStartArgs, type PxeStartResult, type RequestLogEntry } from '../../../server/src/deploy/protocol';
import type { DeployRequests } from './deploy-requests';

const PXE_INPUTS_KEY = 'onenode.deploy.pxe';
/** Registered in extension.ts. */
const STOP_PXE_COMMAND = 'onenode.stopPxe';
/** Shows "OneNode: Stop PXE Server" in the command palette while a server runs. */
const RUNNING_CONTEXT = 'onenode.pxeRunning';

type Inputs = Pick<PxeStartArgs, 'kernel' | 'initrd' | 'rootfs' | 'iso'> & { listen: string };

function validateLocation(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Enter a URL (http://…) or the path of a file';
  if (/\s|\$\{/.test(v)) return 'No spaces or ${ in a boot file location';
  return undefined;
}

function validateListen(value: string): string | undefined {
  return /^(\[[^\]]+\]|[^:\s]*):\d{1,5}$/.test(value.trim()) ? undefined : 'ADDRESS:PORT, e.g. 0.0.0.0:8080 or 10.0.0.5:8080';
}

async function ask(title: string, prompt: string, value: string | undefined, validate: (v: string) => string | undefined): Promise<string | undefined> {
  return (await vscode.window.showInputBox({ title, prompt, value, validateInput: validate, ignoreFocusOut: true }))?.trim();
}

export class PxeDeploy implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('onenode.pxe', vscode.StatusBarAlignment.Right, 98);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly requests: DeployRequests,
    private readonly state: vscode.Memento,
    onNotification: (method: string, handler: (entry: RequestLogEntry) => void) => vscode.Disposable,
  ) {
    this.item.name = 'OneNode PXE Server';
    this.item.command = STOP_PXE_COMMAND;
    this.disposables.push(
      onNotification(PXE_REQUEST_NOTIFICATION, (e) => requests.output.appendLine(`PXE ${e.time} ${e.client} ${e.method} ${e.path} ${e.status} ${e.bytes} bytes`)),
    );
  }

  async start(uri: string, configHasIso: boolean, forceFindings: boolean): Promise<void> {
    const previous = this.state.get<Partial<Inputs>>(PXE_INPUTS_KEY, {});
    const title = 'OneNode: PXE install of Harvester';
    const kernel = await ask(title, 'Kernel (harvester-<version>-vmlinuz-amd64): URL or file', previous.kernel, validateLocation);
    if (!kernel) return;
    const initrd = await ask(title, 'Initrd (harvester-<version>-initrd-amd64): URL or file', previous.initrd, validateLocation);
    if (!initrd) return;
    const rootfs = await ask(title, 'Root file system (harvester-<version>-rootfs-amd64.squashfs): URL or file', previous.rootfs, validateLocation);
    if (!rootfs) return;
    let iso: string | undefined;
    if (!configHasIso) {
      iso = await ask(title, 'ISO (harvester-<version>-amd64.iso): URL or file. The config sets no install.iso_url, and an automatic install needs it.', previous.iso, validateLocation);
      if (!iso) return;
    }
    const listen = await ask(title, 'Serve on ADDRESS:PORT (an address on the provisioning network, or 0.0.0.0 for all)', previous.listen ?? '0.0.0.0:8080', validateListen);
    if (!listen) return;
    await this.state.update(PXE_INPUTS_KEY, { kernel, initrd, rootfs, iso, listen });
    const serve = await vscode.window.showWarningMessage(
      'Serve this config for an automatic Harvester install?',
      {
        modal: true,
        detail:
          'Every machine that boots the iPXE script installs Harvester and erases its install disk. The config holds the cluster token and passwords, ' +
          'and anyone who can reach the port can read it: serve it on the provisioning network only, and stop the server once the machine has installed.',
      },
      'Serve',
    );
    if (serve !== 'Serve') return;
    const colon = listen.lastIndexOf(':');
    const args: PxeStartArgs = { uri, host: listen.slice(0, colon).replace(/^\[|\]$/g, '') || '0.0.0.0', port: Number(listen.slice(colon + 1)), kernel, initrd, rootfs, ...(iso ? { iso } : {}), forceFindings };
    const result = await this.requests.send<PxeStartResult>(PXE_START_COMMAND, args);
    if (!result.ok) {
      this.requests.showFailure('PXE', result);
      return;
    }
    const ok = result;
    const out = this.requests.output;
    out.appendLine(`PXE: iPXE script ${ok.scriptUrl}`);
    out.appendLine(`PXE: config      ${ok.configUrl}`);
    for (const f of ok.files) out.appendLine(`PXE: serving     ${f.url} (${f.path})`);
    out.appendLine(ok.script);
    out.show(true);
    this.item.text = `$(broadcast) PXE ${listen}`;
    this.item.tooltip = `OneNode serves ${ok.scriptUrl} and the Harvester config. Click to stop.`;
    this.item.show();
    await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, true);
    void vscode.window.showInformationMessage(`OneNode: serving the iPXE script at ${ok.scriptUrl}. Boot the machine from it; stop the server when it has installed.`, 'Stop Server').then((choice) => {
      if (choice) void this.stop();
    });
  }

  async stop(): Promise<void> {
    const result = await this.requests.send<{ ok: true; stopped: boolean }>(PXE_STOP_COMMAND, {});
    this.item.hide();
    await vscode.commands.executeCommand('setContext', RUNNING_CONTEXT, false);
    if (!result.ok) {
      this.requests.showFailure('PXE', result);
      return;
    }
    this.requests.output.appendLine('PXE: stopped serving.');
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
