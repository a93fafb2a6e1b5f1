/**
 * The iPXE script for an automatic Harvester install. The installer reads its configuration keys
 * from kernel parameters prefixed `harvester.` (harvester-installer pkg/config/read.go), so the
 * script boots the Harvester kernel and initrd with the live root file system and
 * `harvester.install.automatic=true harvester.install.config_url=<served config>`, as the
 * Harvester PXE boot documentation and its iPXE examples do.
 */
import { DeployError } from '../errors';

export interface BootArtifacts {
  kernel: string;
  initrd: string;
  rootfs: string;
  /** Overrides install.iso_url of the config (an automatic install needs the ISO). */
  iso?: string;
}

export interface IpxeOptions {
  artifacts: BootArtifacts;
  configUrl: string;
  /** Extra kernel parameters, e.g. `console=ttyS0,115200` or `harvester.install.skipchecks=true`. */
  extraArgs?: readonly string[];
}

/** The name the initrd is given, so UEFI kernels find it (`initrd=` on the kernel line). */
const INITRD_NAME = 'initrd';

/**
 * iPXE expands `${…}` and splits on white space; the kernel command line splits on white space
 * too. A value with either could change what the script does, so such values are refused.
 */
export function checkScriptValue(what: string, value: string): void {
  if (value === '' || /[\s"'\\]/.test(value) || value.includes('${')) {
    throw new DeployError('usage', `${what} "${value}" cannot go into an iPXE script: no spaces, quotes, backslashes or \${ allowed`);
  }
}

function checkUrl(what: string, value: string): void {
  checkScriptValue(what, value);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DeployError('usage', `${what} "${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new DeployError('usage', `${what} must be an http or https URL, not ${url.protocol}`);
}

export function kernelArguments(options: IpxeOptions): string[] {
  const { artifacts } = options;
  checkUrl('the rootfs URL', artifacts.rootfs);
  checkUrl('the config URL', options.configUrl);
  if (artifacts.iso !== undefined) checkUrl('the ISO URL', artifacts.iso);
  for (const arg of options.extraArgs ?? []) checkScriptValue('the kernel argument', arg);
  return [
    `initrd=${INITRD_NAME}`,
    'ip=dhcp',
    'net.ifnames=1',
    'rd.cos.disable',
    'rd.noverifyssl',
    'console=tty1',
    `root=live:${artifacts.rootfs}`,
    'harvester.install.automatic=true',
    `harvester.install.config_url=${options.configUrl}`,
    ...(artifacts.iso !== undefined ? [`harvester.install.iso_url=${artifacts.iso}`] : []),
    ...(options.extraArgs ?? []),
  ];
}

export function ipxeScript(options: IpxeOptions): string {
  checkUrl('the kernel URL', options.artifacts.kernel);
  checkUrl('the initrd URL', options.artifacts.initrd);
  const args = kernelArguments(options);
  return [
    '#!ipxe',
    '# Automatic Harvester install, served by OneNode. The installer reads harvester.* kernel',
    '# parameters and the config at harvester.install.config_url.',
    `kernel ${options.artifacts.kernel} ${args.join(' ')}`,
    `initrd --name ${INITRD_NAME} ${options.artifacts.initrd}`,
    'boot',
    '',
  ].join('\n');
}
