/**
 * The CLI on every file of the shared corpus of real-world configs: no crash, exit 0 or 1, valid
 * JSON; and the findings expected on files whose faults SOURCES.tsv describes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers/paths';
import { runCli, type JsonReport } from '../helpers/run-cli';

function corpusFiles(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(CORPUS)) {
    const full = join(CORPUS, dir);
    if (!statSync(full).isDirectory()) continue;
    for (const f of readdirSync(full)) if (f.endsWith('.yaml')) out.push(join(full, f));
  }
  return out.sort();
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(run))));
  return results;
}

async function findingsOf(relative: string): Promise<JsonReport['files'][number]['findings']> {
  const result = await runCli(['check', join(CORPUS, relative), '--format', 'json']);
  assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
  return (JSON.parse(result.stdout) as JsonReport).files[0].findings;
}

function lines(findings: Awaited<ReturnType<typeof findingsOf>>, rule: string): number[] {
  return findings.filter((f) => f.rule === rule).map((f) => f.range.start.line + 1);
}

describe('CLI on the shared corpus', () => {
  it('checks every corpus file without crashing: exit 0 or 1 and valid JSON', async () => {
    const files = corpusFiles();
    assert.ok(files.length >= 150, `corpus has ${files.length} files`);
    const results = await inBatches(files, 4, async (file) => ({ file, result: await runCli(['check', file, '--format', 'json']) }));
    for (const { file, result } of results) {
      assert.ok(result.code === 0 || result.code === 1, `${file}: exit ${result.code}\n${result.stderr}`);
      assert.equal(result.stderr, '', `${file}: nothing on stderr`);
      const report = JSON.parse(result.stdout) as JsonReport;
      assert.equal(report.files.length, 1);
      assert.equal(result.code, report.summary.errors > 0 ? 1 : 0, `${file}: exit code follows error findings`);
    }
  });

  it('flags the 2-replica Longhorn class (icyphox)', async () => {
    const findings = await findingsOf('storageclass/icyphox__infra__longhorn__storageclass.yaml');
    assert.deepEqual(lines(findings, 'longhorn-replica-count'), [9]);
  });

  it('flags both Longhorn classes without numberOfReplicas (lukasmrtvy)', async () => {
    const findings = await findingsOf('storageclass/lukasmrtvy__kubevirt-paas__longhorn__storageclass.yaml');
    assert.equal(lines(findings, 'longhorn-replica-count').length, 2);
    assert.ok(findings.every((f) => f.message.includes('default-replica-count')));
  });

  it('does not flag the single-replica homelab class (roman-boiko)', async () => {
    const findings = await findingsOf('storageclass/roman-boiko__home-lab-cluster__longhorn__storageclass.yaml');
    assert.deepEqual(lines(findings, 'longhorn-replica-count'), []);
  });

  it('flags required hostname anti-affinity with 10 replicas (kube-score fixture)', async () => {
    const findings = await findingsOf('workloads/zegl__kube-score__score__testdata__deployment-host-antiaffinity-required.yaml');
    assert.equal(lines(findings, 'required-anti-affinity').length, 1);
    assert.match(findings.find((f) => f.rule === 'required-anti-affinity')!.message, /replicas: 10/);
  });

  it('flags both redis-ha workloads (StatefulSet and haproxy Deployment)', async () => {
    const findings = await findingsOf('workloads/argoproj__argo-cd__manifests__ha__base__redis-ha__chart__upstream.yaml');
    assert.equal(lines(findings, 'required-anti-affinity').length, 2);
  });

  it('does not flag the ZooKeeper tutorial whose selector never matches its pods', async () => {
    const findings = await findingsOf('workloads/kubernetes__website__content__en__examples__application__zookeeper__zookeeper.yaml');
    assert.deepEqual(lines(findings, 'required-anti-affinity'), []);
  });

  it('flags IngressControllers with 2 and 3 HostNetwork routers', async () => {
    const two = await findingsOf('workloads/tcmcginnis__openshift-router-sharding__default-ingresscontroller.yaml');
    assert.equal(lines(two, 'ingress-replicas').length, 1);
    assert.match(two.find((f) => f.rule === 'ingress-replicas')!.message, /HostNetwork/);
    const three = await findingsOf('workloads/karmab__kcli-ztp__machineconfigs__99-openshift-ingress-controller-master.yaml');
    assert.equal(lines(three, 'ingress-replicas').length, 1);
  });

  it('flags a 3-master install-config and not the upstream SNO fixture', async () => {
    const multi = await findingsOf('install-config/andymcc__sample_install_config__install-config.yaml');
    assert.equal(lines(multi, 'sno-control-plane-replicas').length, 1);
    const sno = await findingsOf('install-config/openshift__installer__cmd__openshift-install__testdata__agent__image__configurations__sno__install-config.yaml');
    assert.deepEqual(lines(sno, 'sno-control-plane-replicas'), []);
  });

  it('flags Harvester create configs without replica_count, not the single-node one that sets 1', async () => {
    const create = await findingsOf('harvester-config/harvester__ipxe-examples__general__config-create.yaml');
    assert.equal(lines(create, 'harvester-replica-count').length, 1);
    const single = await findingsOf('harvester-config/rajeshkio__harvester-config__harvester-config.yaml');
    assert.deepEqual(lines(single, 'harvester-replica-count'), []);
    const join = await findingsOf('harvester-config/futuretea__harvester-pxe__configs__join.yaml');
    assert.deepEqual(lines(join, 'harvester-replica-count'), []);
  });

  it('reports the duplicate storageClassName key as a YAML error', async () => {
    const findings = await findingsOf('broken/kubernetes__examples___archived__volumes__scaleio__sc-pvc.yaml');
    const dup = findings.filter((f) => f.rule === 'yaml-syntax');
    assert.equal(dup.length, 1);
    assert.match(dup[0].message, /Duplicate key "storageClassName"/);
  });

  it('reads the UTF-16 file with a BOM and the UTF-8 BOM file without syntax errors', async () => {
    const utf16 = await findingsOf('broken/argoproj__argo-cd__reposerver__repository__testdata__utf-16__utf-16.yaml');
    assert.deepEqual(lines(utf16, 'yaml-syntax'), []);
    const bom = await findingsOf('broken/openshift__console-operator__quickstarts__node-with-s2i.yaml');
    assert.deepEqual(lines(bom, 'yaml-syntax'), []);
  });

  it('reports each Helm, Jinja2 or Terraform template once as skipped, not as a flood of syntax errors', async () => {
    const templates = [
      'workloads/longhorn__longhorn__chart__templates__poddisruptionbudget-ui.yaml',
      'storageclass/harvester__harvester__deploy__charts__harvester__templates__harvester-storageclass.yaml',
      'harvester-config/harvester__ipxe-examples__vagrant-pxe-harvester__ansible__roles__harvester__templates__config-create.yaml.j2.yaml',
      'harvester-config/rancherlabs__terraform-harvester-equinix__create.tpl.yaml',
      'machineconfig/openshift-kni__cnf-features-deploy__ztp__source-crs__extra-manifest__disk-encryption.yaml.tmpl.yaml',
    ];
    for (const path of templates) {
      const findings = await findingsOf(path);
      assert.deepEqual(findings.map((f) => `${f.rule}/${f.severity}`), ['templated-file/info'], path);
    }
  });
});
