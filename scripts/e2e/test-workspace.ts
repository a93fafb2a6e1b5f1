/** A throw-away copy of test/vscode/workspace, so settings and edits made by a test never reach the repository. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

export interface WorkspaceCopy {
  root: string;
  /** The folder VS Code opens. */
  folder: string;
  remove(): void;
}

export function copyTestWorkspace(): WorkspaceCopy {
  const root = mkdtempSync(join(tmpdir(), 'onenode-workspace-'));
  const folder = join(root, 'single-node-site');
  cpSync(join(REPO_ROOT, 'test', 'vscode', 'workspace'), folder, { recursive: true });
  return { root, folder, remove: () => rmSync(root, { recursive: true, force: true }) };
}
