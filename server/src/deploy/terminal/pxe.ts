/**
 * `onenode deploy <harvester config> --kernel … --initrd … --rootfs …`: serves the iPXE script
 * and the config over HTTP until Ctrl+C (or SIGTERM), logging every request, then stops cleanly.
 */
import { promises as fs } from 'node:fs';
import { DeployError } from '../errors';
import { requireIso } from '../pxe/config';
import type { BootArtifacts } from '../pxe/ipxe';
import { formatRequest, startPxeServer } from '../pxe/serve';
import { fileName } from '../selection';
import type { ParsedDeployFile } from '../validate';
import { confirmed, type TerminalIo } from './io';

export interface PxeCommand {
  config: ParsedDeployFile;
  host: string;
  port: number;
  publicUrl?: string;
  artifacts: Partial<BootArtifacts>;
  extraArgs: string[];
  /** Also write the iPXE script to this file (for a TFTP or HTTP server of your own). */
  writeScript?: string;
  yes: boolean;
}

/** Parses `0.0.0.0:8080`, `10.0.0.5:80`, `[::]:8080` or a bare port. */
export function parseListen(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(value) ?? /^()()(\d+)$/.exec(value);
  const port = match ? Number(match[3]) : NaN;
  if (!match || !Number.isInteger(port) || port < 0 || port > 65535) throw new DeployError('usage', `--listen must be ADDRESS:PORT (e.g. 0.0.0.0:8080), not "${value}"`);
  return { host: match[1] || match[2] || '0.0.0.0', port };
}

export async function servePxe(cmd: PxeCommand, io: TerminalIo): Promise<number> {
  const { kernel, initrd, rootfs, iso } = cmd.artifacts;
  if (!kernel || !initrd || !rootfs) throw new DeployError('usage', 'a PXE install needs --kernel, --initrd and --rootfs (URLs or files of the Harvester release)');
  requireIso(cmd.config.text, iso, fileName(cmd.config));
  const question =
    `Serve ${fileName(cmd.config)} for an automatic install on ${cmd.host}:${cmd.port}? Every machine that boots this script installs Harvester ` +
    'and erases its install disk, and anyone who reaches the port can read the config (it holds the cluster token and passwords).';
  if (!(await confirmed(io, cmd.yes, question))) return 1;
  const server = await startPxeServer({
    host: cmd.host,
    port: cmd.port,
    publicUrl: cmd.publicUrl,
    config: { text: cmd.config.text, name: fileName(cmd.config) },
    artifacts: { kernel, initrd, rootfs, ...(iso ? { iso } : {}) },
    extraArgs: cmd.extraArgs,
    onRequest: (entry) => io.out(formatRequest(entry)),
  });
  if (cmd.writeScript) {
    try {
      await fs.writeFile(cmd.writeScript, server.script);
    } catch (error) {
      await server.close();
      throw new DeployError('usage', `--write-script ${cmd.writeScript}: ${(error as Error).message}`);
    }
    io.out(`Wrote the iPXE script to ${cmd.writeScript}`);
  }
  io.out(`iPXE script: ${server.scriptUrl}`);
  io.out(`Config:      ${server.configUrl}`);
  for (const file of server.files) io.out(`Serving:     ${file.url} (${file.path})`);
  io.out('Point the machine\'s iPXE at the script (DHCP option 67, or "chain <script URL>" at the iPXE prompt). Ctrl+C stops the server.');
  await new Promise<void>((resolve) => {
    const release = io.onInterrupt(() => {
      release();
      resolve();
    });
  });
  await server.close();
  io.out('Stopped serving.');
  return 0;
}
