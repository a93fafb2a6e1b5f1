/** Completion and schema hovers from the embedded yaml-language-server, fed OneNode's schemas from memory. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { docUri, pull, startClient, withTimeout } from './support';
import type { TestLspClient } from '../helpers/lsp-client';

function labels(result: CompletionList | CompletionItem[] | null): string[] {
  return (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
}

function hoverText(hover: Hover | null): string {
  const c = hover?.contents;
  return !c ? '' : typeof c === 'string' ? c : Array.isArray(c) ? c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n') : c.value;
}

/** Position just after `marker` in `text` (first occurrence after `from`). */
function positionAfter(text: string, marker: string, from = 0): { line: number; character: number } {
  const offset = text.indexOf(marker, from) + marker.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n';
const MACHINE_CONFIG_HEAD = 'apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: 99-master-kdump\n';

describe('completion and schema hovers', { timeout: 60_000 }, () => {
  let client: TestLspClient;

  before(async () => {
    client = await startClient({ pull: true });
  });

  after(async () => {
    await client.stop();
  });

  async function completeAt(text: string, marker: string, from = 0): Promise<string[]> {
    const uri = docUri('complete.yaml');
    await client.open(uri, text);
    await pull(client, uri);
    const p = positionAfter(text, marker, from);
    const result = await withTimeout(client.completion(uri, p.line, p.character), 'completion');
    await client.close(uri);
    return labels(result);
  }

  it('announces completion', () => {
    assert.ok(client.initializeResult?.capabilities.completionProvider);
  });

  it('completes MachineConfig spec keys, in the second document of a file', async () => {
    const text = `${CONFIG_MAP}---\n${MACHINE_CONFIG_HEAD}spec:\n  kern\n`;
    const items = await completeAt(text, '  kern', text.indexOf('MachineConfig'));
    assert.ok(items.includes('kernelArguments'), items.join(', '));
    assert.ok(items.includes('kernelType'), items.join(', '));
  });

  it('completes the values of an enum: the pool role label', async () => {
    const text = `apiVersion: machineconfiguration.openshift.io/v1\nkind: MachineConfig\nmetadata:\n  name: x\n  labels:\n    machineconfiguration.openshift.io/role: \n`;
    const items = await completeAt(text, 'role: ');
    assert.ok(items.includes('master'), items.join(', '));
  });

  it('completes Harvester install config keys and enum values', async () => {
    const keys = await completeAt('scheme_version: 1\ninstall:\n  mode: create\n  vi\n', '  vi');
    for (const key of ['vip', 'vip_mode', 'vip_hw_addr']) assert.ok(keys.includes(key), keys.join(', '));
    const modes = await completeAt('scheme_version: 1\ninstall:\n  mode: \n', 'mode: ');
    assert.ok(modes.includes('create') && modes.includes('join'), modes.join(', '));
  });

  it('offers nothing from schemas for kinds without one', async () => {
    assert.deepEqual(await completeAt(`${CONFIG_MAP}data:\n  \n`, 'data:\n  '), []);
  });

  it('merges the schema description into the hover, after OneNode\'s own text', async () => {
    const uri = docUri('hover.yaml');
    const text = `${MACHINE_CONFIG_HEAD}  labels:\n    machineconfiguration.openshift.io/role: worker\nspec:\n  kernelArguments:\n    - nosmt\n`;
    await client.open(uri, text);
    await pull(client, uri);
    const onRole = hoverText(await client.hover(uri, 5, 50));
    assert.match(onRole, /machineconfig-pool-role/);
    assert.match(onRole, /---[\s\S]*pool this config is for/);
    const onKargs = hoverText(await client.hover(uri, 7, 6));
    assert.match(onKargs, /Kernel command-line arguments/);
    await client.close(uri);
  });
});
