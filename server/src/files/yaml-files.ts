/**
 * Finding and reading YAML files, for the CLI and the language server's workspace scan.
 * Directories are walked for *.yaml and *.yml (skipping VCS and dependency folders). Text is decoded the way editors decode it: a UTF-8 BOM
 * is dropped and UTF-16 with a BOM is decoded, and writing back restores the original encoding.
 */
import { promises as fs, readFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';

const SKIP_DIRS = new Set(['.git', 'node_modules', '.hg', '.svn', '.e2e', 'dist', 'out']);
const YAML_FILE = /\.ya?ml$/i;

/** The path that means "read standard input", as in `helm template … | onenode check -`. */
export const STDIN = '-';

export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export interface SourceFile {
  path: string;
  text: string;
  encoding: Encoding;
}

export async function collectFiles(paths: readonly string[]): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  const visit = async (path: string, explicit: boolean): Promise<void> => {
    let stat;
    try {
      stat = await fs.stat(path);
    } catch (error) {
      if (explicit) errors.push(`${path}: ${describe(error)}`);
      return;
    }
    if (stat.isDirectory()) {
      let entries: string[];
      try {
        entries = (await fs.readdir(path)).sort();
      } catch (error) {
        errors.push(`${path}: ${describe(error)}`);
        return;
      }
      for (const entry of entries) {
        if (SKIP_DIRS.has(entry)) continue;
        const child = join(path, entry);
        const childStat = await fs.stat(child).catch(() => undefined);
        if (childStat?.isDirectory()) await visit(child, false);
        else if (childStat?.isFile() && YAML_FILE.test(entry)) files.push(child);
      }
    } else if (stat.isFile()) files.push(path);
  };
  for (const path of paths) {
    if (path === STDIN) files.push(STDIN);
    else await visit(path, true);
  }
  return { files: [...new Set(files)], errors };
}

export function decode(buffer: Buffer): { text: string; encoding: Encoding } {
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return { text: buffer.subarray(3).toString('utf8'), encoding: 'utf8-bom' };
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: buffer.subarray(2).toString('utf16le'), encoding: 'utf16le' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    const swapped = Buffer.from(buffer.subarray(2));
    swapped.swap16();
    return { text: swapped.toString('utf16le'), encoding: 'utf16be' };
  }
  return { text: buffer.toString('utf8'), encoding: 'utf8' };
}

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const body = Buffer.from(text, 'utf16le');
      body.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
    }
    default:
      return Buffer.from(text, 'utf8');
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function readSource(path: string): Promise<SourceFile> {
  const { text, encoding } = decode(path === STDIN ? await readStdin() : await fs.readFile(path));
  return { path, text, encoding };
}

/**
 * The same, blocking: for the CLI, which reads hundreds of small files one after the other and
 * has nothing else to do meanwhile (the promise machinery of async reads cost more than the reads).
 */
export function readSourceSync(path: string): SourceFile {
  return { path, ...decode(readFileSync(path)) };
}

export async function writeSource(file: SourceFile, text: string): Promise<void> {
  await fs.writeFile(file.path, encode(text, file.encoding));
}

/** The path as shown to the user: relative to the working directory when below it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  if (path === STDIN) return '<stdin>';
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

export function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file or directory';
  if (e?.code === 'EACCES') return 'permission denied';
  return e?.message ?? String(error);
}
