/**
 * The OneNode language server: wiring only. Capabilities, settings, open documents and request
 * routing live here; every decision about YAML is made by the engine, and every feature is a
 * function in features/.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind } from 'vscode-languageserver/node';
import { ResultCache } from './features/results';
import { SettingsStore } from './features/settings';
import { toDiagnostics } from './features/diagnostics';
import { codeActions, FIX_ALL_KIND } from './features/code-actions';
import { hover, mergeHovers } from './features/hover';
import { YamlService } from './features/yaml-service';
import { indexFile, scanWorkspace } from './features/workspace-scan';
import { applyConfig, parseFile, skipReason, type CheckResult, type ConfigProblem } from './engine';
import { FacetIndex } from './features/workspace-facets';
import { ANSWER_CANCELLED_REQUESTS, cancelledAfterPendingMessages, requestCancelled } from './features/cancellation';
import { registerInternalStats } from './features/internal-stats';
import { ProjectConfigs } from './features/project-config';
import { VERSION } from './version';
import { PREFLIGHT_SERVER_COMMANDS, PreflightService, WORKSPACE_TRUSTED_NOTIFICATION } from './preflight/lsp';
import { DEPLOY_SERVER_COMMANDS, DeployService } from './deploy/lsp';

// Requests cancelled while still queued (superseded pulls, mostly) are answered without running.
const connection = createConnection(ProposedFeatures.all, ANSWER_CANCELLED_REQUESTS);
const documents = new TextDocuments(TextDocument);
const index = new FacetIndex();
let factsTimer: NodeJS.Timeout | undefined;
/** Another file's facts changed: check the open files again (they may depend on it). */
function recheckDependents(changedUri?: string): void {
  clearTimeout(factsTimer);
  factsTimer = setTimeout(() => {
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
    } else for (const document of documents.all()) if (document.uri !== changedUri) schedulePush(document.uri);
  }, 150);
}
const results = new ResultCache(index, recheckDependents);
let settings: SettingsStore;
let yaml: YamlService | undefined;
let configs = new ProjectConfigs([]);
let pullDiagnostics = false;
let workspaceFolders: string[] = [];
let watchFiles = false;
let dynamicConfiguration = false;
let refreshSupport = false;
const pushTimers = new Map<string, NodeJS.Timeout>();

/** Runs a handler and logs instead of crashing when something unexpected throws. */
function guarded<T>(what: string, fallback: T, run: () => T | Promise<T>): Promise<T> {
  return Promise.resolve()
    .then(run)
    .catch((error: unknown) => {
      connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    });
}

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  pullDiagnostics = !!capabilities.textDocument?.diagnostic;
  dynamicConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  refreshSupport = !!capabilities.workspace?.diagnostics?.refreshSupport;
  settings = new SettingsStore(connection, !!capabilities.workspace?.configuration);
  workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  watchFiles = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  configs = new ProjectConfigs(workspaceFolders);
  const init = params.initializationOptions as { settings?: unknown; workspaceTrusted?: boolean; schemaFeatures?: boolean } | undefined;
  // The client turns schema completion and hovers off when the Red Hat YAML extension already
  // offers them (it gets OneNode's schemas through yamlValidation), so nothing is shown twice.
  if (init?.schemaFeatures !== false) {
    yaml = new YamlService(capabilities, (uri) => {
      const cached = results.lastFile(uri);
      if (cached) return cached;
      const document = documents.get(uri);
      // A file the engine skips (too large, binary) is not parsed for completion and hovers either:
      // parsing 50 MB here blocked the server for as long as the file took.
      return document && !skipReason(document.getText()) ? parseFile(document.getText()) : undefined;
    });
  }
  if (init?.settings !== undefined) settings.setGlobal(init.settings);
  preflight.setTrusted(init?.workspaceTrusted === true);
  deploy.setTrusted(init?.workspaceTrusted === true);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      ...(yaml ? { completionProvider: { triggerCharacters: [' ', ':', '-'] } } : {}),
      executeCommandProvider: { commands: [...PREFLIGHT_SERVER_COMMANDS, ...DEPLOY_SERVER_COMMANDS] },
      ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'onenode', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'onenode', version: VERSION },
  };
});

connection.onInitialized(() => {
  if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'onenode' });
  connection.console.info(`OneNode language server ${VERSION} started (${pullDiagnostics ? 'pull' : 'push'} diagnostics).`);
  if (watchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.onenode.yaml' }] });
  }
  void guarded('project configuration', undefined, () => configs.loadAll()).then(() => recheckAll());
  void guarded('workspace scan', 0, () => scanWorkspace(connection, index, workspaceFolders, (uri) => documents.get(uri) !== undefined)).then((changed) => {
    if (changed > 0) recheckDependents();
  });
});

connection.onDidChangeWatchedFiles((params) =>
  guarded('file change', undefined, async () => {
    let changed = false;
    for (const change of params.changes) {
      // Open files are indexed from the editor's buffer, not from disk.
      if (documents.get(change.uri)) continue;
      if (configs.configFolder(change.uri) !== undefined) {
        if (await configs.reloadFromDisk(change.uri)) recheckAll();
        continue;
      }
      changed = (await indexFile(index, change.uri)) || changed;
    }
    if (changed) recheckDependents();
  }),
);

