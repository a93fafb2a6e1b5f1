/**
 * Deploy through the language server, as the editor runs it: workspace/executeCommand with
 * $/progress for plan and apply, refused until the workspace is trusted, applying only a plan the
 * server made (once, and only while the files are as planned), and the PXE server's requests
 * sent to the client as notifications.
 */
import { describe, it, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { get } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  CancellationTokenSource,
  ExecuteCommandRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  DEPLOY_APPLY_COMMAND,
  DEPLOY_CONTEXTS_COMMAND,
  DEPLOY_PLAN_COMMAND,
  DEPLOY_PREPARE_COMMAND,
  PXE_REQUEST_NOTIFICATION,
  PXE_START_COMMAND,
  PXE_STOP_COMMAND,
  type DeployApplyResult,
  type DeployContextsResult,
  type DeployPlanResult,
  type DeployPrepareResult,
  type PxeStartResult,
  type RequestLogEntry,
} from '../../server/src/deploy/protocol';
import { DIST, FIXTURES } from '../helpers/paths';
import { ADMIN_TOKEN, makeCertificates, seedPlatform, startCluster, type TestCluster } from './helpers/cluster';

const DEPLOY = join(FIXTURES, 'deploy');
const CLUSTER = join(DEPLOY, 'cluster');
const uri = (path: string) => pathToFileURL(path).toString();

interface Session {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  init: InitializeResult;
  pxeLog: RequestLogEntry[];
}

async function startServer(env: NodeJS.ProcessEnv, workspaceTrusted: boolean): Promise<Session> {
  const child = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], { stdio: 'pipe', env });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const pxeLog: RequestLogEntry[] = [];
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification(PXE_REQUEST_NOTIFICATION, (entry: RequestLogEntry) => {
    pxeLog.push(entry);
  });
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: [{ uri: uri(FIXTURES), name: 'fixtures' }],
    capabilities: { window: { workDoneProgress: true } },
    initializationOptions: { workspaceTrusted },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return { connection, child, init, pxeLog };
}

async function stopServer(session: Session | undefined): Promise<void> {
  if (!session) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([session.connection.sendRequest(ShutdownRequest.type).catch(() => undefined), new Promise((r) => (timer = setTimeout(r, 3000)))]);
  clearTimeout(timer);
  await session.connection.sendNotification(ExitNotification.type).catch(() => undefined);
  session.connection.dispose();
  session.child.kill();
}

function execute<T>(session: Session, command: string, args: unknown, workDoneToken?: string): Promise<T> {
  return session.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args], ...(workDoneToken ? { workDoneToken } : {}) }) as Promise<T>;
}

function progressOf(session: Session, token: string): { kinds: string[]; messages: string[] } {
  const seen = { kinds: [] as string[], messages: [] as string[] };
  session.connection.onProgress(WorkDoneProgress.type, token, (value) => {
    seen.kinds.push(value.kind);
    if ('message' in value && value.message) seen.messages.push(value.message);
  });
  return seen;
}

function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = get(url, { timeout: 5000 }, (response) => {
      let body = '';
      response.on('data', (c: Buffer) => (body += c.toString()));
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
    request.on('timeout', () => request.destroy(new Error('timed out')));
  });
}

let certificates: ReturnType<typeof makeCertificates>;
before(() => (certificates = makeCertificates()));
after(() => certificates?.remove());

