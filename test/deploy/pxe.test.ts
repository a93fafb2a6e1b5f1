/**
 * Deploying a Harvester install config over PXE: the iPXE script carries the kernel parameters
 * the Harvester installer reads (automatic install, config URL, live root), `onenode deploy`
 * serves the script, the config and local boot files over HTTP, logs each request, and stops
 * cleanly on SIGTERM. Fetched here over HTTP on 127.0.0.1, as an iPXE client would.
 */
import { describe, it, afterEach, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES } from '../helpers/paths';
import { ipxeScript, kernelArguments } from '../../server/src/deploy/pxe/ipxe';
import { configIsoUrl } from '../../server/src/deploy/pxe/config';
import { parseListen } from '../../server/src/deploy/terminal/pxe';
import { runDeploy, startDeploy, type Running } from './helpers/run';

const HARVESTER = join(FIXTURES, 'deploy', 'harvester');
const CONFIG = join(HARVESTER, 'config.yaml');
const BOOT = ['--kernel', 'http://192.168.1.2/harvester/harvester-v1.6.0-vmlinuz-amd64', '--initrd', 'http://192.168.1.2/harvester/harvester-v1.6.0-initrd-amd64', '--rootfs', 'http://192.168.1.2/harvester/harvester-v1.6.0-rootfs-amd64.squashfs'];

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { timeout: 5000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url}`)));
    request.on('error', reject);
  });
}

describe('the iPXE script', () => {
  const options = {
    artifacts: { kernel: 'http://10.0.0.2/h/vmlinuz', initrd: 'http://10.0.0.2/h/initrd', rootfs: 'http://10.0.0.2/h/rootfs.squashfs' },
    configUrl: 'http://10.0.0.2:8080/config.yaml',
  };

  it('boots the Harvester kernel and initrd with the installer\'s harvester.* parameters', () => {
    const script = ipxeScript(options);
    assert.equal(
      script,
      [
        '#!ipxe',
        '# Automatic Harvester install, served by OneNode. The installer reads harvester.* kernel',
        '# parameters and the config at harvester.install.config_url.',
        'kernel http://10.0.0.2/h/vmlinuz initrd=initrd ip=dhcp net.ifnames=1 rd.cos.disable rd.noverifyssl console=tty1 root=live:http://10.0.0.2/h/rootfs.squashfs harvester.install.automatic=true harvester.install.config_url=http://10.0.0.2:8080/config.yaml',
        'initrd --name initrd http://10.0.0.2/h/initrd',
        'boot',
        '',
      ].join('\n'),
    );
  });

  it('adds the ISO and extra parameters, and refuses values that would change the script', () => {
    const args = kernelArguments({ ...options, artifacts: { ...options.artifacts, iso: 'http://10.0.0.2/h/harvester.iso' }, extraArgs: ['console=ttyS0,115200', 'harvester.install.skipchecks=true'] });
    assert.deepEqual(args.slice(-3), ['harvester.install.iso_url=http://10.0.0.2/h/harvester.iso', 'console=ttyS0,115200', 'harvester.install.skipchecks=true']);
    assert.throws(() => kernelArguments({ ...options, extraArgs: ['a b'] }), /cannot go into an iPXE script/);
    assert.throws(() => ipxeScript({ ...options, artifacts: { ...options.artifacts, kernel: 'http://x/${net0/mac}' } }), /cannot go into an iPXE script/);
    assert.throws(() => ipxeScript({ ...options, artifacts: { ...options.artifacts, rootfs: 'ftp://x/rootfs' } }), /must be an http or https URL/);
  });

  it('reads install.iso_url in any of the spellings the installer accepts', () => {
    assert.equal(configIsoUrl('install:\n  iso_url: http://a/h.iso\n'), 'http://a/h.iso');
    assert.equal(configIsoUrl('install:\n  isoUrl: http://a/h.iso\n'), 'http://a/h.iso');
    assert.equal(configIsoUrl('install:\n  device: /dev/sda\n'), undefined);
  });

  it('parses the address to listen on', () => {
    assert.deepEqual(parseListen('0.0.0.0:8080'), { host: '0.0.0.0', port: 8080 });
    assert.deepEqual(parseListen('[::]:69'), { host: '::', port: 69 });
    assert.deepEqual(parseListen('8080'), { host: '0.0.0.0', port: 8080 });
    assert.throws(() => parseListen('host'), /ADDRESS:PORT/);
  });
});

describe('onenode deploy <harvester config> (PXE)', () => {
  let server: Running | undefined;
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'onenode-pxe-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => server?.kill());

  it('serves the script and the config, logs each request, and stops cleanly on SIGTERM', async () => {
    const written = join(dir, 'boot.ipxe');
    server = startDeploy([CONFIG, ...BOOT, '--listen', '127.0.0.1:0', '--write-script', written, '--yes'], process.env);
    const [, scriptUrl] = await server.waitFor(/^iPXE script: (http:\/\/127\.0\.0\.1:\d+\/boot\.ipxe)$/m);
    const [, configUrl] = await server.waitFor(/^Config: +(http:\/\/127\.0\.0\.1:\d+\/config\.yaml)$/m);

    const script = await fetchText(scriptUrl);
    assert.equal(script.status, 200);
    assert.match(script.body, /^#!ipxe$/m);
    assert.match(script.body, /^kernel http:\/\/192\.168\.1\.2\/harvester\/harvester-v1\.6\.0-vmlinuz-amd64 .*root=live:http:\/\/192\.168\.1\.2\/harvester\/harvester-v1\.6\.0-rootfs-amd64\.squashfs harvester\.install\.automatic=true harvester\.install\.config_url=(\S+)$/m);
    assert.ok(script.body.includes(`harvester.install.config_url=${configUrl}`));
    assert.match(script.body, /^initrd --name initrd http:\/\/192\.168\.1\.2\/harvester\/harvester-v1\.6\.0-initrd-amd64$/m);

    assert.equal(readFileSync(written, 'utf8'), script.body, '--write-script wrote the script that is served');
    const config = await fetchText(configUrl);
    assert.equal(config.status, 200);
    assert.equal(config.body, readFileSync(CONFIG, 'utf8'));
    assert.equal((await fetchText(scriptUrl.replace('boot.ipxe', 'etc/passwd'))).status, 404);

    await server.waitFor(/ 127\.0\.0\.1 GET \/boot\.ipxe 200 \d+ bytes$/m);
    await server.waitFor(/ 127\.0\.0\.1 GET \/config\.yaml 200 \d+ bytes$/m);
    await server.waitFor(/ 127\.0\.0\.1 GET \/etc\/passwd 404 \d+ bytes$/m);
    // The config's secrets are served, never printed.
    assert.ok(!server.stdout().includes('edge-cluster-token') && !server.stdout().includes('rancher-edge'));

    server.child.kill('SIGTERM');
    assert.equal(await server.exited(), 0, server.stderr());
    assert.match(server.stdout(), /^Stopped serving\.$/m);
    await assert.rejects(fetchText(scriptUrl), /ECONNREFUSED/);
  });

  it('serves boot files given as local paths, and points the script at them', async () => {
    const kernel = join(dir, 'harvester-vmlinuz');
    writeFileSync(kernel, Buffer.from('not really a kernel\u0000\u0001'));
    server = startDeploy([CONFIG, '--kernel', kernel, '--initrd', BOOT[3], '--rootfs', BOOT[5], '--listen', '127.0.0.1:0', '--yes'], process.env);
    const [, fileUrl] = await server.waitFor(/^Serving: +(http:\/\/127\.0\.0\.1:\d+\/files\/harvester-vmlinuz) \(/m);
    const [, scriptUrl] = await server.waitFor(/^iPXE script: (\S+)$/m);
    assert.match((await fetchText(scriptUrl)).body, new RegExp(`^kernel ${fileUrl.replace(/[.]/g, '\\.')} `, 'm'));
    assert.equal((await fetchText(fileUrl)).body, readFileSync(kernel, 'utf8'));
    server.child.kill('SIGINT');
    assert.equal(await server.exited(), 0);
  });

  it('needs the ISO when the config does not name one', async () => {
    const run = await runDeploy([join(HARVESTER, 'config-without-iso.yaml'), ...BOOT, '--listen', '127.0.0.1:0', '--yes'], process.env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /an automatic install needs the Harvester ISO: set install\.iso_url in config-without-iso\.yaml, or give the ISO's URL/);
  });

  it('refuses a config with error findings, and serves nothing without a confirmation', async () => {
    const refused = await runDeploy([join(HARVESTER, 'config-no-token.yaml'), ...BOOT, '--listen', '127.0.0.1:0', '--yes'], process.env);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /error token is not set.*\[harvester-token\]/);
    const unconfirmed = await runDeploy([CONFIG, ...BOOT, '--listen', '127.0.0.1:0'], process.env);
    assert.equal(unconfirmed.code, 1);
    assert.match(unconfirmed.stderr, /not confirmed: there is no terminal to ask in/);
    assert.doesNotMatch(unconfirmed.stdout, /iPXE script/);
  });
});
