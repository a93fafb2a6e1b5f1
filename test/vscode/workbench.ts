/**
 * The few things the UI tests do in the VS Code workbench, by what a user sees: selectors that
 * were checked against code-server 1.139 (see ../shared/reference/vscode-e2e.md). Every wait is on
 * a selector or a condition, with a timeout; nothing sleeps.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS } from '../../scripts/e2e/paths';

/** The little of the DOM the page functions below touch (this project compiles without the DOM lib). */
interface PageLine {
  textContent: string | null;
  style: { top: string };
}
interface PageDocument {
  querySelector(selector: string): PageLine | null;
  querySelectorAll(selector: string): Iterable<PageLine>;
}
declare const document: PageDocument;

export class Workbench {
  constructor(readonly page: Page) {}

  async open(origin: string, folder: string): Promise<void> {
    await this.page.goto(`${origin}/?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  }

  /** Quick Open (Ctrl+P), the file's name, Enter; resolves when its tab is active. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await this.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tab.active', { hasText: name }).waitFor();
  }

  /** The visible text of the active editor, with the non-breaking spaces Monaco renders as spaces. */
  editorText(): Promise<string> {
    return this.page.evaluate(() => {
      // Monaco reuses line elements, so document order is not line order; their offsets are.
      return [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
        .join('\n');
    });
  }

  async waitForEditorText(contains: string): Promise<void> {
    await this.page.waitForFunction((needle) => {
      const text = document.querySelector('.editor-group-container.active .monaco-editor .view-lines')?.textContent ?? '';
      return text.replace(/\u00a0/g, ' ').includes(needle);
    }, contains);
  }

  /** A span of editor text that reads exactly `text` (Monaco splits a line into token spans). */
  token(text: string): Locator {
    const exact = new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    return this.page.locator('.editor-group-container.active .view-lines span span').filter({ hasText: exact });
  }

  squiggles(severity: 'warning' | 'error'): Locator {
    return this.page.locator(`.editor-group-container.active .monaco-editor .squiggly-${severity}`);
  }

  /** Opens the Problems panel (Ctrl+Shift+M). */
  async showProblems(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor();
  }

  problems(containing: string): Locator {
    return this.page.locator('.markers-panel .monaco-list-row', { hasText: containing });
  }

  /** The Quick Fix menu (Ctrl+.) and its entries; `.focused` is the one Enter applies. */
  codeActionMenuItem(title: string, state: '' | '.focused' = ''): Locator {
    return this.page.locator(`.action-widget .monaco-list-row.action${state}`, { hasText: title });
  }

  /** F1, the command's title, Enter: the way a user runs a command from the palette. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.paletteRow(title).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  paletteRow(text: string): Locator {
    return this.page.locator('.quick-input-widget .monaco-list-row', { hasText: text });
  }

  /** Picks the entry labelled `label` in the open quick pick (titled `title`, when given). */
  async pick(label: string, title?: string): Promise<void> {
    if (title !== undefined) await this.page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor();
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(label);
    await this.page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: label }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** A step of an open walkthrough, by the id its package.json gives it. */
  walkthroughStep(stepId: string): Locator {
    return this.page.locator(`.getting-started-step[data-step-id$="#${stepId}"]`);
  }

  /** Brings an open editor tab to the front. */
  async showTab(title: string): Promise<void> {
    await this.page.locator('.tab', { hasText: title }).click();
    await this.page.locator('.tab.active', { hasText: title }).waitFor();
  }

  /** A notification as it pops up (toasts hide after a while; the center keeps them all). */
  notificationToast(text: string): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  /** Opens the notification center and returns its entries that contain `text`. */
  async notificationsInCenter(text: string): Promise<Locator> {
    await this.runCommand('Notifications: Show Notifications');
    await this.page.locator('.notifications-center').waitFor();
    return this.page.locator('.notifications-center .notification-list-item', { hasText: text });
  }

  statusBarItem(text: string): Locator {
    return this.page.locator('.statusbar-item', { hasText: text });
  }

  /** Saves a screenshot under test-results/vscode/ (git-ignored) and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
