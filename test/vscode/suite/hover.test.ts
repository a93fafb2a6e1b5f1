// Hovers through VS Code's hover API: on a flagged key, and on a key that decides the node's hardware.
import * as assert from 'node:assert/strict';
import { closeAllEditors, diagnosticFor, hoverText, openInEditor, rangeOf } from './support';

describe('hover', () => {
  afterEach(closeAllEditors);

  it('explains a flagged key with the rule title and id', async () => {
    const { document } = await openInEditor('longhorn-storageclass.yaml');
    await diagnosticFor(document.uri, 'longhorn-replica-count');
    const text = await hoverText(document.uri, rangeOf(document, 'numberOfReplicas').start.translate(0, 3));
    assert.match(text, /\*\*OneNode: .+\*\* `longhorn-replica-count`/);
    assert.match(text, /Degraded/);
  });

  it("shows the platform's hardware requirements on a VM's memory", async () => {
    const { document } = await openInEditor('kubevirt-vm.yaml');
    await diagnosticFor(document.uri, 'kubevirt-eviction-strategy');
    const text = await hoverText(document.uri, rangeOf(document, 'memory').start.translate(0, 2));
    assert.match(text, /\| \*\*Test\*\* \(selected\) \| Production \|/, `a requirements table in:\n${text}`);
    assert.match(text, /\| Memory \| \d+ GiB \| \d+ GiB \|/, `a memory row in:\n${text}`);
    assert.match(text, /This VM asks for 4 vCPU and 8Gi of memory/);
  });

  it('offers no OneNode hover on an ordinary key', async () => {
    const { document } = await openInEditor('configmap.yaml');
    const text = await hoverText(document.uri, rangeOf(document, 'kind').start);
    assert.doesNotMatch(text, /OneNode/);
  });
});
