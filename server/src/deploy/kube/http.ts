/**
 * Requests to the Kubernetes API server. @kubernetes/client-node prepares each request from the
 * kubeconfig (CA, client certificate, bearer token, exec credential plugin, proxy); the request
 * itself is plain node:https so deploy sees every status code and Status body as the server sent
 * it. Nothing here logs: headers carry credentials, and errors are built without them.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { VERSION } from '../../version';
import { DeployError } from '../errors';
import type { ClusterTarget } from '../types';

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/** A metav1.Status from the server, the parts deploy reads. */
export interface KubeStatus {
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; causes?: { reason?: string; message?: string; field?: string }[] };
}

/** The server answered with an error status (other than 401, which ends the deploy). */
export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    readonly statusBody: KubeStatus,
  ) {
    super(statusBody.message || `${status} ${http.STATUS_CODES[status] ?? ''}`.trim());
    this.name = 'KubeApiError';
  }

  get reason(): string {
    return this.statusBody.reason ?? '';
  }
}

export interface RequestOptions {
  query?: Record<string, string>;
  body?: string;
  contentType?: string;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve (DNS lookup failed)',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  EPIPE: 'the connection was closed',
};

/** Whether an error means the API server could not be reached at all (worth retrying while a node reboots). */
export function isConnectionError(error: unknown): boolean {
  return error instanceof DeployError && error.code === 'connection';
}

export class KubeHttp {
  constructor(
    private readonly config: KubeConfig,
    readonly target: ClusterTarget,
    private readonly timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
  ) {}

  /** Sends a request; resolves with the parsed JSON body of a 2xx answer, throws otherwise. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<unknown> {
    const prepared: https.RequestOptions = { headers: {} };
    try {
      await this.config.applyToHTTPSOptions(prepared);
    } catch (error) {
      // An exec credential plugin that fails, a certificate file that is missing, http:// without insecure-skip-tls-verify.
      throw new DeployError('kubeconfig', `context "${this.target.context}" (user "${this.target.user}"): the connection could not be prepared: ${firstLine((error as Error).message)}`);
    }
    const url = new URL(this.target.server.replace(/\/+$/, '') + path);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const headers: http.OutgoingHttpHeaders = {
      ...(prepared.headers as http.OutgoingHttpHeaders),
      Accept: 'application/json',
      'User-Agent': `onenode/${VERSION}`,
    };
    if (options.body !== undefined) {
      headers['Content-Type'] = options.contentType ?? 'application/json';
      headers['Content-Length'] = Buffer.byteLength(options.body);
    }
    const { status, text } = await this.send(url, { method, headers, agent: prepared.agent, auth: prepared.auth }, options.body);
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (status >= 200 && status < 300) return body;
    const statusBody: KubeStatus = typeof body === 'object' && body !== null ? (body) : { message: text.slice(0, 300) };
    if (status === 401) {
      throw new DeployError('auth', `the API server at ${this.target.server} rejected the credentials of user "${this.target.user}" (context "${this.target.context}"): 401 Unauthorized`);
    }
    throw new KubeApiError(status, statusBody);
  }

  private send(url: URL, options: https.RequestOptions, body: string | undefined): Promise<{ status: number; text: string }> {
    const transport = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, { ...options, timeout: this.timeoutMs }, (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) {
            request.destroy(new Error(`the answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB`));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => reject(this.describe(error)));
      });
      request.on('timeout', () => request.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      request.on('error', (error) => reject(this.describe(error)));
      request.end(body);
    });
  }

  private describe(error: Error): DeployError {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const where = `the API server at ${this.target.server} (context "${this.target.context}")`;
    if (TLS_CODES.has(code)) {
      return new DeployError('connection', `${where} presented a certificate the kubeconfig does not trust (${code}): check the cluster's certificate-authority`);
    }
    if (code === 'ETIMEDOUT') return new DeployError('connection', `cannot reach ${where}: no answer within ${this.timeoutMs / 1000} s`);
    const words = NETWORK_WORDS[code];
    return new DeployError('connection', `cannot reach ${where}: ${words ?? firstLine(error.message)}`);
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 300);
}
