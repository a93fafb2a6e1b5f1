/**
 * The files a deploy from the editor works on: the URIs chosen (files or folders), read from the
 * editor's buffer when open (what the person sees is what is deployed), else from disk. Paths are
 * shown relative to their workspace folder.
 */
import { promises as fs } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE_NAME } from '../engine';
import { collectFiles, decode } from '../files/yaml-files';
import { DeployError } from './errors';
import type { DeployFile } from './validate';

export interface OpenDocument {
  uri: string;
  getText(): string;
}

function pathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function shown(path: string, folders: readonly string[]): string {
  const folder = folders.filter((f) => path === f || path.startsWith(f + sep)).sort((a, b) => b.length - a.length)[0];
  return folder ? relative(folder, path) || basename(path) : path;
}

export async function readDeployFiles(uris: readonly string[], open: readonly OpenDocument[], workspaceFolderUris: readonly string[]): Promise<DeployFile[]> {
  const folders = workspaceFolderUris.map(pathOf).filter((p): p is string => p !== undefined);
  const byPath = new Map(open.map((d) => [pathOf(d.uri), d]));
  const out: DeployFile[] = [];
  for (const uri of uris) {
    const path = pathOf(uri);
    if (!path) {
      // An untitled buffer: deployable as it is, but installers need a file on disk.
      const document = open.find((d) => d.uri === uri);
      if (!document) throw new DeployError('input', `${uri} is neither a file nor an open document`);
      out.push({ path: uri, text: document.getText() });
      continue;
    }
    const { files, errors } = await collectFiles([path]);
    if (errors.length > 0) throw new DeployError('input', errors.join('\n'));
    for (const file of files) {
      if (basename(file) === CONFIG_FILE_NAME) continue;
      const document = byPath.get(file);
      const text = document ? document.getText() : decode(await fs.readFile(file)).text;
      out.push({ path: shown(file, folders), absolutePath: file, text });
    }
  }
  if (out.length === 0) throw new DeployError('input', 'no YAML files to deploy in the selection');
  return out;
}
