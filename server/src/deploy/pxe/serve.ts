/**
 * A small HTTP server for a PXE install: the iPXE script at /boot.ipxe, the Harvester config at
 * /config.yaml, and the boot files given as local paths under /files/. Every request is logged
 * (time, client, method, path, status, size; never the content). The config holds the cluster
 * token and passwords and anyone who reaches the port can read it, so the server is meant to run
 * on the provisioning network only and to be stopped once the machine has installed.
 */
import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { basename } from 'node:path';
import { DeployError } from '../errors';
import { ipxeScript, type BootArtifacts } from './ipxe';

export interface RequestLogEntry {
  time: string;
  client: string;
  method: string;
  path: string;
  status: number;
  bytes: number;
}

export interface PxeServeOptions {
  /** The address to listen on: 0.0.0.0 for every interface, or one address. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The base URL the booting machine uses (http://10.0.0.5:8080); derived from the address when absent. */
  publicUrl?: string;
  config: { text: string; name: string };
  /** URLs, or paths of local files that this server then serves too. */
  artifacts: BootArtifacts;
  extraArgs?: readonly string[];
  onRequest?: (entry: RequestLogEntry) => void;
}

export interface PxeServer {
  scriptUrl: string;
  configUrl: string;
  /** The local files served, by URL. */
  files: { url: string; path: string }[];
  script: string;
  close(): Promise<void>;
}

export const SCRIPT_PATH = '/boot.ipxe';
export const CONFIG_PATH = '/config.yaml';

function isUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** The address machines on the network reach this one at, when listening on every interface. */
function firstExternalIPv4(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

function publicBase(options: PxeServeOptions, port: number): string {
  if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
  const wildcard = options.host === '0.0.0.0' || options.host === '::' || options.host === '';
  const host = wildcard ? firstExternalIPv4() : options.host;
  if (!host) throw new DeployError('usage', `cannot tell which address the booting machine should use: give the public URL (e.g. --public-url http://10.0.0.5:${port})`);
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

interface Route {
  type: string;
  body?: string;
  file?: string;
}

export async function startPxeServer(options: PxeServeOptions): Promise<PxeServer> {
  const routes = new Map<string, Route>();
  const files: { url: string; path: string }[] = [];
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new DeployError('installer', `cannot listen on ${options.host}:${options.port}: ${error.code === 'EADDRINUSE' ? 'the port is in use' : error.code === 'EACCES' ? 'permission denied (ports below 1024 need root)' : error.message}`)),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  try {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const base = publicBase(options, port);

    // Local boot files are served from here; URLs are passed to the script as they are.
    const served = async (what: keyof BootArtifacts): Promise<string | undefined> => {
      const value = options.artifacts[what];
      if (value === undefined || isUrl(value)) return value;
      const stat = await fs.stat(value).catch(() => undefined);
      if (!stat?.isFile()) throw new DeployError('usage', `the ${what} "${value}" is neither an http(s) URL nor a file`);
      const path = `/files/${encodeURIComponent(basename(value))}`;
      routes.set(path, { type: 'application/octet-stream', file: value });
      files.push({ url: `${base}${path}`, path: value });
      return `${base}${path}`;
    };
    const artifacts: BootArtifacts = {
      kernel: (await served('kernel')) ?? '',
      initrd: (await served('initrd')) ?? '',
      rootfs: (await served('rootfs')) ?? '',
      ...(options.artifacts.iso !== undefined ? { iso: await served('iso') } : {}),
    };
    const configUrl = `${base}${CONFIG_PATH}`;
    const script = ipxeScript({ artifacts, configUrl, extraArgs: options.extraArgs });
    routes.set(SCRIPT_PATH, { type: 'text/plain; charset=utf-8', body: script });
    routes.set(CONFIG_PATH, { type: 'application/yaml; charset=utf-8', body: options.config.text });

    server.on('request', (request: IncomingMessage, response: ServerResponse) => handle(request, response, routes, options.onRequest));
    return {
      scriptUrl: `${base}${SCRIPT_PATH}`,
      configUrl,
      files,
      script,
      close: () => closeServer(server),
    };
  } catch (error) {
    await closeServer(server);
    throw error;
  }
}

function handle(request: IncomingMessage, response: ServerResponse, routes: Map<string, Route>, onRequest: PxeServeOptions['onRequest']): void {
  const method = request.method ?? 'GET';
  const path = (request.url ?? '/').split('?')[0];
  let bytes = 0;
  const log = (status: number) =>
    onRequest?.({ time: new Date().toISOString(), client: request.socket.remoteAddress ?? '?', method, path, status, bytes });
  const route = routes.get(path);
  if (method !== 'GET' && method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    log(405);
    return;
  }
  if (!route) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    log(404);
    return;
  }
  if (route.body !== undefined) {
    const body = Buffer.from(route.body, 'utf8');
    response.writeHead(200, { 'Content-Type': route.type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    bytes = method === 'HEAD' ? 0 : body.length;
    response.end(method === 'HEAD' ? undefined : body);
    log(200);
    return;
  }
  void fs.stat(route.file ?? '').then(
    (stat) => {
      response.writeHead(200, { 'Content-Type': route.type, 'Content-Length': stat.size });
      if (method === 'HEAD') {
        response.end();
        log(200);
        return;
      }
      const stream = createReadStream(route.file ?? '');
      stream.on('data', (chunk) => (bytes += chunk.length));
      stream.on('error', () => response.destroy());
      // The log line is written once the client has the whole file (or hung up).
      response.on('close', () => log(200));
      stream.pipe(response);
    },
    () => {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('the file is gone\n');
      log(404);
    },
  );
}

function closeServer(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Keep-alive connections (iPXE, curl) would hold close() open.
    server.closeAllConnections();
  });
}

export function formatRequest(entry: RequestLogEntry): string {
  return `${entry.time} ${entry.client} ${entry.method} ${entry.path} ${entry.status} ${entry.bytes} bytes`;
}
