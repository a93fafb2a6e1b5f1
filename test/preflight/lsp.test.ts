/**
 * Preflight through the language server, as the editor runs it: workspace/executeCommand with
 * $/progress, SSH refused until the client reports a trusted workspace, and the host-key question
 * sent back to the client as a request.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createProtocolConnection,
  ExecuteCommandRequest,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
  ExitNotification,
  CancellationTokenSource,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  type ProtocolConnection,
  type InitializeResult,
} from 'vscode-languageserver-protocol/node';
import {
  CONFIRM_HOST_KEY_REQUEST,
  RUN_PREFLIGHT_COMMAND,
  WORKSPACE_TRUSTED_NOTIFICATION,
  type HostKeyQuestion,
  type RunPreflightResult,
} from '../../server/src/preflight/protocol';
import { DIST } from '../helpers/paths';
import { startSshd, type TestSshd } from './helpers/sshd';

interface Session {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  init: InitializeResult;
  questions: HostKeyQuestion[];
}

let home: string;
let sshd: TestSshd;

before(async () => {
  home = mkdtempSync(join(tmpdir(), 'onenode-lsp-home-'));
  sshd = await startSshd();
});

after(async () => {
  await sshd?.stop();
  rmSync(home, { recursive: true, force: true });
});

/** How the test's "person" answers an unknown host key: yes, unless a test says otherwise. */
let hostKeyAnswer: (q: HostKeyQuestion) => Promise<boolean> = () => Promise.resolve(true);

async function startServer(workspaceTrusted: boolean): Promise<Session> {
  // A private HOME: the server's ~/.ssh/known_hosts and ~/.ssh/config are the test's.
  const child = spawn(process.execPath, [join(DIST, 'server.js'), '--stdio'], { stdio: 'pipe', env: { ...process.env, HOME: home, SSH_AUTH_SOCK: '' } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const questions: HostKeyQuestion[] = [];
  connection.onRequest(CONFIRM_HOST_KEY_REQUEST, (q: HostKeyQuestion) => {
    questions.push(q);
    return hostKeyAnswer(q);
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: null,
    capabilities: { window: { workDoneProgress: true } },
    initializationOptions: { workspaceTrusted },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return { connection, child, init, questions };
}

async function stopServer(session: Session): Promise<void> {
  await session.connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
  await session.connection.sendNotification(ExitNotification.type).catch(() => undefined);
  session.connection.dispose();
  session.child.kill();
}

describe('preflight through the language server', () => {
  it('offers the command and runs preflight of this machine with work-done progress', async () => {
    const session = await startServer(false);
    try {
      assert.ok(session.init.capabilities.executeCommandProvider?.commands.includes(RUN_PREFLIGHT_COMMAND));
      const token = 'preflight-progress';
      const kinds: string[] = [];
      const messages: string[] = [];
      session.connection.onProgress(WorkDoneProgress.type, token, (value) => {
        kinds.push(value.kind);
        if ('message' in value && value.message) messages.push(value.message);
      });
      const result = (await session.connection.sendRequest(ExecuteCommandRequest.type, {
        command: RUN_PREFLIGHT_COMMAND,
        arguments: [{ target: 'local', platform: 'harvester', environment: 'test' }],
        workDoneToken: token,
      })) as RunPreflightResult;
      assert.ok(result.ok, JSON.stringify(result));
      assert.ok((result.report.facts.cpu.logical ?? 0) >= cpus().length);
      assert.equal(result.report.evaluations[0].platform, 'harvester');
      assert.match(result.markdown, /^# OneNode preflight: this machine/);
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds[kinds.length - 1], 'end');
      assert.ok(messages.some((m) => /Reading disks/.test(m)), messages.join(' | '));
    } finally {
      await stopServer(session);
    }
  });

  it('refuses SSH in an untrusted workspace, and asks the client about an unknown host key once trusted', async () => {
    const session = await startServer(false);
    try {
      const args = { target: `${sshd.user}@127.0.0.1:${sshd.port}`, identityFile: sshd.identity, platform: 'kubernetes', environment: 'test' };
      const refused = (await session.connection.sendRequest(ExecuteCommandRequest.type, { command: RUN_PREFLIGHT_COMMAND, arguments: [args] })) as RunPreflightResult;
      assert.deepEqual(refused.ok ? 'ran' : refused.code, 'untrusted');
      assert.equal(session.questions.length, 0);

      await session.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
      const result = (await session.connection.sendRequest(ExecuteCommandRequest.type, { command: RUN_PREFLIGHT_COMMAND, arguments: [args] })) as RunPreflightResult;
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.report.target, `${sshd.user}@127.0.0.1:${sshd.port}`);
      assert.deepEqual(session.questions.map((q) => q.fingerprint), [sshd.hostFingerprint]);
      assert.equal(readFileSync(join(home, '.ssh', 'known_hosts'), 'utf8'), `${sshd.knownHostsLine}\n`);
    } finally {
      await stopServer(session);
    }
  });

  it('stops a run when the editor cancels the request, even while a question to the person is open', { timeout: 30_000 }, async () => {
    // An unknown host again, so the host-key question is asked.
    rmSync(join(home, '.ssh', 'known_hosts'), { force: true });
    const session = await startServer(true);
    let asked: () => void = () => undefined;
    const questionAsked = new Promise<void>((resolve) => (asked = resolve));
    // The person never answers the host-key question: without cancellation the run would wait forever.
    hostKeyAnswer = () => {
      asked();
      return new Promise<boolean>(() => undefined);
    };
    try {
      await session.connection.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
      const source = new CancellationTokenSource();
      const args = { target: `${sshd.user}@127.0.0.1:${sshd.port}`, identityFile: sshd.identity, platform: 'kubernetes', environment: 'test' };
      const running = session.connection.sendRequest(ExecuteCommandRequest.type, { command: RUN_PREFLIGHT_COMMAND, arguments: [args] }, source.token) as Promise<RunPreflightResult>;
      await questionAsked;
      source.cancel();
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        running,
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the run did not stop within 5 s of the cancel')), 5_000))),
      ]).finally(() => clearTimeout(timer));
      assert.equal(result.ok ? 'ran' : result.code, 'cancelled');
    } finally {
      hostKeyAnswer = () => Promise.resolve(true);
      await stopServer(session);
    }
  });
});
