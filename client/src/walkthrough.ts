/**
 * What the "Get started with OneNode" walkthrough needs from the extension: a sample file to open,
 * and a context key that completes the "fix a finding" step once a finding has been fixed.
 */
import * as vscode from 'vscode';

/** Set when an open YAML file loses a OneNode finding while it stays open: a finding was fixed. */
export const FIXED_A_FINDING_CONTEXT = 'onenode.walkthrough.fixedAFinding';

/** A Longhorn StorageClass as written for three nodes: one finding, with a one-click fix. */
const SAMPLE = `# A Longhorn StorageClass copied from a three-node cluster.
# On one node, every volume of this class stays Degraded: put the cursor on "3" and press Ctrl+.
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: longhorn-fast
provisioner: driver.longhorn.io
allowVolumeExpansion: true
parameters:
  numberOfReplicas: "3"
  staleReplicaTimeout: "30"
`;

export async function openSample(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: SAMPLE });
  return vscode.window.showTextDocument(document);
}

function onenodeFindings(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'onenode').length;
}

/** Watches diagnostics until the first finding disappears from a file that is still open. */
export function watchForFirstFix(): vscode.Disposable {
  const counts = new Map<string, number>();
  const listener = vscode.languages.onDidChangeDiagnostics((event) => {
    for (const uri of event.uris) {
      const key = uri.toString();
      const now = onenodeFindings(uri);
      const before = counts.get(key) ?? 0;
      counts.set(key, now);
      const stillOpen = vscode.workspace.textDocuments.some((document) => document.uri.toString() === key && !document.isClosed);
      if (now < before && stillOpen) {
        void vscode.commands.executeCommand('setContext', FIXED_A_FINDING_CONTEXT, true);
        listener.dispose();
        return;
      }
    }
  });
  return listener;
}
