/**
 * `npm run test:vscode:desktop`: the same extension-host suite (out/vscode-suite/index.js) in a
 * desktop VS Code through @vscode/test-electron. It downloads VS Code from Microsoft unless
 * VSCODE_EXECUTABLE names an installed one, so it needs a machine with a desktop VS Code or
 * internet access; on machines without either, `npm run test:vscode` runs the suite in code-server.
 */
import { runTests } from '@vscode/test-electron';
import { REPO_ROOT, SUITE_INDEX } from './paths';
import { copyTestWorkspace } from './test-workspace';

async function main(): Promise<void> {
  const workspace = copyTestWorkspace();
  try {
    const exitCode = await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE_INDEX,
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
      // Other installed extensions and the first-run pages stay out of the way of the suite.
      launchArgs: [workspace.folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
    process.exitCode = exitCode;
  } finally {
    workspace.remove();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`desktop VS Code tests failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
