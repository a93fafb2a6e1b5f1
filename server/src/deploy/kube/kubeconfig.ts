/**
 * Reading kubeconfig files with @kubernetes/client-node (the same merging, exec credential
 * plugins, client certificates and CA handling as kubectl's client library). OneNode never writes
 * a kubeconfig: choosing a context for a deploy changes only the in-memory copy.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { DeployError } from '../errors';
import type { ClusterTarget } from '../types';

export interface KubeContextInfo {
  name: string;
  cluster: string;
  /** The API server URL. */
  server: string;
  user: string;
  namespace?: string;
}

export interface LoadedKubeconfig {
  config: KubeConfig;
  /** The file(s) read, for messages. */
  source: string;
  contexts: KubeContextInfo[];
  current?: string;
}

/**
 * Loads the kubeconfig as kubectl finds it: the file given, else $KUBECONFIG (a path list), else
 * ~/.kube/config. Unlike client-node's loadFromDefault, a missing kubeconfig is an error here
 * rather than a silent fallback to http://localhost:8080.
 */
export function loadKubeconfig(explicitPath?: string, env: NodeJS.ProcessEnv = process.env): LoadedKubeconfig {
  const config = new KubeConfig();
  let source: string;
  try {
    if (explicitPath) {
      if (!existsSync(explicitPath)) throw new DeployError('kubeconfig', `kubeconfig ${explicitPath}: no such file`);
      config.loadFromFile(explicitPath);
      source = explicitPath;
    } else if (env.KUBECONFIG) {
      const paths = env.KUBECONFIG.split(process.platform === 'win32' ? ';' : ':').filter((p) => p !== '');
      const present = paths.filter((p) => existsSync(p));
      if (present.length === 0) throw new DeployError('kubeconfig', `KUBECONFIG names no existing file (${env.KUBECONFIG})`);
      loadMerged(config, present);
      source = present.join(', ');
    } else {
      const path = join(env.HOME ?? homedir(), '.kube', 'config');
      if (!existsSync(path)) throw new DeployError('kubeconfig', `no kubeconfig: ${path} does not exist and KUBECONFIG is not set (give one with --kubeconfig)`);
      config.loadFromFile(path);
      source = path;
    }
  } catch (error) {
    if (error instanceof DeployError) throw error;
    throw new DeployError('kubeconfig', `kubeconfig ${explicitPath ?? env.KUBECONFIG ?? '~/.kube/config'}: ${(error as Error).message}`);
  }
  const contexts = config.getContexts().map((c) => ({
    name: c.name,
    cluster: c.cluster,
    server: config.getCluster(c.cluster)?.server ?? '',
    user: c.user,
    ...(c.namespace ? { namespace: c.namespace } : {}),
  }));
  const current = config.getCurrentContext();
  return { config, source, contexts, ...(current && contexts.some((c) => c.name === current) ? { current } : {}) };
}

/**
 * Merges several kubeconfig files the way kubectl does for a KUBECONFIG list: the first file to
 * name a context, cluster or user wins, and so does the first current-context. (client-node's own
 * merge throws on duplicate names and lets the last current-context win.) Each file's relative
 * paths are made absolute against its own folder by loadFromFile.
 */
function loadMerged(config: KubeConfig, paths: readonly string[]): void {
  const clusters = new Map<string, KubeConfig['clusters'][number]>();
  const users = new Map<string, KubeConfig['users'][number]>();
  const contexts = new Map<string, KubeConfig['contexts'][number]>();
  let currentContext = '';
  for (const path of paths) {
    const one = new KubeConfig();
    one.loadFromFile(path);
    for (const c of one.getClusters()) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of one.getUsers()) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of one.getContexts()) if (!contexts.has(c.name)) contexts.set(c.name, c);
    currentContext ||= one.getCurrentContext() ?? '';
  }
  config.loadFromOptions({ clusters: [...clusters.values()], users: [...users.values()], contexts: [...contexts.values()], currentContext });
}

/** Picks the context to deploy to (the kubeconfig's current one unless named) and what it points at. */
export function selectContext(loaded: LoadedKubeconfig, name?: string, namespace?: string): ClusterTarget {
  const chosen = name ?? loaded.current;
  if (!chosen) {
    const names = loaded.contexts.map((c) => c.name);
    throw new DeployError('kubeconfig', names.length === 0 ? `${loaded.source} has no contexts` : `${loaded.source} sets no current context: pick one with --context (${names.join(', ')})`);
  }
  const context = loaded.contexts.find((c) => c.name === chosen);
  if (!context) throw new DeployError('kubeconfig', `no context "${chosen}" in ${loaded.source} (contexts: ${loaded.contexts.map((c) => c.name).join(', ') || 'none'})`);
  if (!context.server) throw new DeployError('kubeconfig', `context "${chosen}" names cluster "${context.cluster}", which has no server in ${loaded.source}`);
  loaded.config.setCurrentContext(chosen);
  return { context: chosen, server: context.server, user: context.user, namespace: namespace ?? context.namespace ?? 'default' };
}
