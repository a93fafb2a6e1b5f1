/**
 * What the PXE hand-off needs from the Harvester config itself. An automatic install must know
 * where the ISO is ("iso_url is required in automatic installation", harvester-installer
 * validator): from install.iso_url in the config, or from the kernel parameter, which the
 * installer reads first and the remote config does not override.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import { normalizeHarvesterKey } from '../../engine/yaml-ast';
import { DeployError } from '../errors';

/** The config's install.iso_url (any of the spellings the installer accepts), if set. */
export function configIsoUrl(text: string): string | undefined {
  const root = parseDocument(text, { version: '1.1' }).contents;
  if (!isMap(root)) return undefined;
  const install = root.items.find((p) => isScalar(p.key) && normalizeHarvesterKey(String(p.key.value)) === 'install')?.value;
  if (!isMap(install)) return undefined;
  const iso = install.items.find((p) => isScalar(p.key) && normalizeHarvesterKey(String(p.key.value)) === 'isourl')?.value;
  return isScalar(iso) && typeof iso.value === 'string' && iso.value !== '' ? iso.value : undefined;
}

export function requireIso(configText: string, isoOption: string | undefined, configName: string): void {
  if (isoOption === undefined && configIsoUrl(configText) === undefined) {
    throw new DeployError('usage', `an automatic install needs the Harvester ISO: set install.iso_url in ${configName}, or give the ISO's URL (or file)`);
  }
}
