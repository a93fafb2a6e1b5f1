// UI tests: the packaged VSIX installed into a fresh code-server, driven in Chromium the way a new
// user would — open a file, see the problem, fix it with Ctrl+., run commands from F1.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchBrowser, type Browser } from '../../scripts/e2e/browser';
import { createProfile, installVsix, startCodeServer, type Profile, type RunningCodeServer } from '../../scripts/e2e/code-server';
import { ARTIFACTS, VSIX } from '../../scripts/e2e/paths';
import { pollUntil, readJsonIfComplete } from './poll';
import { languageServerPids } from './server-processes';
import { Workbench } from './workbench';
import { copyTestWorkspace, type WorkspaceCopy } from '../../scripts/e2e/test-workspace';

const MAX_VSIX_BYTES = 3 * 1024 * 1024;
/** What the allow-list .vscodeignore lets into the VSIX (vsce adds the manifest and renames a few). */
const SHIPPED = [
  /^dist\/(client|session|server|deploy-cluster|preflight-ssh)\.js$/,
  /^docs\/rules\/([a-z0-9-]+|README)\.md$/,
  /^docs\/walkthrough\/[a-z0-9-]+\.md$/,
  /^media\/icon\.png$/,
  /^docs\/images\/quick-fix\.png$/,
  /^snippets\/[a-z0-9-]+\.json$/,
  /^schemas\/[a-z0-9-]+\.schema\.json$/,
  /^package\.json$/,
  /^readme\.md$/,
  /^changelog\.md$/,
  /^LICENSE\.txt$/,
  /^\.vsixmanifest$/,
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

describe('VS Code UI with the packaged extension (code-server + Chromium)', { timeout: 180_000 }, () => {
  let profile: Profile | undefined;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let workspace: WorkspaceCopy | undefined;
  let workbench: Workbench;

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: npm run package`);
    profile = createProfile({ 'workbench.secondarySideBar.defaultVisibility': 'hidden' });
    await installVsix(profile, VSIX);
    server = await startCodeServer(profile);
    workspace = copyTestWorkspace();
    browser = await launchBrowser();
    browser.page.setDefaultTimeout(30_000);
    workbench = new Workbench(browser.page);
    await workbench.open(server.origin, workspace.folder);
  });

  after(async () => {
    if (server) {
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'code-server.log'), server.output());
    }
    await browser?.close();
    await server?.stop();
    profile?.remove();
    workspace?.remove();
  });

  /** Runs a step; on failure keeps a screenshot of what the workbench showed. */
  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      await workbench.screenshot(`failed-${name}`).catch(() => undefined);
      throw error;
    }
  }

  it('installs from a VSIX under 3 MB that holds only the allow-listed files', () => {
    const bytes = statSync(VSIX).size;
    assert.ok(bytes < MAX_VSIX_BYTES, `onenode.vsix is ${bytes} bytes`);
    const installed = readdirSync(profile!.extensionsDir).filter((name) => name.startsWith('onenode.onenode-'));
    assert.equal(installed.length, 1, `installed: ${readdirSync(profile!.extensionsDir).join(', ')}`);
    const files = filesUnder(join(profile!.extensionsDir, installed[0]));
    assert.deepEqual(files.filter((file) => !SHIPPED.some((pattern) => pattern.test(file))), [], 'files outside the allow-list');
    const manifest = JSON.parse(readFileSync(join(profile!.extensionsDir, installed[0], 'package.json'), 'utf8')) as {
      icon: string;
      contributes: { walkthroughs: { steps: { media: { markdown: string } }[] }[]; yamlValidation?: { url: string }[]; snippets?: { path: string }[] };
    };
    const referenced = [
      manifest.icon,
      ...manifest.contributes.walkthroughs.flatMap((w) => w.steps.map((step) => step.media.markdown)),
      ...(manifest.contributes.yamlValidation ?? []).map((entry) => entry.url),
      ...(manifest.contributes.snippets ?? []).map((entry) => entry.path),
    ].map((path) => path.replace(/^\.\//, ''));
    for (const required of ['dist/client.js', 'dist/session.js', 'dist/server.js', 'dist/deploy-cluster.js', 'dist/preflight-ssh.js', 'docs/rules/longhorn-replica-count.md', ...referenced]) {
      assert.ok(files.includes(required), `${required} is shipped`);
    }
  });

  it('the walkthrough opens a sample, and fixing its finding completes the "Fix a finding" step', () =>
    step('walkthrough', async () => {
      await workbench.runCommand('Welcome: Open Walkthrough...');
      await workbench.pick('Get Started with OneNode');
      const openSample = workbench.walkthroughStep('openSample');
      const fixFinding = workbench.walkthroughStep('fixFinding');
      for (const id of ['pickPlatform', 'openSample', 'fixFinding', 'runPreflight']) await workbench.walkthroughStep(id).waitFor();
      assert.equal(await fixFinding.getAttribute('aria-checked'), 'false', 'nothing has been fixed in this session yet');
      await workbench.screenshot('walkthrough');

      await openSample.click();
      await openSample.getByText('Open the sample').click();
      await workbench.page.locator('.tab.active', { hasText: 'Untitled' }).waitFor();
      await workbench.squiggles('warning').first().waitFor();
      await workbench.token('"3"').click();
      await browser!.page.keyboard.press('Control+.');
      await workbench.codeActionMenuItem('Set numberOfReplicas: "1"', '.focused').waitFor();
      await browser!.page.keyboard.press('Enter');
      await workbench.waitForEditorText('numberOfReplicas: "1"');

      await workbench.showTab('Welcome');
      await workbench.page.locator('.getting-started-step[aria-checked="true"][data-step-id$="#openSample"]').waitFor();
      await workbench.page.locator('.getting-started-step[aria-checked="true"][data-step-id$="#fixFinding"]').waitFor();
      await workbench.screenshot('walkthrough-done');
    }));

  it('shows the squiggle and a Problems entry with the rule id on numberOfReplicas: "3"', () =>
    step('problem', async () => {
      await workbench.openFile('longhorn-storageclass.yaml');
      await workbench.squiggles('warning').first().waitFor();
      await workbench.showProblems();
      await workbench.problems('longhorn-replica-count').first().waitFor();
      assert.match(await workbench.problems('longhorn-replica-count').first().innerText(), /Degraded/);
      await workbench.screenshot('problem');
    }));

  it('Ctrl+. offers the fix; applying it changes the text and the problem goes', () =>
    step('quick-fix', async () => {
      await workbench.token('"3"').click();
      await browser!.page.keyboard.press('Control+.');
      await workbench.codeActionMenuItem('Set numberOfReplicas: "1"', '.focused').waitFor();
      await workbench.codeActionMenuItem('Disable longhorn-replica-count for this line').waitFor();
      await workbench.screenshot('quick-fix');
      await browser!.page.keyboard.press('Enter');
      await workbench.waitForEditorText('numberOfReplicas: "1"');
      assert.match(await workbench.editorText(), /^ {2}numberOfReplicas: "1" {8}# one replica per node on three nodes$/m, 'only the value changed');
      await workbench.problems('longhorn-replica-count').first().waitFor({ state: 'detached' });
      await workbench.squiggles('warning').first().waitFor({ state: 'detached' });
      await workbench.screenshot('fixed');
    }));

  it('F1 → "OneNode: Select Platform and Environment" writes the settings and the status bar shows them', () =>
    step('select-platform', async () => {
      await workbench.statusBarItem('Auto · test').waitFor();
      await workbench.runCommand('OneNode: Select Platform and Environment');
      await workbench.pick('Harvester', 'OneNode: platform of this single-node cluster');
      await workbench.pick('production', 'OneNode: what the node is for');
      await workbench.statusBarItem('Harvester · production').waitFor();
      const settingsFile = join(workspace!.folder, '.vscode', 'settings.json');
      const settings = await pollUntil('both settings in .vscode/settings.json', () => {
        const json = readJsonIfComplete(settingsFile, (path) => readFileSync(path, 'utf8'));
        return json?.['onenode.environment'] !== undefined ? json : undefined;
      });
      assert.equal(settings['onenode.platform'], 'harvester');
      assert.equal(settings['onenode.environment'], 'production');
      await workbench.screenshot('status-bar');
    }));

  it('F1 lists the OneNode commands a user can run with a YAML file open', () =>
    step('palette', async () => {
      await browser!.page.keyboard.press('F1');
      await browser!.page.locator('.quick-input-widget input').fill('>OneNode:');
      const titles = ['OneNode: Restart Language Server', 'OneNode: Show Output', 'OneNode: Select Platform and Environment', 'OneNode: Open a Sample File', 'OneNode: Run Preflight'];
      for (const title of titles) {
        await workbench.paletteRow(title).first().waitFor();
      }
      await workbench.screenshot('palette');
      await browser!.page.keyboard.press('Escape');
    }));

  it('a language server killed twice is restarted each time, the person is told once, and the new server checks edits', () =>
    step('crash-restart', async () => {
      const notice = 'the language server stopped unexpectedly and was restarted';
      const extensionsDir = profile!.extensionsDir;
      const onlyServer = (exclude: number[]) => () => {
        const pids = languageServerPids(extensionsDir);
        return pids.length === 1 && !exclude.includes(pids[0]) ? pids[0] : undefined;
      };
      // The quick-fix test left this file at numberOfReplicas: "1", no finding.
      await workbench.openFile('longhorn-storageclass.yaml');
      const first = await pollUntil('the language server process', onlyServer([]));

      process.kill(first, 'SIGKILL');
      await workbench.notificationToast(notice).waitFor();
      const second = await pollUntil('a restarted language server', onlyServer([first]));
      // Only a live server can flag the fault typed back in: the one that knew the file is gone.
      await workbench.token('"1"').dblclick();
      await browser!.page.keyboard.type('3');
      await workbench.waitForEditorText('numberOfReplicas: "3"');
      await workbench.squiggles('warning').first().waitFor();
      await workbench.screenshot('restarted');

      process.kill(second, 'SIGKILL');
      await pollUntil('a language server restarted again', onlyServer([first, second]));
      await workbench.token('"3"').dblclick();
      await browser!.page.keyboard.type('2');
      await workbench.showProblems();
      await workbench.problems('numberOfReplicas "2"').first().waitFor();
      const told = await workbench.notificationsInCenter(notice);
      assert.equal(await told.count(), 1, 'one notification for two crashes');
      await workbench.screenshot('restarted-twice');
    }));
});
