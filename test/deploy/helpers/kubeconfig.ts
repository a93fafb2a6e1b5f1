/** Writes kubeconfig files for the test API server: token, exec-plugin and client-certificate users. */
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';

export type TestUser =
  | { token: string }
  /** An exec credential plugin (a node script) that prints this token. */
  | { execToken: string }
  | { clientCert: string; clientKey: string };

export interface TestContext {
  name: string;
  server: string;
  caFile: string;
  user: TestUser;
  namespace?: string;
}

function userEntry(dir: string, name: string, user: TestUser): Record<string, unknown> {
  if ('token' in user) return { token: user.token };
  if ('clientCert' in user) return { 'client-certificate': user.clientCert, 'client-key': user.clientKey };
  const plugin = join(dir, `${name}-credential.js`);
  const credential = { apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status: { token: user.execToken } };
  writeFileSync(plugin, `process.stdout.write(${JSON.stringify(JSON.stringify(credential))});\n`);
  chmodSync(plugin, 0o600);
  return { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: process.execPath, args: [plugin], interactiveMode: 'Never' } };
}

/** Writes `<dir>/<file>` with one cluster, user and context per entry; the first context is current. */
export function writeKubeconfig(dir: string, file: string, contexts: readonly TestContext[]): string {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: contexts.map((c) => ({ name: `${c.name}-cluster`, cluster: { server: c.server, 'certificate-authority': c.caFile } })),
    users: contexts.map((c) => ({ name: `${c.name}-user`, user: userEntry(dir, c.name, c.user) })),
    contexts: contexts.map((c) => ({ name: c.name, context: { cluster: `${c.name}-cluster`, user: `${c.name}-user`, ...(c.namespace ? { namespace: c.namespace } : {}) } })),
    'current-context': contexts[0]?.name ?? '',
  };
  const path = join(dir, file);
  writeFileSync(path, stringify(config));
  chmodSync(path, 0o600);
  return path;
}
