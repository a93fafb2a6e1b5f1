/**
 * Findings never quote a secret. Harvester configs carry the cluster token and the node's password,
 * install-configs a pull secret; findings end up in the Problems panel, in CI logs and in SARIF
 * files uploaded to code-scanning services. Each secret field gets a distinctive secret in the
 * shapes rules and the schema complain about (wrong type, bad characters, inside a broken
 * document), and every output of the CLI (text, JSON, SARIF) is scanned for it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '../../server/src/engine';
import { runCli } from '../helpers/run-cli';
import { assertNoSecrets } from '../helpers/secret-scan';

const TOKEN = 'ClusterToken-7f3a9c21e8';
const PASSWORD = 'NodePassw0rd-b41d07';
const PULL_SECRET_AUTH = 'cHVsbC1zZWNyZXQtYXV0aC1kYXRh';
const SECRETS = [TOKEN, PASSWORD, PULL_SECRET_AUTH];

const DOCUMENTS: Record<string, string> = {
  'token-with-a-tab.yaml': `scheme_version: 1\ntoken: "${TOKEN}\\tx"\nos:\n  password: ${PASSWORD}\ninstall:\n  mode: create\n`,
  'token-not-ascii.yaml': `scheme_version: 1\ntoken: ${TOKEN}é\nos:\n  password: [${PASSWORD}]\ninstall:\n  mode: join\n  vip: 999.1.1.1\n`,
  'password-as-a-map.yaml': `scheme_version: 1\ntoken: {value: ${TOKEN}}\nos:\n  password: {hash: ${PASSWORD}}\ninstall:\n  mode: create\n`,
  'broken.yaml': `scheme_version: 1\ntoken: ${TOKEN}\nos:\n  password: "${PASSWORD}\ninstall: [\n`,
  'duplicate-token.yaml': `scheme_version: 1\ntoken: ${TOKEN}\ntoken: ${TOKEN}x\nos:\n  password: ${PASSWORD}\ninstall:\n  mode: create\n`,
  'install-config.yaml': `apiVersion: v1\nbaseDomain: example.com\ncontrolPlane:\n  name: master\n  replicas: 3\ncompute:\n- name: worker\n  replicas: 2\nplatform:\n  baremetal: {}\npullSecret: '{"auths":{"quay.io":{"auth":"${PULL_SECRET_AUTH}"}}}'\nsshKey: 42\n`,
};

describe('findings never quote a token, password or pull secret', { timeout: 60_000 }, () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'onenode-finding-secrets-'));
    for (const [name, text] of Object.entries(DOCUMENTS)) writeFileSync(join(dir, name), text);
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the documents do draw findings, on the secret fields among others', () => {
    for (const [name, text] of Object.entries(DOCUMENTS)) assert.ok(check(text).findings.length > 0, name);
    assert.ok(check(DOCUMENTS['token-with-a-tab.yaml']).findings.some((f) => f.rule === 'harvester-token'));
  });

  it('no finding message or fix quotes a secret', () => {
    for (const [name, text] of Object.entries(DOCUMENTS)) {
      const { findings } = check(text);
      assertNoSecrets(JSON.stringify(findings.map((f) => ({ message: f.message, fixes: f.fixes.map((x) => [x.title, x.edits.map((e) => e.newText)]) }))), SECRETS, `findings of ${name}`);
    }
  });

  it('nor does any output of onenode check: text, JSON or SARIF', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      const run = await runCli(['check', dir, '--format', format]);
      assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
      assertNoSecrets(`${run.stdout}\n${run.stderr}`, SECRETS, `onenode check --format ${format}`);
    }
  });
});
