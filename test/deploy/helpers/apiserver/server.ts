/**
 * A Kubernetes API server for tests, implementing the part of the API that deploy and kubectl
 * use, faithfully enough that the real kubectl runs `apply --server-side --dry-run=server` and
 * `get` against it:
 *  - TLS with a test CA; bearer tokens (with a verb allow-list per user, for 403s) and client
 *    certificates; 401 without valid credentials;
 *  - /version, /api, /apis, /api/v1, /apis/<group>/<version> discovery (namespaced flags), and
 *    /openapi/v2 in the protobuf form kubectl reads;
 *  - GET of objects and lists (JSON, or a Table when asked), 404 with the real Status body;
 *  - server-side apply (PATCH application/apply-patch+yaml, fieldManager, force, dryRun=All)
 *    with field ownership, 409 conflicts, 422 validation, missing namespaces, immutable fields;
 *  - status written by controller stand-ins, for readiness; injected faults.
 * It listens on 127.0.0.1 only. stop() closes every connection.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import type { TLSSocket } from 'node:tls';
import { parse as parseYaml } from 'yaml';
import { crdFor, groupVersion, VERBS, type ResourceType } from './catalog';
import type { TestCertificates } from './certs';
import type { ReadyAfter } from './controllers';
import { deepEqual, isObject, type Json } from './fields';
import { groupResource, sendJson, status, table, wantsTable } from './http-util';
import { openApiV2Protobuf } from './openapi';
import { ownedByUpdate, ownersEqual, serverSideApply, type ManagerEntry } from './ssa';
import { content, ObjectStore, type Stored } from './store';
import { invalidMessage, validate } from './validation';

type Obj = Record<string, Json>;

export const SERVER_VERSION = { major: '1', minor: '30', gitVersion: 'v1.30.0-onenode-test', platform: 'linux/amd64' };

export interface TokenUser {
  user: string;
  /** Verbs the user may use on objects ('all', or e.g. ['get', 'list']). */
  verbs: 'all' | readonly string[];
}

export interface Fault {
  method?: string;
  path?: RegExp;
  /** Only requests with (true) or without (false) dryRun=All. */
  dryRun?: boolean;
  status: number;
  reason: string;
  message: string;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  user?: string;
  status: number;
  contentType?: string;
  body?: string;
}

export interface TestApiServerOptions {
  certs: TestCertificates;
  tokens?: Record<string, TokenUser>;
  /** Custom types whose CRDs are installed (established) from the start. */
  customTypes?: readonly ResourceType[];
}

interface Route {
  type?: ResourceType;
  namespace?: string;
  name?: string;
  /** A path under /api or /apis that names no known resource. */
  unknown?: boolean;
}

