/**
 * The hostile inputs the design names, one by one, through the engine (in a worker, under a time
 * bound, with the invariants of every fuzz input), each with the outcome it must have: a clear
 * finding, or a skip with a reason.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from '../../server/src/files/yaml-files';
import { MAX_DUPLICATE_KEYS_PER_DOCUMENT } from '../../server/src/engine/duplicate-keys';
import { TEMPLATED_FILE_MESSAGE } from '../../server/src/engine/rules/templated-file';
import { EngineRunner } from './harness/engine-runner';
import { assertChecks } from './harness/assert-engine';
import { signature } from './harness/invariants';
import {
  BILLION_LAUGHS_STORAGECLASS, billionLaughs, deepBlockMap, deepBlockSeq, deepFlow, deepFlowMaps, HELM_TEMPLATE, highBytes, hugeFile,
  LONGHORN_THREE, PNG_BYTES, RECURSIVE_ALIAS, UTF16_WITHOUT_BOM,
} from './harness/hostile';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('named hostile inputs (engine)', { timeout: 180_000 }, () => {
  const runner = new EngineRunner();
  after(() => runner.close());
  const run = (text: string, label?: string) => assertChecks(runner, text, label);
  const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

  it('an alias bomb (billion laughs) is not expanded: one yaml-syntax finding at an alias, quickly', async () => {
    for (const text of [billionLaughs(), BILLION_LAUGHS_STORAGECLASS]) {
      const started = Date.now();
      const { findings } = await run(text);
      assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
      assert.deepEqual(rules(findings), ['yaml-syntax'], JSON.stringify(findings));
      assert.match(findings[0].message, /billion laughs/);
      const line = text.split('\n')[findings[0].range.start.line];
      assert.equal(line.slice(findings[0].range.start.character, findings[0].range.end.character), '*l8');
    }
  });

  it('an alias inside the node it names is reported as an endless loop', async () => {
    const { findings } = await run(RECURSIVE_ALIAS);
    assert.deepEqual(rules(findings), ['yaml-syntax']);
    assert.match(findings[0].message, /\*m refers to a node that contains it/);
    assert.deepEqual(findings[0].range.start, { line: 4, character: 8 });
  });

  it('a 50 MB file and one just above the limit are skipped with the reason, quickly', async () => {
    for (const [mb, shown] of [[50, /50\.\d MB/], [10.2, /10\.\d MB/]] as const) {
      const started = Date.now();
      const result = await run(hugeFile(mb), `${mb} MB`);
      assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
      assert.deepEqual(result.findings, []);
      assert.match(result.skipped ?? '', shown);
      assert.match(result.skipped ?? '', /above OneNode's 10 MB limit/);
    }
  });

  it('deeply nested documents give a syntax finding or none, never a crash', async () => {
    const { findings } = await run(deepFlow(100_000), 'flow sequences 100,000 deep');
    assert.deepEqual(rules(findings), ['yaml-syntax']);
    await run(deepFlowMaps(50_000), 'flow mappings 50,000 deep');
    await run(deepBlockSeq(20_000), 'block sequences 20,000 deep');
    await run(deepBlockMap(1_500), 'block mappings 1,500 deep');
  });

  it('binary files are skipped with the reason; undecodable bytes are checked as text', async () => {
    for (const bytes of [PNG_BYTES, UTF16_WITHOUT_BOM]) {
      const result = await run(decode(bytes).text);
      assert.match(result.skipped ?? '', /looks binary/);
    }
    const result = await run(decode(highBytes(64 * 1024)).text, 'high bytes');
    assert.equal(result.skipped, undefined);
  });

  it('a BOM (dropped when decoding, or kept in an editor buffer) changes nothing', async () => {
    const plain = signature((await run(LONGHORN_THREE)).findings);
    assert.deepEqual(plain, ['longhorn-replica-count 7:20-7:23']);
    assert.deepEqual(signature((await run(decode(Buffer.concat([BOM, Buffer.from(LONGHORN_THREE)])).text)).findings), plain);
    assert.deepEqual(signature((await run(`\uFEFF${LONGHORN_THREE}`)).findings), plain);
  });

  it('CRLF files get the same findings at the same places, and fixes keep CRLF', async () => {
    const crlf = LONGHORN_THREE.replace(/\n/g, '\r\n');
    assert.deepEqual(signature((await run(crlf)).findings), signature((await run(LONGHORN_THREE)).findings));
    const { value } = await runner.value({ kind: 'fixAll', text: crlf }, 5000, 'fix all');
    assert.ok(value.kind === 'fixAll' && value.text !== crlf && !/(?<!\r)\n/.test(value.text), JSON.stringify(value));
  });

  it('tab indentation is a syntax finding; tabs inside values are fine', async () => {
    const tabbed = await run('metadata:\n\tname: x\n');
    assert.deepEqual(rules(tabbed.findings), ['yaml-syntax']);
    assert.match(tabbed.findings[0].message, /[Tt]ab/);
    assert.deepEqual((await run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: "x\ty"\n')).findings, []);
  });

  it('duplicate keys: a finding on each duplicate, naming it; at most 1,000 per document', async () => {
    const { findings } = await run('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n');
    assert.deepEqual(signature(findings), ['yaml-syntax 4:2-4:6']);
    assert.match(findings[0].message, /^Duplicate key "name"/);
    // Before the rewrite this finding sat on the first line's colon and named ":" as the key.
    const empty = await run('compute: \ncompute: 1\n');
    assert.deepEqual(signature(empty.findings), ['yaml-syntax 1:0-1:7']);
    assert.match(empty.findings[0].message, /^Duplicate key "compute"/);
    const many = await run(`a:\n${'  b: 1\n'.repeat(3000)}`);
    assert.equal(many.findings.length, MAX_DUPLICATE_KEYS_PER_DOCUMENT);
  });

  it('unterminated strings give one syntax finding with a visible range', async () => {
    for (const text of ['apiVersion: v1\nkind: ConfigMap\ndata:\n  a: "abc\n', "data:\n  a: 'abc\n  b: 1\n"]) {
      const { findings } = await run(text);
      assert.deepEqual(rules(findings), ['yaml-syntax'], text);
      const f = findings[0];
      assert.ok(f.range.end.line > f.range.start.line || f.range.end.character > f.range.start.character, JSON.stringify(f.range));
    }
  });

  it('a Helm template is reported once as skipped, not as a flood of syntax errors', async () => {
    const { findings } = await run(HELM_TEMPLATE);
    assert.deepEqual(rules(findings), ['templated-file']);
    assert.equal(findings[0].message, TEMPLATED_FILE_MESSAGE);
  });

  it('documents that are scalars, lists, nulls or empty are quiet', async () => {
    for (const text of ['just a scalar\n', '42', '"quoted"', '|\n  block\n', '- a\n- b: c\n', '~\n', '', '---\n---\n', '[1, 2]', '{}']) {
      assert.deepEqual((await run(text)).findings, [], JSON.stringify(text));
    }
  });

  it('unknown apiVersions and kinds, and ones of the wrong type, are checked without failing', async () => {
    const texts = [
      'apiVersion: example.com/v9\nkind: StorageClass\nparameters:\n  numberOfReplicas: "3"\n',
      'apiVersion: storage.k8s.io/v9\nkind: StorageClass\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "3"\n',
      'apiVersion: v1\nkind: NoSuchKind\nspec: {replicas: 3}\n',
      'apiVersion: 7\nkind: [StorageClass]\n',
      'apiVersion: {a: 1}\nkind: ~\n',
      'apiVersion: apps/v1\nkind: Deployment\nspec: 3\n',
    ];
    for (const text of texts) {
      const { findings } = await run(text);
      assert.ok(findings.every((f) => f.rule !== 'yaml-syntax'), JSON.stringify(findings));
    }
  });
});
