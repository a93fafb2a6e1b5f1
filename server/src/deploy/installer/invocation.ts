/**
 * The installer hand-off: which program runs, with which arguments, on which copy of the files.
 * Always an executable and an argument array, never a shell command line, so nothing in a file
 * or a path can become a command.
 *
 *  - OpenShift: `openshift-install agent create image --dir <asset dir>` builds the agent ISO from
 *    install-config.yaml and agent-config.yaml in the asset directory, and consumes (deletes)
 *    them, which is why it gets copies.
 *  - Kube-V: `kubev apply -f <copy of the KubeVCluster>` installs the cluster over SSH. It runs in
 *    the folder of the original file, so relative paths in it (sshPrivateKeyFile) mean what they
 *    meant there.
 */
import { constants as fsConstants, promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { DeployError } from '../errors';
import type { DeployFile } from '../validate';

export type InstallerKind = 'openshift' | 'kubev';

/** Program names looked up on PATH when no path is configured. */
export const INSTALLER_NAMES: Record<InstallerKind, readonly string[]> = {
  openshift: ['openshift-install'],
  // The v1.3 documentation calls the binary kubermatic-virtualization.
  kubev: ['kubev', 'kubermatic-virtualization'],
};

export const INSTALLER_SETTINGS: Record<InstallerKind, string> = {
  openshift: 'onenode.deploy.openshiftInstallPath',
  kubev: 'onenode.deploy.kubevPath',
};

export interface Invocation {
  executable: string;
  args: string[];
  cwd: string;
  assetDir: string;
  /** The copies the installer works on. */
  files: string[];
}

async function executable(path: string): Promise<boolean> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return false;
    await fs.access(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The installer's absolute path: the one configured, else the first of its names on PATH. */
export async function findInstaller(kind: InstallerKind, configured: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (configured) {
    const path = resolve(configured);
    if (await executable(path)) return path;
    throw new DeployError('installer', `the installer ${configured} is not an executable file`);
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter((d) => isAbsolute(d))) {
    for (const name of INSTALLER_NAMES[kind]) {
      const path = join(dir, name);
      if (await executable(path)) return path;
    }
  }
  throw new DeployError('installer', `${INSTALLER_NAMES[kind].join(' or ')} was not found on PATH: set ${INSTALLER_SETTINGS[kind]} (or give --installer)`);
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-');
}

/**
 * The asset directory: the one given (absent or empty), else a new one under ~/.onenode/assets.
 * Private (0700): the installer writes the cluster's admin kubeconfig and password into it.
 */
export async function createAssetDir(given: string | undefined, label: string, now = new Date()): Promise<string> {
  const dir = resolve(given ?? join(homedir(), '.onenode', 'assets', `${label.replace(/[^A-Za-z0-9.-]+/g, '-')}-${timestamp(now)}`));
  const entries = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
  if (entries && entries.length > 0) throw new DeployError('usage', `the asset directory ${dir} is not empty: give a new or empty one`);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.chmod(dir, 0o700);
  return dir;
}

async function copyInto(dir: string, name: string, file: DeployFile): Promise<string> {
  const path = join(dir, name);
  // The files hold pull secrets and SSH keys: readable by the owner only.
  await fs.writeFile(path, file.text, { mode: 0o600, flag: 'wx' });
  return path;
}

export interface OpenShiftFiles {
  installConfig: DeployFile;
  agentConfig?: DeployFile;
}

export async function openshiftInvocation(installer: string, files: OpenShiftFiles, assetDir: string): Promise<Invocation> {
  const copies = [await copyInto(assetDir, 'install-config.yaml', files.installConfig)];
  if (files.agentConfig) copies.push(await copyInto(assetDir, 'agent-config.yaml', files.agentConfig));
  return { executable: installer, args: ['agent', 'create', 'image', '--dir', assetDir, '--log-level', 'info'], cwd: assetDir, assetDir, files: copies };
}

export async function kubevInvocation(installer: string, cluster: DeployFile, assetDir: string): Promise<Invocation> {
  const name = (cluster.absolutePath ?? cluster.path).split(/[\\/]/).pop() || 'cluster.yaml';
  const copy = await copyInto(assetDir, name, cluster);
  const cwd = cluster.absolutePath ? dirname(cluster.absolutePath) : assetDir;
  return { executable: installer, args: ['apply', '-f', copy], cwd, assetDir, files: [copy] };
}

/** `openshift-install agent create image --dir /…`, quoted for reading (not for a shell: nothing runs this string). */
export function describeInvocation(invocation: Invocation): string {
  const quote = (arg: string) => (/^[A-Za-z0-9_./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
  return [invocation.executable, ...invocation.args].map(quote).join(' ');
}
