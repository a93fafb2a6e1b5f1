/**
 * A real LSP client for tests and the benchmark: spawns `node dist/server.js --stdio` and talks to
 * it with vscode-languageserver-protocol (the protocol library vscode-languageclient is built on).
 * It answers workspace/configuration from a settings object the test controls.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidChangeConfigurationNotification,
  ConfigurationRequest,
  DocumentDiagnosticRequest,
  DiagnosticRefreshRequest,
  PublishDiagnosticsNotification,
  CodeActionRequest,
  HoverRequest,
  CompletionRequest,
  type CompletionItem,
  type CompletionList,
  ShutdownRequest,
  ExitNotification,
  RegistrationRequest,
  type ProtocolConnection,
  type ClientCapabilities,
  type Diagnostic,
  type CodeAction,
  type Hover,
  type Range,
  type PublishDiagnosticsParams,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import { DIST } from './paths';

export interface ClientOptions {
  /** Ask for pull diagnostics (LSP 3.17) or rely on publishDiagnostics. */
  pull?: boolean;
  settings?: Record<string, unknown>;
  /** Workspace folder URIs announced at initialize (the server indexes their YAML files). */
  workspaceFolders?: string[];
}

export class TestLspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  settings: Record<string, unknown>;
  readonly logs: string[] = [];
  refreshRequests = 0;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly publishWaiters: ((p: PublishDiagnosticsParams) => void)[] = [];
  private readonly versions = new Map<string, number>();
  initializeResult: InitializeResult | undefined;

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    this.process = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], { stdio: 'pipe' });
    this.process.stderr.on('data', (d: Buffer) => this.logs.push(d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'onenode' ? this.settings : null)));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests++;
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, p);
      for (const waiter of this.publishWaiters.splice(0)) waiter(p);
    });
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
      textDocument: {
        publishDiagnostics: { versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, isPreferredSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        ...(this.options.pull ?? true ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    const folders = this.options.workspaceFolders?.map((uri) => ({ uri, name: uri.split('/').pop() ?? uri })) ?? null;
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders: folders });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  /** Replaces the whole text (a full-document change event). */
  async replace(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** An incremental edit, as an editor sends on a keystroke. */
  async edit(uri: string, range: Range, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const report: DocumentDiagnosticReport = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return report.kind === 'full' ? report.items : [];
  }

  /** Waits for the next publishDiagnostics for `uri` (push mode). */
  nextPublished(uri: string, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics published for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      const waiter = (p: PublishDiagnosticsParams) => {
        if (p.uri !== uri) {
          this.publishWaiters.push(waiter);
          return;
        }
        clearTimeout(timer);
        resolve(p);
      };
      this.publishWaiters.push(waiter);
    });
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { onenode: settings } });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<(CodeAction | { command: string })[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  completion(uri: string, line: number, character: number): Promise<CompletionList | CompletionItem[] | null> {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  }

  async stop(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => (timer = setTimeout(r, 2000)))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; killing it below is enough.
    } finally {
      clearTimeout(timer);
    }
    this.connection.dispose();
    this.process.kill();
  }
}
