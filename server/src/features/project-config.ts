/**
 * The `.onenode.yaml` of each workspace folder, applied on top of the editor settings for the
 * documents in that folder (the CLI applies the same file the same way). Read from disk at start,
 * and again from the editor buffer or disk whenever it changes.
 */
import { promises as fs } from 'node:fs';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME, ignoreMatcher, parseConfig, type ConfigProblem, type OneNodeConfig } from '../engine';

interface FolderConfig {
  folderPath: string;
  config: OneNodeConfig;
  problems: ConfigProblem[];
  ignored: (relativePath: string) => boolean;
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * parseConfig, but never throwing: converting a hostile file to values can fail (more aliases
 * than the converter allows), and a config that cannot be read must be a problem on the file,
 * not an exception in the handler that received the edit.
 */
function readConfig(text: string): { config: OneNodeConfig; problems: ConfigProblem[] } {
  try {
    return parseConfig(text);
  } catch (error) {
    const origin = { line: 0, character: 0 };
    return { config: {}, problems: [{ message: `${CONFIG_FILE_NAME} could not be read: ${error instanceof Error ? error.message : String(error)}.`, range: { start: origin, end: origin } }] };
  }
}

export class ProjectConfigs {
  private readonly folders = new Map<string, FolderConfig>();

  constructor(folderUris: readonly string[]) {
    for (const uri of folderUris) {
      const folderPath = pathOf(uri);
      if (folderPath) this.folders.set(folderPath, { folderPath, config: {}, problems: [], ignored: () => false });
    }
  }

  /** Reads every folder's `.onenode.yaml` from disk. */
  async loadAll(): Promise<void> {
    for (const folderPath of this.folders.keys()) {
      const text = await fs.readFile(`${folderPath}${sep}${CONFIG_FILE_NAME}`, 'utf8').catch(() => undefined);
      this.apply(folderPath, text);
    }
  }

  /** The folder whose config file `uri` is, if it is one. */
  configFolder(uri: string): string | undefined {
    const path = pathOf(uri);
    return [...this.folders.keys()].find((folder) => path === `${folder}${sep}${CONFIG_FILE_NAME}`);
  }

  /** Takes a config file's new text (undefined: deleted). Returns whether anything changed. */
  update(uri: string, text: string | undefined): boolean {
    const folder = this.configFolder(uri);
    return folder !== undefined && this.apply(folder, text);
  }

  async reloadFromDisk(uri: string): Promise<boolean> {
    const path = pathOf(uri);
    if (!path || this.configFolder(uri) === undefined) return false;
    return this.update(uri, await fs.readFile(path, 'utf8').catch(() => undefined));
  }

  problems(uri: string): ConfigProblem[] {
    const folder = this.configFolder(uri);
    return folder ? (this.folders.get(folder)?.problems ?? []) : [];
  }

  /** The config that applies to a document, and whether its ignore globs exclude it. */
  forDocument(uri: string): { config: OneNodeConfig; ignored: boolean } {
    const path = pathOf(uri);
    if (!path) return { config: {}, ignored: false };
    const folder = [...this.folders.values()]
      .filter((f) => path.startsWith(f.folderPath + sep))
      .sort((a, b) => b.folderPath.length - a.folderPath.length)[0];
    if (!folder) return { config: {}, ignored: false };
    return { config: folder.config, ignored: folder.ignored(relative(folder.folderPath, path)) };
  }

  private apply(folderPath: string, text: string | undefined): boolean {
    const before = JSON.stringify(this.folders.get(folderPath)?.config ?? {}) + JSON.stringify(this.folders.get(folderPath)?.problems ?? []);
    const { config, problems } = text === undefined ? { config: {}, problems: [] } : readConfig(text);
    this.folders.set(folderPath, { folderPath, config, problems, ignored: ignoreMatcher(config) });
    return before !== JSON.stringify(config) + JSON.stringify(problems);
  }
}