async function resultFor(uri: string) {
  if (!documents.get(uri)) return undefined;
  const editorOptions = await settings.get(uri);
  // The document may have been closed or changed while the settings were read.
  const document = documents.get(uri);
  if (!document) return undefined;
  const project = configs.forDocument(uri);
  const options = applyConfig(editorOptions, project.config);
  if (configs.configFolder(uri) !== undefined) return { document, options, result: configResult(configs.problems(uri)) };
  if (project.ignored) return { document, options, result: { findings: [] } };
  return { document, options, result: results.get(document, options) };
}

/** The findings for a `.onenode.yaml` itself: its validation problems. */
function configResult(problems: ConfigProblem[]): CheckResult {
  return { findings: problems.map((p) => ({ rule: 'onenode-config', severity: 'error', message: p.message, range: p.range, fixes: [] })) };
}

/** Settings or a project config changed: every open document is checked again. */
function recheckAll(): void {
  results.clear();
  if (pullDiagnostics) {
    if (refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
  } else for (const document of documents.all()) schedulePush(document.uri);
}

async function pushDiagnostics(uri: string): Promise<void> {
  const entry = await resultFor(uri);
  if (entry) await connection.sendDiagnostics({ uri, version: entry.document.version, diagnostics: toDiagnostics(entry.result) });
}

function schedulePush(uri: string): void {
  clearTimeout(pushTimers.get(uri));
  pushTimers.set(uri, setTimeout(() => {
    pushTimers.delete(uri);
    void guarded('diagnostics', undefined, () => pushDiagnostics(uri));
  }, 100));
}

connection.languages.diagnostics.on(async (params, token) => {
  // The client cancels the pull of a version a keystroke superseded: skip the engine for it.
  if (await cancelledAfterPendingMessages(token)) throw requestCancelled();
  return guarded('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async () => {
    const entry = await resultFor(params.textDocument.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: entry ? toDiagnostics(entry.result) : [] };
  });
});

documents.onDidChangeContent((event) => {
  if (configs.update(event.document.uri, event.document.getText())) recheckAll();
  else if (!pullDiagnostics) schedulePush(event.document.uri);
});

documents.onDidClose((event) => {
  const uri = event.document.uri;
  results.delete(uri);
  // The buffer may have held unsaved changes: the file on disk is what counts now.
  void indexFile(index, uri).then((changed) => {
    if (changed) recheckDependents(uri);
  });
  settings.forget(uri);
  yaml?.forget(uri);
  clearTimeout(pushTimers.get(uri));
  pushTimers.delete(uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onDidChangeConfiguration((change) => {
  const raw = (change.settings as { onenode?: unknown } | null)?.onenode;
  if (raw !== undefined) settings.setGlobal(raw);
  settings.invalidate();
  // A pull client without refresh support pulls again on its own (on the next edit or focus).
  recheckAll();
});

connection.onCodeAction((params) =>
  guarded('code actions', [], async () => {
    const entry = await resultFor(params.textDocument.uri);
    return entry ? codeActions(entry.document, entry.result, entry.options, params) : [];
  }),
);

connection.onHover((params) =>
  guarded('hover', null, async () => {
    const entry = await resultFor(params.textDocument.uri);
    if (!entry) return null;
    const ours = hover(entry.document, entry.result, entry.options, params.position);
    const fromSchema = yaml ? await yaml.hover(entry.document, params.position).catch(() => null) : null;
    return mergeHovers(ours, fromSchema);
  }),
);

connection.onCompletion((params) =>
  guarded('completion', null, async () => {
    const document = documents.get(params.textDocument.uri);
    return document && yaml ? yaml.complete(document, params.position) : null;
  }),
);

// Preflight (host checks, locally or over SSH): SSH only once the client reports a trusted workspace.
const preflight = new PreflightService(connection, () => documents.all());
// Deploy (plan, apply, PXE, installers): refused until the client reports a trusted workspace.
const deploy = new DeployService({
  connection,
  openDocuments: () => documents.all(),
  workspaceFolders: () => workspaceFolders,
  checkOptions: async (uri) => applyConfig(await settings.get(uri), configs.forDocument(uri).config),
});
connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
  preflight.setTrusted(true);
  deploy.setTrusted(true);
});
connection.onExecuteCommand((params, token, workDone) => (deploy.handles(params.command) ? deploy.execute(params, token, workDone) : preflight.execute(params, token, workDone)));
// A PXE server started from the editor stops with the language server.
connection.onShutdown(() => deploy.dispose());

registerInternalStats(connection, () => ({
  openDocuments: documents.all().length,
  results: results.size,
  settings: settings.size,
  pushTimers: pushTimers.size,
  indexedFiles: index.size,
  ...(yaml?.sizes() ?? { cursorSchemas: -1, parsedDocuments: -1 }),
  engineRuns: results.runs(),
}));

process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error.stack ?? error.message}`));

documents.listen(connection);
connection.listen();
