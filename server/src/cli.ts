#!/usr/bin/env node
/**
 * The OneNode CLI: the same engine as the editor, for CI and terminals.
 *   onenode check [paths…] [--platform P] [--environment E] [--format text|json|sarif] [--fix] [--max-warnings N] [--config FILE]
 * Exit codes: 0 clean, 1 findings at error severity (or too many warnings), 2 usage or I/O error.
 */
import { parseArgs } from 'node:util';
import { ENVIRONMENTS, PLATFORMS, type Environment, type PlatformSetting } from './engine';
import { runCheck } from './cli/check-command';
import { loadProjectConfig } from './cli/project-config';
import type * as PreflightCommand from './cli-preflight';
import type * as DeployCommand from './cli-deploy';
import { VERSION } from './version';
import { loadBundle } from './load-bundle';

const USAGE = `Usage: onenode check [paths...] [options]

Checks Kubernetes, Harvester, OpenShift and KubeVirt YAML for settings that break on a single node.
Directories are searched for *.yaml and *.yml files; with no path, the current directory;
"-" reads standard input (e.g. helm template ... | onenode check -).

Options:
  --platform <p>       auto (default), ${PLATFORMS.join(', ')}
  --environment <e>    test (default) or production
  --format <f>         text (default), json, or sarif (SARIF 2.1.0, for code scanning)
  --fix                apply the preferred fix of each finding, in place
  --max-warnings <n>   exit 1 when there are more than n warnings
  --config <file>      project settings (default: .onenode.yaml in the current directory);
                       the options above override it
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no error findings, 1 error findings (or too many warnings), 2 usage or I/O error.

Also: onenode preflight [options]   check a host's hardware against a platform (onenode preflight --help)
      onenode deploy <paths...>      plan, confirm and apply manifests, serve a Harvester config over PXE,
                                     or run an installer (onenode deploy --help)`;

class UsageError extends Error {}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

async function main(argv: string[]): Promise<number> {
  // preflight and deploy are bundles of their own, loaded when used: bundled into this file they
  // doubled the start-up of every `check`. preflight has its own options (--host, --identity, ...).
  if (argv[0] === 'preflight') {
    const outcome = await loadBundle<typeof PreflightCommand>('cli-preflight').runPreflightCommand(argv.slice(1));
    for (const line of outcome.stderr) process.stderr.write(`${line}\n`);
    if (outcome.stdout) process.stdout.write(`${outcome.stdout}\n`);
    return outcome.exitCode;
  }
  // deploy streams its progress (and serves PXE until interrupted), so it writes as it goes.
  if (argv[0] === 'deploy') return loadBundle<typeof DeployCommand>('cli-deploy').runDeployCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        platform: { type: 'string' },
        environment: { type: 'string' },
        format: { type: 'string' },
        fix: { type: 'boolean' },
        config: { type: 'string' },
        'max-warnings': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    process.stderr.write(`onenode: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command !== 'check') {
    process.stderr.write(`onenode: ${command === undefined ? 'no command given' : `unknown command "${command}"`}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const project = await loadProjectConfig(values.config);
    for (const line of project.messages) process.stderr.write(`${line}\n`);
    const platform = oneOf<PlatformSetting>('platform', values.platform, ['auto', ...PLATFORMS], project.config.platform ?? 'auto');
    const environment = oneOf<Environment>('environment', values.environment, ENVIRONMENTS, project.config.environment ?? 'test');
    const format = oneOf('format', values.format, ['text', 'json', 'sarif'] as const, 'text');
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings must be a whole number of 0 or more');
    }
    if (values.fix && paths.includes('-')) throw new UsageError('--fix cannot write back to standard input; run it on files');
    const outcome = await runCheck({
      paths,
      options: { platform, environment, rules: project.config.rules ?? {} },
      format,
      fix: !!values.fix,
      maxWarnings,
      ignore: project.ignore,
    });
    for (const line of outcome.stderr) process.stderr.write(`${line}\n`);
    process.stdout.write(`${outcome.stdout}\n`);
    // An invalid configuration is a usage error even when the files themselves are clean.
    return project.invalid ? 2 : outcome.exitCode;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`onenode: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

// `onenode check … | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`onenode: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
