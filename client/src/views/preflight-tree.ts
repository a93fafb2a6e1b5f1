/**
 * The "OneNode Preflight" view: one node per platform and environment, one child per check with
 * its result icon, and under each check what was measured, what is required and what to do.
 */
import * as vscode from 'vscode';
import type { PreflightReport } from '../../../server/src/preflight/protocol';

type Evaluation = PreflightReport['evaluations'][number];
type Check = Evaluation['checks'][number];
type Status = Check['status'] | Evaluation['verdict'];

type Node =
  | { kind: 'host'; report: PreflightReport }
  | { kind: 'evaluation'; evaluation: Evaluation }
  | { kind: 'check'; check: Check }
  | { kind: 'detail'; label: string; text: string };

const ICONS: Record<Status, vscode.ThemeIcon> = {
  pass: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  warn: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  fail: new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed')),
  skip: new vscode.ThemeIcon('circle-slash'),
};

export class PreflightTreeProvider implements vscode.TreeDataProvider<Node> {
  private report: PreflightReport | undefined;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  show(report: PreflightReport): void {
    this.report = report;
    this.changed.fire(undefined);
  }

  get current(): PreflightReport | undefined {
    return this.report;
  }

  getChildren(node?: Node): Node[] {
    if (!this.report) return [];
    if (!node) return [{ kind: 'host', report: this.report }, ...this.report.evaluations.map((evaluation): Node => ({ kind: 'evaluation', evaluation }))];
    if (node.kind === 'evaluation') return node.evaluation.checks.map((check): Node => ({ kind: 'check', check }));
    if (node.kind === 'check') {
      const details: Node[] = [
        { kind: 'detail', label: 'Measured', text: node.check.measured },
        { kind: 'detail', label: 'Required', text: node.check.required },
      ];
      if (node.check.advice && node.check.status !== 'pass') details.push({ kind: 'detail', label: 'To do', text: node.check.advice });
      return details;
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'host': {
        const f = node.report.facts;
        const item = new vscode.TreeItem(node.report.target, vscode.TreeItemCollapsibleState.None);
        item.description = [f.hostname, f.os, f.cpu.logical !== undefined ? `${f.cpu.logical} CPUs` : undefined].filter(Boolean).join(', ');
        item.iconPath = new vscode.ThemeIcon(node.report.target === 'this machine' ? 'device-desktop' : 'remote');
        item.tooltip = `Collected ${node.report.collectedAt}`;
        return item;
      }
      case 'evaluation': {
        const e = node.evaluation;
        const item = new vscode.TreeItem(`${e.platformLabel}, ${e.environment}`, e.verdict === 'pass' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${e.verdict}: ${e.summary.fail} failed, ${e.summary.warn} warnings, ${e.summary.pass} passed`;
        item.iconPath = ICONS[e.verdict];
        return item;
      }
      case 'check': {
        const c = node.check;
        const item = new vscode.TreeItem(c.title, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = c.measured;
        item.iconPath = ICONS[c.status];
        item.tooltip = new vscode.MarkdownString().appendText(`${c.status.toUpperCase()}: ${c.measured}\n\nRequired: ${c.required}${c.advice && c.status !== 'pass' ? `\n\nTo do: ${c.advice}` : ''}`);
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.text;
        item.tooltip = node.text;
        return item;
      }
    }
  }
}
