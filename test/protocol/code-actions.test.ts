// Protocol: quick-fixes, "Disable <rule> for this line" (insert and merge) and source.fixAll.onenode, applied as text.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { RULES } from '../../server/src/engine';
import type { TestLspClient } from '../helpers/lsp-client';
import { textAt } from '../helpers/text';
import {
  actionsOf,
  applyAction,
  docUri,
  editsOf,
  protocolFixture,
  pull,
  rangeOf,
  ruleFixture,
  serverFailures,
  startClient,
  withTimeout,
} from './support';

const LONGHORN = protocolFixture('longhorn-three.yaml');
const DISABLE_LONGHORN = 'Disable longhorn-replica-count for this line';
const FIX_ALL_TITLE = 'Fix all single-node issues';
const FIX_ALL_KIND = 'source.fixAll.onenode';
const FIXABLE = new Set(RULES.filter((r) => r.fixable).map((r) => r.id));

describe('code actions', { timeout: 60_000 }, () => {
  let client: TestLspClient;

  before(async () => {
    client = await startClient({ pull: true });
  });

  after(async () => {
    await client.stop();
  });

  /** Code actions for one diagnostic, asked the way an editor asks: its range, itself in the context. */
  async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return actionsOf(await withTimeout(client.codeActions(uri, diagnostic.range, [diagnostic]), 'codeAction'));
  }

  function only(actions: CodeAction[], title: string): CodeAction {
    const matching = actions.filter((a) => a.title === title);
    assert.equal(matching.length, 1, `exactly one "${title}" in ${JSON.stringify(actions.map((a) => a.title))}`);
    return matching[0];
  }

  it('the preferred quick-fix sets numberOfReplicas "1", and the finding is gone once the editor applies it', async () => {
    const uri = docUri('quickfix.yaml');
    await client.open(uri, LONGHORN);
    const [diagnostic] = await pull(client, uri);
    assert.equal(diagnostic.code, 'longhorn-replica-count');

    const actions = await actionsFor(uri, diagnostic);
    const preferred = actions.filter((a) => a.isPreferred === true);
    assert.equal(preferred.length, 1, `one preferred action in ${JSON.stringify(actions.map((a) => a.title))}`);
    const [fix] = preferred;
    assert.equal(fix.kind, CodeActionKind.QuickFix);
    assert.equal(fix.title, 'Set numberOfReplicas: "1"');
    assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['longhorn-replica-count'], 'the fix names the diagnostic it resolves');
    for (const edit of editsOf(fix, uri)) assert.equal(textAt(LONGHORN, edit.range), '"3"', 'the fix edits only the value');

    const fixed = applyAction(LONGHORN, fix, uri);
    assert.equal(fixed, LONGHORN.replace('numberOfReplicas: "3"', 'numberOfReplicas: "1"'));
    await client.replace(uri, fixed);
    assert.deepEqual(await pull(client, uri), []);
    await client.close(uri);
  });

  it('offers actions for a cursor (empty range) inside the flagged value, without the diagnostic in the context', async () => {
    const uri = docUri('cursor.yaml');
    await client.open(uri, LONGHORN);
    const cursor = rangeOf(LONGHORN, '3"').start;
    const actions = actionsOf(await withTimeout(client.codeActions(uri, { start: cursor, end: cursor }), 'codeAction'));
    assert.ok(actions.some((a) => a.isPreferred === true && a.title === 'Set numberOfReplicas: "1"'));
    assert.ok(actions.some((a) => a.title === DISABLE_LONGHORN));
    await client.close(uri);
  });

  it('offers no quick-fix on a line without findings', async () => {
    const uri = docUri('elsewhere.yaml');
    await client.open(uri, LONGHORN);
    const range = rangeOf(LONGHORN, 'longhorn-ha');
    const actions = actionsOf(await withTimeout(client.codeActions(uri, range, [], [CodeActionKind.QuickFix]), 'codeAction'));
    assert.deepEqual(actions, []);
    await client.close(uri);
  });

  it('"Disable longhorn-replica-count for this line" inserts a comment above, at the line\'s indentation, and the finding goes', async () => {
    const uri = docUri('disable.yaml');
    await client.open(uri, LONGHORN);
    const [diagnostic] = await pull(client, uri);
    const disable = only(await actionsFor(uri, diagnostic), DISABLE_LONGHORN);
    assert.equal(disable.kind, CodeActionKind.QuickFix);
    assert.notEqual(disable.isPreferred, true, 'disabling is never the preferred fix');

    const disabled = applyAction(LONGHORN, disable, uri);
    assert.equal(
      disabled,
      LONGHORN.replace('  numberOfReplicas: "3"', '  # onenode-disable-next-line longhorn-replica-count\n  numberOfReplicas: "3"'),
    );
    await client.replace(uri, disabled);
    assert.deepEqual(await pull(client, uri), []);
    await client.close(uri);
  });

  it('"Disable" merges into an existing onenode-disable-next-line comment instead of adding a second one', async () => {
    const uri = docUri('merge.yaml');
    const text = [
      'apiVersion: storage.k8s.io/v1',
      'kind: StorageClass',
      'metadata:',
      '  name: longhorn-unquoted',
      'provisioner: driver.longhorn.io',
      'parameters:',
      '    # onenode-disable-next-line storageclass-parameter-type',
      '    numberOfReplicas: 3',
      '',
    ].join('\n');
    await client.open(uri, text);
    const diagnostics = await pull(client, uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['longhorn-replica-count'], 'the comment already hides the type finding');

    const disable = only(await actionsFor(uri, diagnostics[0]), DISABLE_LONGHORN);
    const merged = applyAction(text, disable, uri);
    assert.equal(
      merged,
      text.replace(
        '    # onenode-disable-next-line storageclass-parameter-type\n',
        '    # onenode-disable-next-line storageclass-parameter-type, longhorn-replica-count\n',
      ),
    );
    assert.equal(merged.split('\n').filter((l) => l.includes('onenode-disable-next-line')).length, 1, 'still one comment line');
    await client.replace(uri, merged);
    assert.deepEqual(await pull(client, uri), []);
    await client.close(uri);
  });

  it('"Disable" keeps the reason ("-- ...") of the comment it merges into', async () => {
    const uri = docUri('merge-reason.yaml');
    const text = LONGHORN.replace(
      '  numberOfReplicas: "3"',
      '  # onenode-disable-next-line storageclass-parameter-type -- reviewed by storage team\n  numberOfReplicas: "3"',
    );
    await client.open(uri, text);
    const [diagnostic] = await pull(client, uri);
    const merged = applyAction(text, only(await actionsFor(uri, diagnostic), DISABLE_LONGHORN), uri);
    assert.equal(
      merged,
      text.replace(
        'storageclass-parameter-type -- reviewed by storage team',
        'storageclass-parameter-type, longhorn-replica-count -- reviewed by storage team',
      ),
    );
    await client.replace(uri, merged);
    assert.deepEqual(await pull(client, uri), []);
    await client.close(uri);
  });

  it('keeps CRLF line ends in quick-fixes and inserted comments', async () => {
    const uri = docUri('crlf.yaml');
    const text = LONGHORN.replace(/\n/g, '\r\n');
    await client.open(uri, text);
    const [diagnostic] = await pull(client, uri);
    assert.equal(textAt(text, diagnostic.range), '"3"');
    const actions = await actionsFor(uri, diagnostic);

    const fixed = applyAction(text, only(actions, 'Set numberOfReplicas: "1"'), uri);
    assert.equal(fixed, text.replace('numberOfReplicas: "3"', 'numberOfReplicas: "1"'));

    const disabled = applyAction(text, only(actions, DISABLE_LONGHORN), uri);
    assert.equal(disabled, text.replace('  numberOfReplicas: "3"', '  # onenode-disable-next-line longhorn-replica-count\r\n  numberOfReplicas: "3"'));
    await client.replace(uri, disabled);
    assert.deepEqual(await pull(client, uri), []);
    await client.close(uri);
  });

  // An empty value's range is empty and sits right after the colon; the fix must keep a space.
  it('the quick-fix for an empty numberOfReplicas value writes valid YAML', async () => {
    const uri = docUri('empty-value.yaml');
    const text = LONGHORN.replace('numberOfReplicas: "3"', 'numberOfReplicas:');
    await client.open(uri, text);
    const diagnostics = await pull(client, uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['longhorn-replica-count']);
    const fix = only(await actionsFor(uri, diagnostics[0]), 'Set numberOfReplicas: "1"');
    const fixed = applyAction(text, fix, uri);
    assert.equal(fixed, LONGHORN.replace('numberOfReplicas: "3"', 'numberOfReplicas: "1"'));
    await client.replace(uri, fixed);
    assert.deepEqual(await pull(client, uri), []);
    await client.close(uri);
  });

  describe('fix all', () => {
    // One file with a finding of every fixable rule, one YAML document per fixture.
    const FIXTURES: [string, string][] = [
      ['longhorn-replica-count', 'fires-three-replicas'],
      ['storageclass-parameter-type', 'fires'],
      ['harvester-replica-count', 'fires-three'],
      ['kubevirt-eviction-strategy', 'fires-vm'],
      ['required-anti-affinity', 'fires-all-terms'],
      ['ingress-replicas', 'fires'],
      ['sno-control-plane-replicas', 'fires'],
      ['machineconfig-pool-role', 'fires'],
    ];
    const TEXT = FIXTURES.map(([rule, base]) => ruleFixture(rule, `${base}.yaml`)).join('---\n');
    const FIXED = FIXTURES.map(([rule, base]) => ruleFixture(rule, `${base}.fixed.yaml`)).join('---\n');

    it('with only source.fixAll: one action, kind source.fixAll.onenode, that fixes every finding and keeps the comments', async () => {
      const uri = docUri('fix-all.yaml');
      await client.open(uri, TEXT);
      const initial = await pull(client, uri);
      const rules = new Set(initial.map((d) => String(d.code)));
      for (const [rule] of FIXTURES) assert.ok(rules.has(rule), `${rule} fires before the fix: ${[...rules].join(', ')}`);

      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions = actionsOf(await withTimeout(client.codeActions(uri, whole, initial, [CodeActionKind.SourceFixAll]), 'codeAction'));
      assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
      const [fixAll] = actions;
      assert.equal(fixAll.kind, FIX_ALL_KIND);
      assert.equal(fixAll.title, FIX_ALL_TITLE);

      const fixed = applyAction(TEXT, fixAll, uri);
      assert.equal(fixed, FIXED, 'the result is every rule fixture\'s .fixed.yaml');
      const comments = TEXT.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')));
      assert.ok(comments.length > 3, 'the input has comments to keep');
      for (const comment of comments) assert.ok(fixed.includes(comment), `comment kept: ${comment}`);

      await client.replace(uri, fixed);
      const remaining = await pull(client, uri);
      assert.deepEqual(remaining.filter((d) => FIXABLE.has(String(d.code))), [], 'no fixable finding is left');
      const again = actionsOf(await withTimeout(client.codeActions(uri, whole, remaining, [CodeActionKind.SourceFixAll]), 'codeAction'));
      assert.deepEqual(again, [], 'nothing left to fix all');
      await client.close(uri);
    });

    it('is also matched by only: [source.fixAll.onenode], and not offered for only: [quickfix]', async () => {
      const uri = docUri('fix-all-kinds.yaml');
      await client.open(uri, TEXT);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const exact = actionsOf(await withTimeout(client.codeActions(uri, whole, [], [FIX_ALL_KIND]), 'codeAction'));
      assert.deepEqual(exact.map((a) => a.title), [FIX_ALL_TITLE]);
      const quick = actionsOf(await withTimeout(client.codeActions(uri, whole, [], [CodeActionKind.QuickFix]), 'codeAction'));
      assert.ok(!quick.some((a) => a.kind === FIX_ALL_KIND), 'fix-all is not a quickfix');
      await client.close(uri);
    });

    it('is not offered when the file has no fixable finding', async () => {
      const uri = docUri('clean.yaml');
      const clean = ruleFixture('longhorn-replica-count', 'dont-fire.yaml');
      await client.open(uri, clean);
      assert.deepEqual(await pull(client, uri), []);
      const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const actions = actionsOf(await withTimeout(client.codeActions(uri, whole, [], [CodeActionKind.SourceFixAll]), 'codeAction'));
      assert.deepEqual(actions, []);
      await client.close(uri);
    });
  });

  it('logged no handler failure', () => {
    assert.deepEqual(serverFailures(client), []);
  });
});
