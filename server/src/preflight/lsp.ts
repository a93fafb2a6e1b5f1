/**
 * Preflight in the language server: `workspace/executeCommand` with work-done progress. The
 * editor's questions (an unknown host key, a password) go back to the client as requests, so
 * nothing is typed into the server and nothing is stored. SSH is refused until the client says
 * the workspace is trusted.
 */
import { fileURLToPath } from 'node:url';
import { promises as fs } from 'node:fs';
import type { CancellationToken, Connection, ExecuteCommandParams, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { ENVIRONMENTS, PLATFORMS } from '../engine/types';
import { readConfigExpectations } from './config-expectations';
import { formatPreflightMarkdown } from './format';
import { PreflightError } from './host';
import type { SshTargetRequest } from './open-host';
import { withAbortSignal } from '../features/cancellation';
import { runPreflight } from './run';
import type { HostKeyQuestion, SecretQuestion, SshPrompts } from './ssh/prompts';
import { hostAliases, readSshConfig } from './ssh/ssh-config';
import { parseTarget } from './ssh/target';
import {
  ASK_SECRET_REQUEST,
  CONFIRM_HOST_KEY_REQUEST,
  PREFLIGHT_HOSTS_COMMAND,
  type RunPreflightArgs,
  type RunPreflightResult,
} from './protocol';

export { PREFLIGHT_SERVER_COMMANDS, WORKSPACE_TRUSTED_NOTIFICATION } from './protocol';

export interface OpenDocument {
  uri: string;
  getText(): string;
}

export class PreflightService {
  private trusted = false;

  constructor(
    private readonly connection: Connection,
    private readonly openDocuments: () => readonly OpenDocument[],
  ) {}

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
  }

  execute(params: ExecuteCommandParams, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<unknown> {
    if (params.command === PREFLIGHT_HOSTS_COMMAND) return this.hosts();
    return this.run((params.arguments?.[0] ?? {}) as RunPreflightArgs, token, progress);
  }

  private async hosts(): Promise<string[]> {
    return hostAliases(await readSshConfig());
  }

  private prompts(): SshPrompts {
    return {
      confirmHostKey: (question: HostKeyQuestion) => this.connection.sendRequest<boolean>(CONFIRM_HOST_KEY_REQUEST, question).then((answer) => answer === true),
      askSecret: (question: SecretQuestion) => this.connection.sendRequest<string | null>(ASK_SECRET_REQUEST, question).then((answer) => answer ?? undefined),
    };
  }

  private async config(uri: string | undefined): Promise<{ text: string; source: string } | undefined> {
    const open = this.openDocuments();
    if (uri) {
      const doc = open.find((d) => d.uri === uri);
      if (doc) return readConfigExpectations(doc.getText(), uri).length > 0 ? { text: doc.getText(), source: uri } : undefined;
      if (uri.startsWith('file:')) {
        const text = await fs.readFile(fileURLToPath(uri), 'utf8').catch(() => undefined);
        if (text !== undefined && readConfigExpectations(text, uri).length > 0) return { text, source: uri };
      }
    }
    const found = open.find((d) => readConfigExpectations(d.getText(), d.uri).length > 0);
    return found ? { text: found.getText(), source: found.uri } : undefined;
  }

  private async run(args: RunPreflightArgs, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<RunPreflightResult> {
    try {
      const local = args.target === 'local' || args.target === undefined;
      if (!local && !this.trusted) throw new PreflightError('untrusted', 'Preflight over SSH is off in an untrusted workspace: trust the workspace first.');
      let target: { kind: 'local' } | SshTargetRequest = { kind: 'local' };
      if (!local) {
        try {
          target = { kind: 'ssh', ...parseTarget(args.target), identityFiles: args.identityFile ? [args.identityFile] : undefined };
        } catch (error) {
          throw new PreflightError('usage', (error as Error).message);
        }
      }
      const platforms = !args.platform || args.platform === 'all' || args.platform === 'auto' ? PLATFORMS : [args.platform];
      const environments = !args.environment || args.environment === 'all' ? ENVIRONMENTS : [args.environment];
      if (!platforms.every((p) => PLATFORMS.includes(p)) || !environments.every((e) => ENVIRONMENTS.includes(e))) {
        throw new PreflightError('usage', `unknown platform or environment: ${String(args.platform)} / ${String(args.environment)}`);
      }
      progress.begin('OneNode preflight', undefined, local ? 'Reading this machine' : `Connecting to ${args.target}`, true);
      // Cancel in the editor ($/cancelRequest for this request) stops the run and closes the connection.
      const config = await this.config(args.configUri);
      const report = await withAbortSignal(token, (signal) =>
        runPreflight({
          signal,
          target,
          platforms,
          environments,
          config,
          diskLatencyPath: args.diskLatencyPath || undefined,
          prompts: this.prompts(),
          onProgress: (message) => {
            if (!signal.aborted) progress.report(message);
          },
        }),
      );
      return { ok: true, report, markdown: formatPreflightMarkdown(report) };
    } catch (error) {
      if (error instanceof PreflightError) return { ok: false, code: error.code, message: error.message };
      throw error;
    } finally {
      progress.done();
    }
  }
}
