/**
 * Workspace Trust, enforced by the language server itself (not only by the extension's UI): in
 * an untrusted workspace every form of SSH target is refused for preflight and every deploy
 * command is refused, before anything is read from disk or sent over the network (a listener
 * standing in for the host and the API server sees no connection). Once the client reports trust,
 * the same preflight does connect, so the refusal came from the gate.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RUN_PREFLIGHT_COMMAND, type RunPreflightResult } from '../../server/src/preflight/protocol';
import {
  DEPLOY_APPLY_COMMAND, DEPLOY_CONTEXTS_COMMAND, DEPLOY_PLAN_COMMAND, DEPLOY_PREPARE_COMMAND, DEPLOY_SERVER_COMMANDS, INSTALLER_PREPARE_COMMAND, PXE_START_COMMAND, PXE_STOP_COMMAND,
} from '../../server/src/deploy/protocol';
import { ServerSession } from './server-session';
import { startTripwire, type Tripwire } from './tripwire';

describe('an untrusted workspace cannot preflight over SSH or deploy', { timeout: 60_000 }, () => {
  let work: string;
  let home: string;
  let tripwire: Tripwire;
  let session: ServerSession;
  let manifest: string;
  let kubeconfig: string;

  before(async () => {
    tripwire = await startTripwire();
    work = mkdtempSync(join(tmpdir(), 'onenode-trust-'));
    home = join(work, 'home');
    mkdirSync(join(home, '.ssh'), { recursive: true });
    // An ~/.ssh/config alias for the same listener, and a kubeconfig whose API server it is.
    writeFileSync(join(home, '.ssh', 'config'), `Host edge-node\n  HostName 127.0.0.1\n  Port ${tripwire.port}\n  User root\n`);
    kubeconfig = join(work, 'kubeconfig');
    writeFileSync(kubeconfig, [
      'apiVersion: v1', 'kind: Config', 'current-context: edge',
      'clusters:', `- name: edge`, `  cluster: {server: "https://127.0.0.1:${tripwire.port}", insecure-skip-tls-verify: true}`,
      'users:', '- name: admin', '  user: {token: trust-gate-token-0123456789}',
      'contexts:', '- name: edge', '  context: {cluster: edge, user: admin}', '',
    ].join('\n'));
    manifest = join(work, 'configmap.yaml');
    writeFileSync(manifest, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\ndata:\n  a: "1"\n');
    session = await ServerSession.start({ trusted: false, home });
  });

  after(async () => {
    await session?.stop();
    await tripwire?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses every form of SSH target, without connecting', async () => {
    const targets = [`root@127.0.0.1:${tripwire.port}`, `127.0.0.1:${tripwire.port}`, `root@[127.0.0.1]:${tripwire.port}`, 'edge-node', 'LOCAL', ' local ', ''];
    for (const target of targets) {
      const result = await session.execute<RunPreflightResult>(RUN_PREFLIGHT_COMMAND, { target, identityFile: join(home, '.ssh', 'id_ed25519'), platform: 'kubernetes' });
      assert.equal(result.ok ? 'ran' : result.code, 'untrusted', `target ${JSON.stringify(target)}: ${JSON.stringify(result)}`);
    }
    assert.equal(tripwire.connections(), 0);
  });

  it('still runs preflight of this machine', async () => {
    const result = await session.execute<RunPreflightResult>(RUN_PREFLIGHT_COMMAND, { target: 'local', platform: 'kubernetes', environment: 'test' });
    assert.ok(result.ok, JSON.stringify(result));
  });

  it('refuses every deploy command, without contacting the API server', async () => {
    const uris = [pathToFileURL(manifest).href];
    const args: Record<string, unknown> = {
      [DEPLOY_PREPARE_COMMAND]: { uris },
      [DEPLOY_CONTEXTS_COMMAND]: { kubeconfig },
      [DEPLOY_PLAN_COMMAND]: { uris, kubeconfig, context: 'edge', forceFindings: true, forceConflicts: true },
      [DEPLOY_APPLY_COMMAND]: { planId: 'any', wait: false },
      [PXE_START_COMMAND]: { uri: uris[0], host: '127.0.0.1', port: 0, kernel: manifest, initrd: manifest, rootfs: manifest },
      [PXE_STOP_COMMAND]: {},
      [INSTALLER_PREPARE_COMMAND]: { uris, installerPath: '/bin/true', forceFindings: true },
    };
    assert.deepEqual(Object.keys(args).sort(), [...DEPLOY_SERVER_COMMANDS].sort(), 'every deploy command is tried');
    for (const command of DEPLOY_SERVER_COMMANDS) {
      const result = await session.execute<{ ok: boolean; code?: string; message?: string }>(command, args[command]);
      assert.equal(result.ok ? 'ran' : result.code, 'refused', `${command}: ${JSON.stringify(result)}`);
      assert.match(result.message ?? '', /untrusted/);
    }
    assert.equal(tripwire.connections(), 0);
  });

  it('once the client reports trust, the same SSH preflight does connect', async () => {
    await session.trust();
    const result = await session.execute<RunPreflightResult>(RUN_PREFLIGHT_COMMAND, { target: `root@127.0.0.1:${tripwire.port}`, platform: 'kubernetes' });
    assert.equal(result.ok, false, 'the listener hangs up: no SSH there');
    assert.notEqual(result.ok ? 'ran' : result.code, 'untrusted');
    assert.ok(tripwire.connections() >= 1, 'the preflight reached the host');
  });
});