/** A JSON value in a message, as the server prints it (strings without quotes). */
function asText(value: Json | undefined): string {
  return typeof value === 'string' ? value : JSON.stringify(value ?? null);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export class TestApiServer {
  readonly store = new ObjectStore();
  readonly requests: RequestRecord[] = [];
  private readonly faults: (Fault & { left: number })[] = [];
  private readonly gates: { matches: (r: RequestRecord) => boolean; arrived: () => void; released: Promise<void> }[] = [];
  private readonly tokens: Record<string, TokenUser>;
  private server!: Server;
  url = '';
  port = 0;

  private constructor(readonly options: TestApiServerOptions) {
    this.tokens = options.tokens ?? { 'admin-token': { user: 'admin', verbs: 'all' } };
  }

  static async start(options: TestApiServerOptions): Promise<TestApiServer> {
    const api = new TestApiServer(options);
    api.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    api.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } });
    for (const type of options.customTypes ?? []) api.seed(crdFor(type));
    await api.listen();
    return api;
  }

  private listen(): Promise<void> {
    const { certs } = this.options;
    this.server = createServer({
      key: readFileSync(certs.serverKey),
      cert: readFileSync(certs.serverCert),
      ca: readFileSync(certs.caCert),
      requestCert: true,
      rejectUnauthorized: false,
    });
    this.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, status(500, 'InternalError', `test server: ${(error as Error).message}`));
      });
    });
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        const address = this.server.address();
        this.port = typeof address === 'object' && address ? address.port : 0;
        this.url = `https://127.0.0.1:${this.port}`;
        resolve();
      });
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server?.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Stores an object as another tool would have written it (owned by `manager` through an Update). */
  seed(object: Obj, options: { manager?: string; status?: Json } = {}): void {
    const type = this.store.typeByKind(object.apiVersion as string, object.kind as string);
    if (!type) throw new Error(`test server: no type for ${JSON.stringify(object.apiVersion)} ${JSON.stringify(object.kind)}`);
    const metadata = object.metadata as Obj;
    const prepared = this.store.prepare(type, object, undefined, metadata.namespace as string | undefined);
    const stored = this.store.write(type, prepared, ownedByUpdate(object, options.manager ?? 'kubectl-create', groupVersion(type), new Date().toISOString()));
    if (options.status !== undefined) stored.object.status = options.status;
  }

  /** The stored object (with managedFields), without counting a read. */
  object(apiVersion: string, kind: string, name: string, namespace?: string): Obj | undefined {
    const type = this.store.typeByKind(apiVersion, kind);
    const stored = type && this.store.get(type, namespace, name);
    return stored ? this.store.render(stored.object, stored.owners) : undefined;
  }

  /** How many reads before the object reports ready ('never' for a rollout that never finishes). */
  setReadyAfter(group: string, kind: string, name: string, namespace: string | undefined, after: ReadyAfter): void {
    this.store.readyAfter.set(`${group}/${kind}/${namespace ?? ''}/${name}`, after);
  }

  /**
   * Holds the next request that `matches` until `release()`: `held` resolves when it arrives, so a
   * test can act while the client is waiting on that request (cancel it, say) without timing games.
   */
  holdNext(matches: (request: RequestRecord) => boolean): { held: Promise<void>; release: () => void } {
    let arrived!: () => void;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.gates.push({ matches, arrived, released });
    return { held, release };
  }

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** PATCH requests that were not dry runs: what was really applied. */
  appliedPaths(): string[] {
    return this.requests.filter((r) => r.method === 'PATCH' && r.query.dryRun !== 'All' && r.status < 300).map((r) => r.path);
  }

  private authenticate(request: IncomingMessage): TokenUser | undefined {
    const header = request.headers.authorization ?? '';
    const bearer = /^Bearer (.+)$/.exec(header);
    if (bearer) return this.tokens[bearer[1]];
    const socket = request.socket as TLSSocket;
    if (socket.authorized) {
      const cn = socket.getPeerCertificate()?.subject?.CN;
      if (typeof cn === 'string') return { user: cn, verbs: 'all' };
    }
    return undefined;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const query = Object.fromEntries(url.searchParams);
    const method = request.method ?? 'GET';
    const body = method === 'PATCH' || method === 'POST' || method === 'PUT' ? await readBody(request) : undefined;
    const record: RequestRecord = { method, path: url.pathname, query, status: 0, ...(request.headers['content-type'] ? { contentType: request.headers['content-type'] } : {}), ...(body !== undefined ? { body } : {}) };
    this.requests.push(record);
    const gate = this.gates.findIndex((g) => g.matches(record));
    if (gate !== -1) {
      const [held] = this.gates.splice(gate, 1);
      held.arrived();
      await held.released;
    }
    const reply = (code: number, payload: unknown) => {
      record.status = code;
      sendJson(response, code, payload);
    };

    const user = this.authenticate(request);
    if (!user) return reply(401, status(401, 'Unauthorized', 'Unauthorized'));
    record.user = user.user;

    const fault = this.faults.find(
      (f) => f.left > 0 && (!f.method || f.method === method) && (!f.path || f.path.test(url.pathname)) && (f.dryRun === undefined || f.dryRun === (query.dryRun === 'All')),
    );
    if (fault) {
      fault.left--;
      return reply(fault.status, status(fault.status, fault.reason, fault.message));
    }

    const path = url.pathname;
    if (path === '/version') return reply(200, SERVER_VERSION);
    if (path === '/openapi/v2') {
      record.status = 200;
      const doc = openApiV2Protobuf(this.store.types(), SERVER_VERSION.gitVersion);
      // kubectl parses the Content-Type; the protobuf media type with its '@' does not parse, so
      // the real server's application/octet-stream it is.
      response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': doc.length });
      response.end(doc);
      return;
    }
    if (path === '/api') return reply(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${this.port}` }] });
    if (path === '/apis') return reply(200, this.groupList());
    const discovery = /^\/api\/(v1)$/.exec(path) ?? /^\/apis\/([^/]+)\/([^/]+)$/.exec(path);
    if (discovery) {
      const [group, version] = discovery.length === 2 ? ['', discovery[1]] : [discovery[1], discovery[2]];
      const list = this.resourceList(group, version);
      return list ? reply(200, list) : reply(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    }
    const route = this.route(path);
    if (!route || route.unknown || !route.type) return reply(404, status(404, 'NotFound', 'the server could not find the requested resource'));
    const type = route.type;

    if (method === 'GET') {
      const verb = route.name ? 'get' : 'list';
      if (!this.allowed(user, verb)) return reply(403, this.forbidden(user, verb, type, route));
      if (!route.name) {
        const items = this.store.list(type, route.namespace).map((s) => this.store.read(s));
        const tableVersion = wantsTable(request.headers.accept);
        if (tableVersion) return reply(200, table(items, tableVersion, this.store.currentResourceVersion()));
        return reply(200, { kind: `${type.kind}List`, apiVersion: groupVersion(type), metadata: { resourceVersion: this.store.currentResourceVersion() }, items });
      }
      const stored = this.store.get(type, route.namespace, route.name);
      if (!stored) return reply(404, this.notFound(type, route.name));
      const object = this.store.read(stored);
      const tableVersion = wantsTable(request.headers.accept);
      return reply(200, tableVersion ? table([object], tableVersion, this.store.currentResourceVersion()) : object);
    }
    if (method === 'PATCH' && route.name) {
      const [code, payload] = this.apply(type, route, user, query, request.headers['content-type'] ?? '', body ?? '');
      return reply(code, payload);
    }
    return reply(405, status(405, 'MethodNotAllowed', `the test server does not support ${method} on ${path}`));
  }

  private groupList(): Json {
    const groups = new Map<string, string[]>();
    for (const t of this.store.types()) {
      if (!t.group) continue;
      const versions = groups.get(t.group) ?? [];
      if (!versions.includes(t.version)) versions.push(t.version);
      groups.set(t.group, versions);
    }
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups].map(([name, versions]) => ({
        name,
        versions: versions.map((version) => ({ groupVersion: `${name}/${version}`, version })),
        preferredVersion: { groupVersion: `${name}/${versions[0]}`, version: versions[0] },
      })),
    };
  }

  private resourceList(group: string, version: string): Json | undefined {
    const types = this.store.types().filter((t) => t.group === group && t.version === version);
    if (types.length === 0) return undefined;
    const resources: Json[] = [];
    for (const t of types) {
      resources.push({ name: t.plural, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: VERBS, ...(t.shortNames ? { shortNames: t.shortNames } : {}) });
      // Subresources are listed too (deploy must skip them).
      if (t.group === 'apps' || t.kind === 'VirtualMachine') resources.push({ name: `${t.plural}/status`, singularName: '', namespaced: t.namespaced, kind: t.kind, verbs: ['get', 'patch', 'update'] });
    }
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
  }

  private route(path: string): Route | undefined {
    const core = /^\/api\/(v1)\/(.+)$/.exec(path);
    const named = /^\/apis\/([^/]+)\/([^/]+)\/(.+)$/.exec(path);
    if (!core && !named) return undefined;
    const [group, version, rest] = core ? ['', core[1], core[2]] : [named![1], named![2], named![3]];
    const segments = rest.split('/').map(decodeURIComponent);
    let namespace: string | undefined;
    let plural: string;
    let name: string | undefined;
    if (segments[0] === 'namespaces' && segments.length >= 3) {
      namespace = segments[1];
      [, , plural, name] = segments;
      if (segments.length > 4) return { unknown: true };
    } else {
      [plural, name] = segments;
      if (segments.length > 2) return { unknown: true };
    }
    const type = this.store.typeByPlural(group, version, plural);
    if (!type) return { unknown: true };
    if (type.namespaced !== (namespace !== undefined) && name !== undefined) return { unknown: true };
    return { type, ...(namespace !== undefined ? { namespace } : {}), ...(name !== undefined ? { name } : {}) };
  }

  private allowed(user: TokenUser, verb: string): boolean {
    return user.verbs === 'all' || user.verbs.includes(verb);
  }

  private forbidden(user: TokenUser, verb: string, type: ResourceType, route: Route): Json {
    const subject = route.name ? `${groupResource(type)} "${route.name}"` : groupResource(type);
    const scope = route.namespace ? ` in the namespace "${route.namespace}"` : ' at the cluster scope';
    return status(403, 'Forbidden', `${subject} is forbidden: User "${user.user}" cannot ${verb} resource "${type.plural}" in API group "${type.group}"${scope}`, {
      ...(route.name ? { name: route.name } : {}),
      ...(type.group ? { group: type.group } : {}),
      kind: type.plural,
    });
  }

  private notFound(type: ResourceType, name: string): Json {
    return status(404, 'NotFound', `${groupResource(type)} "${name}" not found`, { name, ...(type.group ? { group: type.group } : {}), kind: type.plural });
  }

  private apply(type: ResourceType, route: Route, user: TokenUser, query: Record<string, string>, contentType: string, text: string): [number, Json] {
    const name = route.name ?? '';
    if (!contentType.startsWith('application/apply-patch+yaml')) {
      return [415, status(415, 'UnsupportedMediaType', `the test server only supports server-side apply patches (application/apply-patch+yaml), not ${contentType}`)];
    }
    if (!query.fieldManager) return [422, status(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch')];
    if (!this.allowed(user, 'patch')) return [403, this.forbidden(user, 'patch', type, route)];
    let config: unknown;
    try {
      config = parseYaml(text);
    } catch (error) {
      return [400, status(400, 'BadRequest', `error decoding YAML: ${(error as Error).message}`)];
    }
    if (!isObject(config)) return [400, status(400, 'BadRequest', 'the body of the request was not an object')];
    const expected = groupVersion(type);
    if (config.apiVersion !== expected) return [400, status(400, 'BadRequest', `the API version in the data (${asText(config.apiVersion)}) does not match the expected API version (${expected})`)];
    if (config.kind !== type.kind) return [400, status(400, 'BadRequest', `the kind in the data (${asText(config.kind)}) does not match the expected kind (${type.kind})`)];
    const metadata = isObject(config.metadata) ? config.metadata : (config.metadata = {});
    if (metadata.name !== undefined && metadata.name !== name) return [400, status(400, 'BadRequest', `the name of the object (${asText(metadata.name)}) does not match the name on the URL (${name})`)];
    metadata.name = name;
    if (type.namespaced) {
      if (metadata.namespace !== undefined && metadata.namespace !== route.namespace) {
        return [400, status(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request')];
      }
      metadata.namespace = route.namespace ?? 'default';
      if (!this.store.namespaceExists(route.namespace ?? '')) {
        return [404, status(404, 'NotFound', `namespaces "${route.namespace}" not found`, { name: route.namespace ?? '', kind: 'namespaces' })];
      }
    } else delete metadata.namespace;

    const live: Stored | undefined = this.store.get(type, route.namespace, name);
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    const result = serverSideApply(live?.object, live?.owners ?? new Map<string, ManagerEntry>(), config, query.fieldManager, { force: query.force === 'true', apiVersion: expected, now });
    if (!result.ok) {
      const words = result.conflicts.map((c) => `conflict with "${c.manager}"${c.apiVersion ? ` using ${c.apiVersion}` : ''}: .${c.path.join('.')}`);
      const message = `Apply failed with ${result.conflicts.length} conflict${result.conflicts.length === 1 ? '' : 's'}: ${words.join('\n')}`;
      return [409, status(409, 'Conflict', message, { causes: result.conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with "${c.manager}" using ${c.apiVersion}`, field: `.${c.path.join('.')}` })) })];
    }
    const candidate = this.store.prepare(type, result.object, live, route.namespace);
    const causes = validate(type, candidate, live?.object);
    if (causes.length > 0) {
      return [422, status(422, 'Invalid', invalidMessage(type, name, causes), { name, ...(type.group ? { group: type.group } : {}), kind: type.kind, causes: causes.map((c) => ({ ...c })) })];
    }
    if (live && deepEqual(content(candidate), content(live.object)) && ownersEqual(result.owners, live.owners)) {
      // Nothing changes: the object is not written again, its resourceVersion stays.
      return [200, this.store.render(live.object, live.owners)];
    }
    if (query.dryRun === 'All') return [live ? 200 : 201, this.store.render(candidate, result.owners)];
    const stored = this.store.write(type, candidate, result.owners);
    return [live ? 200 : 201, this.store.render(stored.object, stored.owners)];
  }
}
