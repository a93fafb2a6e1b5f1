/**
 * A test cluster for deploy tests: the test API server on 127.0.0.1 with its own CA, the custom
 * types of the single-node platforms installed, and a kubeconfig with one context per way in:
 * `edge` (admin token), `exec` (admin token from an exec credential plugin), `cert` (client
 * certificate), `viewer` (may only read: 403 on apply), `stranger` (unknown token: 401), `down`
 * (nothing listens there) and `untrusted` (a CA that did not sign the server's certificate).
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PLATFORM_TYPES } from './apiserver/catalog';
import { createTestCertificates, type TestCertificates } from './apiserver/certs';
import { TestApiServer } from './apiserver/server';
import { writeKubeconfig } from './kubeconfig';
import { freePort } from '../../helpers/ports';

export const ADMIN_TOKEN = 'admin-token-4f1c9a7e';
export const VIEWER_TOKEN = 'viewer-token-0b3d5e2a';
export const EXEC_TOKEN = 'exec-token-77aa19c3';

export interface TestCluster {
  dir: string;
  api: TestApiServer;
  certs: TestCertificates;
  kubeconfig: string;
  /** Environment for the CLI: this kubeconfig, and a private HOME. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** Certificates take a few openssl runs: a test file makes them once and shares them. */
export function makeCertificates(): { dir: string; certs: TestCertificates; other: TestCertificates; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'onenode-deploy-certs-'));
  mkdirSync(join(dir, 'main'));
  mkdirSync(join(dir, 'other'));
  return { dir, certs: createTestCertificates(join(dir, 'main')), other: createTestCertificates(join(dir, 'other')), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startCluster(certs: TestCertificates, otherCa: string): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'onenode-deploy-'));
  const api = await TestApiServer.start({
    certs,
    customTypes: PLATFORM_TYPES,
    tokens: {
      [ADMIN_TOKEN]: { user: 'admin', verbs: 'all' },
      [EXEC_TOKEN]: { user: 'exec-admin', verbs: 'all' },
      [VIEWER_TOKEN]: { user: 'viewer', verbs: ['get', 'list'] },
    },
  });
  try {
    const down = `https://127.0.0.1:${await freePort()}`;
    const kubeconfig = writeKubeconfig(dir, 'kubeconfig', [
      { name: 'edge', server: api.url, caFile: certs.caCert, user: { token: ADMIN_TOKEN } },
      { name: 'exec', server: api.url, caFile: certs.caCert, user: { execToken: EXEC_TOKEN } },
      { name: 'cert', server: api.url, caFile: certs.caCert, user: { clientCert: certs.clientCert, clientKey: certs.clientKey } },
      { name: 'viewer', server: api.url, caFile: certs.caCert, user: { token: VIEWER_TOKEN } },
      { name: 'stranger', server: api.url, caFile: certs.caCert, user: { token: 'not-a-known-token' } },
      { name: 'down', server: down, caFile: certs.caCert, user: { token: ADMIN_TOKEN } },
      { name: 'untrusted', server: api.url, caFile: otherCa, user: { token: ADMIN_TOKEN } },
    ]);
    mkdirSync(join(dir, 'home'));
    const env = { ...process.env, KUBECONFIG: kubeconfig, HOME: join(dir, 'home') };
    return {
      dir,
      api,
      certs,
      kubeconfig,
      env,
      stop: async () => {
        await api.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await api.stop();
    throw error;
  }
}

/** What a Harvester / Longhorn node has before anything is deployed. */
export function seedPlatform(api: TestApiServer): void {
  api.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'longhorn-system' } });
}
