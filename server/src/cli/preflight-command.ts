/**
 * `onenode preflight`: checks this machine, or a host over SSH, against a platform's single-node
 * requirements. Exit codes: 0 nothing failed (warnings allowed), 1 a check failed, 2 usage,
 * connection or I/O error.
 */
import { promises as fs } from 'node:fs';
import { parseArgs } from 'node:util';
import { ENVIRONMENTS, PLATFORMS, type Environment, type Platform } from '../engine';
import { formatPreflightMarkdown, formatPreflightText } from '../preflight/format';
import { PreflightError } from '../preflight/host';
import { DEFAULT_SSH_TIMEOUT_MS, type TargetRequest } from '../preflight/open-host';
import { evaluateSnapshot, runPreflight } from '../preflight/run';
import { parseTarget } from '../preflight/ssh/target';
import { terminalPrompts } from '../preflight/tty-prompts';
import type { PreflightReport, RawSnapshot } from '../preflight/types';

export const PREFLIGHT_USAGE = `Usage: onenode preflight [options]

Checks a host against the single-node requirements of each platform: CPU cores, memory, install
disk size and type, NIC speed, KVM, whether the host is a VM, free ports, boot mode and DNS.
Reads only; with --disk-latency it writes (and removes) one scratch file of at most 22 MiB.

Options:
  --host <user@host[:port]>  check a host over SSH (an ~/.ssh/config alias works) instead of this machine
  --identity <file>          private key for SSH (repeatable); default: ssh-agent, then ~/.ssh/id_*
  --platform <p>             all (default), ${PLATFORMS.join(', ')}
  --environment <e>          test (default), production, or all
  --format <f>               text (default), json or markdown
  --disk-latency <dir>       time fdatasync in <dir> (p99 against etcd's 10 ms), at most 22 MiB and 10 s
  --config <file>            a Harvester config.yaml or agent-config.yaml: check that its install
                             device and management interfaces exist on the host
  --known-hosts <file>       known_hosts file (default ~/.ssh/known_hosts)
  --accept-host-key <SHA256:...>  accept this host key fingerprint if the host is not yet known
  --timeout <seconds>        SSH connect, handshake and authentication timeout (default ${DEFAULT_SSH_TIMEOUT_MS / 1000})
  --dump-raw <file>          also write what was read from the host, as JSON (for bug reports)
  --from-raw <file>          evaluate a snapshot written by --dump-raw instead of reading a host
  -h, --help                 show this help

An unknown SSH host key is refused unless you accept its fingerprint (asked in a terminal, or
with --accept-host-key). A password is asked for only in a terminal, and never stored.

Exit codes: 0 nothing failed (warnings allowed), 1 a check failed, 2 usage, connection or I/O error.`;

export interface PreflightCliOutcome {
  exitCode: number;
  stdout: string;
  stderr: string[];
}

class UsageError extends Error {}

function choice<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: readonly T[]): readonly T[] {
  if (value === undefined) return fallback;
  if (value === 'all') return allowed;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be all or one of ${allowed.join(', ')}, not "${value}"`);
  return [value as T];
}

function render(report: PreflightReport, format: string): string {
  if (format === 'json') return JSON.stringify(report, null, 2);
  if (format === 'markdown') return formatPreflightMarkdown(report);
  return formatPreflightText(report);
}

export async function runPreflightCommand(argv: string[]): Promise<PreflightCliOutcome> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        host: { type: 'string' },
        identity: { type: 'string', multiple: true },
        platform: { type: 'string' },
        environment: { type: 'string' },
        format: { type: 'string' },
        'disk-latency': { type: 'string' },
        config: { type: 'string' },
        'known-hosts': { type: 'string' },
        'accept-host-key': { type: 'string' },
        timeout: { type: 'string' },
        'dump-raw': { type: 'string' },
        'from-raw': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { exitCode: 0, stdout: PREFLIGHT_USAGE, stderr: [] };
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    const platforms: readonly Platform[] = choice('platform', values.platform, PLATFORMS, PLATFORMS);
    const environments: readonly Environment[] = choice('environment', values.environment, ENVIRONMENTS, ['test']);
    const format = values.format ?? 'text';
    if (!['text', 'json', 'markdown'].includes(format)) throw new UsageError(`--format must be text, json or markdown, not "${format}"`);
    const timeoutSeconds = values.timeout === undefined ? DEFAULT_SSH_TIMEOUT_MS / 1000 : Number(values.timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) throw new UsageError('--timeout must be a number of seconds above 0');
    if (values['accept-host-key'] !== undefined && !/^SHA256:[A-Za-z0-9+/]{43}$/.test(values['accept-host-key'])) {
      throw new UsageError('--accept-host-key must be a SHA256:... fingerprint as ssh-keygen -lf prints it');
    }
    if (values['from-raw'] !== undefined && (values.host !== undefined || values['disk-latency'] !== undefined)) {
      throw new UsageError('--from-raw evaluates a saved snapshot; it cannot be combined with --host or --disk-latency');
    }
    const config = values.config === undefined ? undefined : { text: await readText(values.config, '--config'), source: values.config };

    let report: PreflightReport;
    if (values['from-raw'] !== undefined) {
      const snapshot = JSON.parse(await readText(values['from-raw'], '--from-raw')) as RawSnapshot;
      report = evaluateSnapshot(snapshot, { target: values['from-raw'], platforms, environments, config });
    } else {
      let target: TargetRequest = { kind: 'local' };
      if (values.host !== undefined) {
        let parsed;
        try {
          parsed = parseTarget(values.host);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        target = { kind: 'ssh', ...parsed, identityFiles: values.identity, knownHostsFile: values['known-hosts'], acceptFingerprint: values['accept-host-key'] };
      } else if (values.identity !== undefined || values['accept-host-key'] !== undefined) {
        throw new UsageError('--identity and --accept-host-key need --host');
      }
      let snapshot: RawSnapshot | undefined;
      report = await runPreflight({
        target,
        platforms,
        environments,
        config,
        diskLatencyPath: values['disk-latency'],
        timeoutMs: timeoutSeconds * 1000,
        prompts: terminalPrompts(),
        onSnapshot: (s) => (snapshot = s),
      });
      if (values['dump-raw'] !== undefined && snapshot) await fs.writeFile(values['dump-raw'], `${JSON.stringify(snapshot, null, 2)}\n`);
    }
    return { exitCode: report.verdict === 'fail' ? 1 : 0, stdout: render(report, format), stderr: [] };
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS'))) {
      return { exitCode: 2, stdout: '', stderr: [`onenode preflight: ${error.message}`, '', PREFLIGHT_USAGE] };
    }
    if (error instanceof PreflightError) return { exitCode: 2, stdout: '', stderr: [`onenode preflight: ${error.message}`] };
    if (error instanceof SyntaxError) return { exitCode: 2, stdout: '', stderr: [`onenode preflight: --from-raw: not a JSON snapshot (${error.message})`] };
    throw error;
  }
}

async function readText(path: string, option: string): Promise<string> {
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${option} ${path}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`);
  }
}