describe('deploy through the language server', () => {
  let cluster: TestCluster;
  let session: Session | undefined;
  beforeEach(async () => {
    cluster = await startCluster(certificates.certs, certificates.other.caCert);
    seedPlatform(cluster.api);
  });
  afterEach(async () => {
    await stopServer(session);
    session = undefined;
    await cluster?.stop();
  });

  it('offers the deploy commands, and refuses them all in an untrusted workspace', async () => {
    session = await startServer(cluster.env, false);
    const commands = session.init.capabilities.executeCommandProvider?.commands ?? [];
    for (const c of [DEPLOY_PREPARE_COMMAND, DEPLOY_PLAN_COMMAND, DEPLOY_APPLY_COMMAND, PXE_START_COMMAND]) assert.ok(commands.includes(c), c);
    const plan = await execute<DeployPlanResult>(session, DEPLOY_PLAN_COMMAND, { uris: [uri(CLUSTER)], kubeconfig: cluster.kubeconfig, forceFindings: false, forceConflicts: false });
    assert.deepEqual(plan, { ok: false, code: 'refused', message: 'Deploy is off in an untrusted workspace: trust the workspace first.' });
    const contexts = await execute<DeployContextsResult>(session, DEPLOY_CONTEXTS_COMMAND, { kubeconfig: cluster.kubeconfig });
    assert.equal(contexts.ok, false);
    assert.equal(cluster.api.requests.length, 0);
  });

  it('prepares, lists contexts, plans and applies with progress, and applies a plan only once', async () => {
    session = await startServer(cluster.env, true);
    const prepared = await execute<DeployPrepareResult>(session, DEPLOY_PREPARE_COMMAND, { uris: [uri(CLUSTER)] });
    assert.ok(prepared.ok, JSON.stringify(prepared));
    assert.equal(prepared.kind, 'manifests');
    assert.equal(prepared.objects, 7);
    assert.equal(prepared.errors, 0);
    assert.ok(prepared.files.includes(join('deploy', 'cluster', 'app.yaml')), prepared.files.join(', '));

    const contexts = await execute<DeployContextsResult>(session, DEPLOY_CONTEXTS_COMMAND, { kubeconfig: cluster.kubeconfig });
    assert.ok(contexts.ok);
    assert.equal(contexts.current, 'edge');
    assert.deepEqual(contexts.contexts.map((c) => c.name), ['edge', 'exec', 'cert', 'viewer', 'stranger', 'down', 'untrusted']);
    assert.ok(!JSON.stringify(contexts).includes(ADMIN_TOKEN), 'a credential reached the client');

    const planProgress = progressOf(session, 'plan-token');
    const plan = await execute<DeployPlanResult>(session, DEPLOY_PLAN_COMMAND, { uris: [uri(CLUSTER)], kubeconfig: cluster.kubeconfig, context: 'edge', forceFindings: false, forceConflicts: false }, 'plan-token');
    assert.ok(plan.ok, JSON.stringify(plan));
    assert.equal(plan.changes, true);
    assert.deepEqual(plan.plan.entries.map((e) => e.action), ['create', 'create', 'create', 'create', 'create', 'create', 'create']);
    assert.match(plan.text, /^Plan for context "edge"/);
    assert.equal(planProgress.kinds[0], 'begin');
    assert.equal(planProgress.kinds[planProgress.kinds.length - 1], 'end');
    assert.ok(planProgress.messages.some((m) => /^Dry run 4\/7: Deployment web$/.test(m)), planProgress.messages.join(' | '));
    assert.deepEqual(cluster.api.appliedPaths(), [], 'planning applied something');

    const applyProgress = progressOf(session, 'apply-token');
    const applied = await execute<DeployApplyResult>(session, DEPLOY_APPLY_COMMAND, { planId: plan.planId, wait: true, timeoutSeconds: 20 }, 'apply-token');
    assert.ok(applied.ok, JSON.stringify(applied));
    assert.equal(applied.failed, false);
    assert.equal(applied.report.applied.length, 7);
    assert.equal(applied.report.applied.find((a) => a.object.display === 'deployment.apps/web')?.readiness?.state, 'ready');
    assert.ok(applyProgress.messages.includes('[4/7] deployment.apps/web created'), applyProgress.messages.join(' | '));
    assert.equal(cluster.api.appliedPaths().length, 7);

    const again = await execute<DeployApplyResult>(session, DEPLOY_APPLY_COMMAND, { planId: plan.planId, wait: false });
    assert.deepEqual(again, { ok: false, code: 'refused', message: 'this plan is unknown or too old: plan again' });
    assert.equal(cluster.api.appliedPaths().length, 7);
  });

  it('stops planning when the editor cancels, before the next dry run', async () => {
    session = await startServer(cluster.env, true);
    const dryRuns = () => cluster.api.requests.filter((r) => r.method === 'PATCH' && r.query.dryRun === 'All');
    // The second dry run waits at the API server until the cancel has been sent.
    const second = cluster.api.holdNext((r) => r.method === 'PATCH' && r.query.dryRun === 'All' && dryRuns().length === 2);
    const source = new CancellationTokenSource();
    const args = { uris: [uri(CLUSTER)], kubeconfig: cluster.kubeconfig, context: 'edge', forceFindings: false, forceConflicts: false };
    const planning = session.connection.sendRequest(ExecuteCommandRequest.type, { command: DEPLOY_PLAN_COMMAND, arguments: [args] }, source.token) as Promise<DeployPlanResult>;
    await second.held;
    source.cancel();
    // The server reads the cancel before the held response: a request it answers after the cancel proves the order.
    await execute<DeployContextsResult>(session, DEPLOY_CONTEXTS_COMMAND, { kubeconfig: cluster.kubeconfig });
    second.release();
    const result = await planning;
    assert.deepEqual(result.ok ? 'planned' : [result.code, result.message], ['cancelled', 'Planning was cancelled; nothing was applied.']);
    assert.equal(dryRuns().length, 2, 'dry runs after the cancel');
    assert.deepEqual(cluster.api.appliedPaths(), []);
  });

  it('deploys what the editor shows, and refuses to apply a plan whose files changed since', async () => {
    session = await startServer(cluster.env, true);
    const app = join(CLUSTER, 'app.yaml');
    await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(app), languageId: 'yaml', version: 1, text: readFileSync(app, 'utf8').replace('replicas: 1', 'replicas: 0') } });
    const args = { uris: [uri(join(CLUSTER, 'namespace.yaml')), uri(app)], kubeconfig: cluster.kubeconfig, context: 'edge', forceFindings: false, forceConflicts: false };
    const plan = await execute<DeployPlanResult>(session, DEPLOY_PLAN_COMMAND, args);
    assert.ok(plan.ok, JSON.stringify(plan));
    const deployment = plan.plan.entries.find((e) => e.object.kind === 'Deployment');
    assert.ok(deployment);
    // The unsaved buffer (replicas: 0) is what was planned: applying it would scale to zero.
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(app), version: 2 }, contentChanges: [{ text: readFileSync(app, 'utf8') }] });
    const refused = await execute<DeployApplyResult>(session, DEPLOY_APPLY_COMMAND, { planId: plan.planId, wait: false });
    assert.deepEqual(refused, { ok: false, code: 'refused', message: 'the files changed since the plan: plan again' });
    assert.deepEqual(cluster.api.appliedPaths(), []);
    const body = cluster.api.requests.find((r) => r.method === 'PATCH' && r.path.endsWith('/deployments/web'))?.body ?? '';
    assert.match(body, /"replicas":0/);
  });

  it('refuses files with error findings unless the person chose to deploy anyway', async () => {
    session = await startServer(cluster.env, true);
    const refusedUris = [uri(join(DEPLOY, 'refused'))];
    const prepared = await execute<DeployPrepareResult>(session, DEPLOY_PREPARE_COMMAND, { uris: refusedUris });
    assert.ok(prepared.ok);
    assert.equal(prepared.errors, 1);
    assert.match(prepared.findings.join('\n'), /error kernelType: rt .*\[machineconfig-kernel-type\]/);
    const refused = await execute<DeployPlanResult>(session, DEPLOY_PLAN_COMMAND, { uris: refusedUris, kubeconfig: cluster.kubeconfig, forceFindings: false, forceConflicts: false });
    assert.deepEqual(refused, { ok: false, code: 'refused', message: '1 error finding in the files: fix it, or deploy anyway' });
    assert.equal(cluster.api.requests.length, 0);
    const forced = await execute<DeployPlanResult>(session, DEPLOY_PLAN_COMMAND, { uris: refusedUris, kubeconfig: cluster.kubeconfig, forceFindings: true, forceConflicts: false });
    assert.ok(forced.ok, JSON.stringify(forced));
  });

  it('serves a Harvester config over PXE, reports each request to the client, and stops', async () => {
    session = await startServer(cluster.env, true);
    const config = join(DEPLOY, 'harvester', 'config.yaml');
    const started = await execute<PxeStartResult>(session, PXE_START_COMMAND, {
      uri: uri(config),
      host: '127.0.0.1',
      port: 0,
      kernel: 'http://192.168.1.2/h/vmlinuz',
      initrd: 'http://192.168.1.2/h/initrd',
      rootfs: 'http://192.168.1.2/h/rootfs.squashfs',
      forceFindings: false,
    });
    assert.ok(started.ok, JSON.stringify(started));
    assert.match(await fetchText(started.scriptUrl), /harvester\.install\.automatic=true/);
    assert.equal(await fetchText(started.configUrl), readFileSync(config, 'utf8'));
    const twice = await execute<PxeStartResult>(session, PXE_START_COMMAND, { uri: uri(config), host: '127.0.0.1', port: 0, kernel: 'http://a/k', initrd: 'http://a/i', rootfs: 'http://a/r', forceFindings: false });
    assert.equal(twice.ok, false);
    const stopped = await execute<{ ok: boolean; stopped: boolean }>(session, PXE_STOP_COMMAND, {});
    assert.deepEqual(stopped, { ok: true, stopped: true });
    await assert.rejects(fetchText(started.scriptUrl), /ECONNREFUSED/);
    assert.deepEqual(session.pxeLog.map((e) => [e.method, e.path, e.status]), [['GET', '/boot.ipxe', 200], ['GET', '/config.yaml', 200]]);
  });
});
