/**
 * The language server as the editor runs it for preflight and deploy, with everything it says
 * recorded: every byte it writes (responses, requests, notifications, progress, log messages) and
 * its standard error. The person's answers (host keys, passwords) come from the test.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection, ExecuteCommandRequest, ExitNotification, InitializedNotification, InitializeRequest, ShutdownRequest,
  StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { ASK_SECRET_REQUEST, CONFIRM_HOST_KEY_REQUEST, WORKSPACE_TRUSTED_NOTIFICATION, type SecretQuestion } from '../../server/src/preflight/protocol';
import { DIST } from '../helpers/paths';
import { withTimeout } from '../protocol/support';

export interface SessionOptions {
  trusted: boolean;
  /** The server's HOME: its ~/.ssh (known_hosts, config, default keys) and ~/.kube. */
  home: string;
  /** Answers to the server's password and passphrase questions, in order; then none. */
  secrets?: string[];
}

export class ServerSession {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything the server wrote to stdout (the protocol) and stderr, as text. */
  readonly output: string[] = [];
  readonly questions: SecretQuestion[] = [];

  constructor(options: SessionOptions) {
    this.child = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], {
      stdio: 'pipe',
      env: { ...process.env, HOME: options.home, SSH_AUTH_SOCK: '', KUBECONFIG: '' },
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.output.push(chunk.toString('utf8')));
    this.child.stderr.on('data', (chunk: Buffer) => this.output.push(chunk.toString('utf8')));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    const answers = [...(options.secrets ?? [])];
    this.connection.onRequest(CONFIRM_HOST_KEY_REQUEST, () => true);
    this.connection.onRequest(ASK_SECRET_REQUEST, (q: SecretQuestion) => {
      this.questions.push(q);
      return answers.shift() ?? null;
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  static async start(options: SessionOptions): Promise<ServerSession> {
    const session = new ServerSession(options);
    await withTimeout(
      session.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: { window: { workDoneProgress: true } },
        initializationOptions: { workspaceTrusted: options.trusted },
      }),
      'initialize',
    );
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  trust(): Promise<void> {
    return this.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
  }

  execute<T>(command: string, args: unknown, ms = 30_000): Promise<T> {
    return withTimeout(this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args], workDoneToken: `progress-${command}` }) as Promise<T>, command, ms);
  }

  text(): string {
    return this.output.join('');
  }

  async stop(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // Already gone: killing it below is enough.
    } finally {
      clearTimeout(timer);
    }
    this.connection.dispose();
    this.child.kill();
  }
}
