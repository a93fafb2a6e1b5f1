/**
 * Fills the workspace index from disk: every YAML file of the workspace folders at start-up, and
 * files that change on disk while closed in the editor (open files are indexed from their
 * buffers by the result cache instead). Runs in the background, yielding between files.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver/node';
import { promises as fs } from 'node:fs';
import { extractFacts, parseFile, skipReason, UNREAD_ABOVE_BYTES, type WorkspaceIndex } from '../engine';
import { collectFiles, readSource } from '../files/yaml-files';

/** Large monorepos: index at most this many files, and say so. */
export const MAX_INDEXED_FILES = 5000;

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function indexFile(index: WorkspaceIndex, uri: string): Promise<boolean> {
  if (!uri.startsWith('file:')) return false;
  try {
    const path = fileURLToPath(uri);
    if ((await fs.stat(path)).size > UNREAD_ABOVE_BYTES) return index.remove(uri);
    const source = await readSource(path);
    if (skipReason(source.text)) return index.remove(uri);
    return index.set(uri, extractFacts(uri, parseFile(source.text)));
  } catch {
    // Deleted or unreadable: it no longer contributes facts.
    return index.remove(uri);
  }
}

export async function scanWorkspace(
  connection: Connection,
  index: WorkspaceIndex,
  folders: readonly string[],
  isOpen: (uri: string) => boolean,
): Promise<number> {
  const paths = folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
  if (paths.length === 0) return 0;
  const started = Date.now();
  const { files } = await collectFiles(paths);
  const selected = files.slice(0, MAX_INDEXED_FILES);
  if (files.length > selected.length) {
    connection.console.warn(`The workspace has ${files.length} YAML files; only the first ${MAX_INDEXED_FILES} are indexed for rules that look across files.`);
  }
  let changed = 0;
  for (const path of selected) {
    const uri = pathToFileURL(path).toString();
    if (!isOpen(uri) && (await indexFile(index, uri))) changed++;
    await nextTick();
  }
  connection.console.info(`Indexed ${selected.length} YAML files in ${Date.now() - started} ms.`);
  return changed;
}
