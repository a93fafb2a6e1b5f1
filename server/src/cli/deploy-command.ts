/**
 * `onenode deploy PATHS…`: checks the files, then deploys them the way their kind is deployed:
 * Kubernetes manifests are applied to a cluster (plan by server dry-run, confirm, apply, wait);
 * a Harvester install config is served for a PXE install; an OpenShift install-config (with its
 * agent-config) or a Kube-V KubeVCluster is handed to its installer.
 */
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE_NAME, ENVIRONMENTS, PLATFORMS, type Environment, type PlatformSetting } from '../engine';
import { DeployError, exitCodeOf } from '../deploy/errors';
import { prepareDeploy } from '../deploy/prepare';
import { formatFindings, type DeployFile } from '../deploy/validate';
import { DEFAULT_WAIT_TIMEOUT_MS } from '../deploy/wait';
import { processIo, type TerminalIo } from '../deploy/terminal/io';
import { deployManifests } from '../deploy/terminal/manifests';
import { parseListen, servePxe } from '../deploy/terminal/pxe';
import { runInstallerCommand } from '../deploy/terminal/installer';
import { collectFiles, describe, displayPath, readSource } from '../files/yaml-files';
import { loadProjectConfig } from './project-config';

export const DEPLOY_USAGE = `Usage: onenode deploy <paths...> [options]

Checks the files (as onenode check does) and refuses error findings unless --force, then deploys
them as their kind is deployed. Directories are searched for *.yaml and *.yml.

Kubernetes manifests (StorageClasses, Longhorn and Harvester Settings, VMs, MachineConfigs, ...):
plans with a server-side dry run (create / update / unchanged, with the changed fields), asks
for confirmation, applies with server-side apply (field manager onenode) in dependency order,
then waits until what it applied is ready.
  --context <name>          kubeconfig context (default: the current context)
  --kubeconfig <file>       kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)
  -n, --namespace <ns>      namespace for objects that name none (default: the context's)
  --dry-run                 plan only; apply nothing
  --yes                     apply without asking (needed when there is no terminal)
  --force-conflicts         take over fields another field manager owns
  --timeout <seconds>       how long to wait for readiness (default ${DEFAULT_WAIT_TIMEOUT_MS / 1000})
  --no-wait                 do not wait for readiness
  --format <f>              text (default) or json

Harvester install config (PXE / iPXE install): serves an iPXE script and the config over HTTP
until Ctrl+C, logging each request.
  --kernel, --initrd, --rootfs <url|file>   the Harvester release's boot files (files are served too)
  --iso <url|file>          the ISO (needed unless the config sets install.iso_url)
  --listen <addr:port>      where to listen (default 0.0.0.0:8080)
  --public-url <url>        the base URL machines reach this server at (default: from the address)
  --kernel-arg <arg>        an extra kernel parameter (repeatable), e.g. console=ttyS0,115200
  --write-script <file>     also write the iPXE script to a file

OpenShift install-config.yaml (+ agent-config.yaml), Kube-V KubeVCluster: runs the installer
(openshift-install agent create image, kubev apply -f) on copies in an asset directory.
  --installer <file>        the installer (default: openshift-install / kubev on PATH)
  --asset-dir <dir>         new or empty directory for the installer's files (default: ~/.onenode/assets/...)
  --preflight-host <target> preflight of the machine to install first: local, or user@host[:port]
  --preflight-snapshot <f>  evaluate a snapshot from onenode preflight --dump-raw instead
  --skip-preflight          run the installer without preflight
  --identity <file>         SSH private key for --preflight-host (repeatable)

Common:
  --force                   deploy despite error findings (and a failed preflight)
  --yes                     confirm without asking
  --platform <p>            auto (default), ${PLATFORMS.join(', ')}
  --environment <e>         test (default) or production
  --config <file>           project settings (default: .onenode.yaml in the current directory)
  -h, --help                show this help

Exit codes: 0 done (or a clean dry run), 1 refused or failed (findings, problems in the plan, not
confirmed, not ready, installer failed), 2 usage, kubeconfig, connection or credential errors.`;

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new DeployError('usage', `--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

function seconds(name: string, value: string | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new DeployError('usage', `--${name} must be a number of seconds above 0`);
  return n * 1000;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      context: { type: 'string' },
      kubeconfig: { type: 'string' },
      namespace: { type: 'string', short: 'n' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      force: { type: 'boolean' },
      'force-conflicts': { type: 'boolean' },
      timeout: { type: 'string' },
      'no-wait': { type: 'boolean' },
      format: { type: 'string' },
      kernel: { type: 'string' },
      initrd: { type: 'string' },
      rootfs: { type: 'string' },
      iso: { type: 'string' },
      listen: { type: 'string' },
      'public-url': { type: 'string' },
      'kernel-arg': { type: 'string', multiple: true },
      'write-script': { type: 'string' },
      installer: { type: 'string' },
      'asset-dir': { type: 'string' },
      'preflight-host': { type: 'string' },
      'preflight-snapshot': { type: 'string' },
      'skip-preflight': { type: 'boolean' },
      identity: { type: 'string', multiple: true },
      platform: { type: 'string' },
      environment: { type: 'string' },
      config: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

async function readFiles(paths: string[], ignore: (path: string) => boolean, io: TerminalIo): Promise<DeployFile[]> {
  const { files, errors } = await collectFiles(paths);
  if (errors.length > 0) throw new DeployError('input', errors.join('\n'));
  const given = new Set(paths);
  const out: DeployFile[] = [];
  for (const path of files) {
    if (path === '-') throw new DeployError('usage', 'deploy reads files, not standard input');
    if (basename(path) === CONFIG_FILE_NAME || (!given.has(path) && ignore(path))) continue;
    try {
      const source = await readSource(path);
      out.push({ path: displayPath(path), absolutePath: resolve(path), text: source.text });
    } catch (error) {
      throw new DeployError('input', `${displayPath(path)}: ${describe(error)}`);
    }
  }
  if (out.length === 0) io.err(`onenode deploy: no YAML files in ${paths.join(', ')}`);
  return out;
}

export async function runDeployCommand(argv: string[], io: TerminalIo = processIo()): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parse(argv);
    } catch (error) {
      throw new DeployError('usage', (error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.out(DEPLOY_USAGE);
      return 0;
    }
    if (positionals.length === 0) throw new DeployError('usage', 'give the files or folders to deploy');
    const project = await loadProjectConfig(values.config);
    for (const line of project.messages) io.err(line);
    if (project.invalid) return 2;
    const platform = oneOf<PlatformSetting>('platform', values.platform, ['auto', ...PLATFORMS], project.config.platform ?? 'auto');
    const environment = oneOf<Environment>('environment', values.environment, ENVIRONMENTS, project.config.environment ?? 'test');
    const format = oneOf('format', values.format, ['text', 'json'] as const, 'text');

    const files = await readFiles(positionals, project.ignore, io);
    const prepared = prepareDeploy(files, { platform, environment, rules: project.config.rules ?? {} });
    const { validation, selection } = prepared;
    for (const line of formatFindings(validation)) io.err(line);
    if (validation.errors > 0) {
      if (!values.force) {
        const one = validation.errors === 1;
        throw new DeployError('refused', `refusing to deploy: ${validation.errors} error finding${one ? '' : 's'} (fix ${one ? 'it' : 'them'}, or deploy anyway with --force)`);
      }
      io.err(`onenode deploy: deploying despite ${validation.errors} error finding${validation.errors === 1 ? '' : 's'} (--force)`);
    }

    switch (selection.kind) {
      case 'manifests':
        return await deployManifests(
          {
            objects: selection.objects,
            kubeconfig: values.kubeconfig,
            context: values.context,
            namespace: values.namespace,
            dryRun: !!values['dry-run'],
            yes: !!values.yes,
            forceConflicts: !!values['force-conflicts'],
            wait: !values['no-wait'],
            timeoutMs: seconds('timeout', values.timeout, DEFAULT_WAIT_TIMEOUT_MS),
            format,
          },
          io,
        );
      case 'harvester-pxe': {
        const listen = parseListen(values.listen ?? '0.0.0.0:8080');
        if (values['dry-run']) throw new DeployError('usage', '--dry-run plans Kubernetes manifests; a Harvester config is served for PXE instead');
        return await servePxe(
          {
            config: selection.config,
            ...listen,
            publicUrl: values['public-url'],
            artifacts: { kernel: values.kernel, initrd: values.initrd, rootfs: values.rootfs, iso: values.iso },
            extraArgs: values['kernel-arg'] ?? [],
            writeScript: values['write-script'],
            yes: !!values.yes,
          },
          io,
        );
      }
      default:
        if (values['dry-run']) throw new DeployError('usage', '--dry-run plans Kubernetes manifests; installer configs are handed to their installer');
        return await runInstallerCommand(
          {
            selection,
            installer: values.installer,
            assetDir: values['asset-dir'],
            environment,
            preflight: { host: values['preflight-host'], snapshot: values['preflight-snapshot'], skip: !!values['skip-preflight'], identity: values.identity },
            force: !!values.force,
            yes: !!values.yes,
          },
          io,
        );
    }
  } catch (error) {
    if (error instanceof DeployError) {
      io.err(`onenode deploy: ${error.message}`);
      if (error.code === 'usage') io.err(`\n${DEPLOY_USAGE}`);
      return exitCodeOf(error);
    }
    throw error;
  }
}
