/**
 * OneNode's JSON Schemas (schemas/*.schema.json, listed in SCHEMA_CATALOG): they compile, every
 * property is described (the descriptions are the editor's hovers and completion docs), and on
 * the shared corpus of real-world files the `schema` rule reports exactly the reviewed findings
 * below and nothing else.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { check } from '../../server/src/engine';
import { SCHEMA_CATALOG } from '../../server/src/engine/schema/catalog';
import { decode } from '../../server/src/files/yaml-files';
import { CORPUS, REPO_ROOT } from '../helpers/paths';

/** Annotations the schemas carry for yaml-language-server and for validate.ts's messages. */
const ANNOTATIONS = ['patternErrorMessage', 'deprecationMessage', 'errorMessage', 'doNotSuggest', 'x-onenode-open-enum'];

type Schema = Record<string, unknown>;

/** Every schema object inside `schema`, with its path. */
function* subschemas(schema: unknown, path = '#'): Generator<[string, Schema]> {
  if (!schema || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const [i, item] of schema.entries()) yield* subschemas(item, `${path}/${i}`);
    return;
  }
  const node = schema as Schema;
  yield [path, node];
  for (const [key, value] of Object.entries(node)) {
    // Values, not schemas.
    if (['enum', 'const', 'default', 'examples', 'required'].includes(key)) continue;
    if (key === 'properties' || key === 'definitions') {
      for (const [name, sub] of Object.entries(value as Schema)) yield* subschemas(sub, `${path}/${key}/${name}`);
    } else yield* subschemas(value, `${path}/${key}`);
  }
}

describe('OneNode schemas', () => {
  it('are all registered once, with their file name as id', () => {
    const files = readdirSync(join(REPO_ROOT, 'schemas')).filter((f) => f !== 'onenode-config.schema.json');
    const ids = SCHEMA_CATALOG.map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual([...ids].sort(), files.map((f) => `onenode:schemas/${f}`).sort());
    for (const entry of SCHEMA_CATALOG) {
      const schema = entry.schema as Schema;
      assert.equal(schema.$id, entry.id);
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    }
  });

  it('include a .onenode.yaml schema that compiles in strict mode (the engine skips meta-schema checks at run time)', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'onenode-config.schema.json'), 'utf8')) as Schema;
    const ajv = new Ajv({ strict: true, allErrors: true });
    for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
    assert.doesNotThrow(() => ajv.compile(schema));
  });

  for (const entry of SCHEMA_CATALOG) {
    describe(basename(entry.id), () => {
      it('compiles with ajv in strict mode (draft-07, ajv-formats)', () => {
        // strictRequired would also reject `not: { required: [a, b] }` ("exactly one of"), whose keys
        // are declared next to the `not`, not inside it.
        const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true, allowUnionTypes: true });
        addFormats(ajv);
        for (const keyword of ANNOTATIONS) ajv.addKeyword({ keyword });
        assert.doesNotThrow(() => ajv.compile(entry.schema));
      });

      it('describes every property', () => {
        const undocumented: string[] = [];
        for (const [path, node] of subschemas(entry.schema)) {
          if (!/\/properties\/[^/]+$/.test(path)) continue;
          if (typeof node.description !== 'string' || node.description.trim().length < 3) undocumented.push(path);
        }
        assert.deepEqual(undocumented, []);
      });

      it('gives every legacy or forbidden key a message', () => {
        for (const [path, node] of subschemas(entry.schema)) {
          if (node.not === undefined) continue;
          const message = node.deprecationMessage ?? node.errorMessage;
          assert.equal(typeof message, 'string', `${path}: a "not" needs a deprecationMessage or errorMessage`);
        }
      });
    });
  }
});

describe('Harvester install config schema', () => {
  const findings = (text: string) => check(text).findings.filter((f) => f.rule === 'schema');

  it('names the replacement of each legacy key the installer ignores', () => {
    const text = [
      'scheme_version: 1',
      'cluster_networks: {}',
      'install:',
      '  mode: create',
      '  networks: {}',
      '  no_data_partition: true',
      '  wipedisks: true',
      '',
    ].join('\n');
    assert.deepEqual(findings(text).map((f) => [f.severity, f.message]), [
      ['warning', 'cluster_networks is a key of Harvester v1.0.x that the installer no longer reads, so it silently ignores it.'],
      ['warning', 'install.networks was replaced by install.management_interface in Harvester v1.1, so the installer silently ignores it.'],
      ['warning', 'install.no_data_partition is a key of older Harvester releases that the installer no longer reads, so it silently ignores it.'],
      ['warning', 'install.wipedisks was removed in Harvester v1.5.0 and replaced by install.wipe_all_disks, so the installer silently ignores it.'],
    ]);
  });

  it('accepts every spelling the installer maps onto a key, and its singular aliases', () => {
    const text = [
      'schemeVersion: 1',
      'SAN: example.com',
      'os:',
      '  sshAuthorizedKey: github:someone',
      '  sysctl: {vm.max_map_count: "262144"}',
      '  NTPServers: [pool.ntp.org]',
      'install:',
      '  mode: create',
      '  vipmode: DHCP',
      '  ManagementInterface:',
      '    method: Dhcp',
      '    interfaces: [{name: eno1, hwAddr: "52:54:00:12:34:56"}]',
      '',
    ].join('\n');
    assert.deepEqual(findings(text).map((f) => f.message), []);
  });

  it('reports a system setting outside the installer\'s allow-list as an error', () => {
    const [finding] = findings('scheme_version: 1\nsystem_settings:\n  auto-snapshot: "true"\n');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /^system_settings\.auto-snapshot is not a setting the installer accepts/);
  });
});

/**
 * The `schema` findings on the corpus, reviewed one by one: [file, line, message fragment, why it
 * is right]. A real-world file the real installer or API server accepts must not be here.
 */
const CORPUS_SCHEMA_FINDINGS: readonly (readonly [string, number, string, string])[] = [
  // Core kinds (kubernetes-models).
  ['broken/stackrox__kube-linter__pkg__templates__sortedkeys__testdata__container-with-merge.yaml', 6, 'spec is missing the required field selector',
    'a linter fixture: an apps/v1 Deployment without selector is rejected'],
  ['broken/zegl__kube-score__score__testdata__deployment-poddisruptionbudget-v1-matches.yaml', 16, 'spec is missing the required field selector',
    'SOURCES.tsv: "Deployment with NO replicas and NO selector (invalid apps/v1)"'],
  ['broken/zegl__kube-score__score__testdata__pod-topology-spread-constraints-invalid-whenunsatisfiable.yaml', 11, 'whenUnsatisfiable must be one of',
    '"DoNotSCHEDULE " (wrong case, trailing space) is not a valid value'],
  ['workloads/argoproj__argo-cd__manifests__ha__base__overlays__argocd-repo-server-deployment.yaml', 6, 'spec is missing the required field selector',
    'a kustomize patch: applied on its own the Deployment is rejected (known limitation: patches are checked as objects)'],
  ['workloads/argoproj__argo-cd__manifests__ha__base__overlays__argocd-server-deployment.yaml', 6, 'spec is missing the required field selector',
    'same kustomize patch shape'],
  ['workloads/zegl__kube-score__score__testdata__deployment-host-antiaffinity-required.yaml', 6, 'spec is missing the required field selector',
    'SOURCES.tsv: "missing selector"'],

  // Harvester install configs: keys the current installer does not read (§1.1, §1.8), warnings.
  ['harvester-config/futuretea__harvester-pxe__configs__create.yaml', 9, 'install.networks was replaced by install.management_interface',
    'v1.0.2 PXE config: install.networks is ignored since v1.1'],
  ['harvester-config/futuretea__harvester-pxe__configs__join.yaml', 10, 'install.networks was replaced by install.management_interface', 'same'],
  ['harvester-config/harvester__harvester-installer__pkg__config__testdata__userdata.yaml', 13, 'install.networks was replaced by install.management_interface',
    'an empty legacy networks key next to management_interface: ignored, hence a warning, not an error'],
  ['harvester-config/harvester__harvester-installer__pkg__console__testdata__create.yaml', 28, 'install.mgmtInterface is not a key the installer reads',
    'old console fixture: the Install struct has no mgmtInterface, so the key is dropped'],
  ['harvester-config/harvester__harvester-installer__pkg__console__testdata__join.yaml', 29, 'install.mgmtInterface is not a key the installer reads', 'same'],
  ['harvester-config/harvester__ipxe-examples__general__config-create.yaml', 16, 'install.management_interface.default_route is not a key the installer reads',
    'default_route is not among the management_interface keys (§1.5); the installer drops it'],
  ['harvester-config/harvester__ipxe-examples__general__config-create@53d09a6.yaml', 9, 'install.mgmt_interface is not a key the installer reads',
    'historical scalar mgmt_interface, no longer read'],
  ['harvester-config/harvester__ipxe-examples__general__config-join.yaml', 17, 'install.management_interface.default_route is not a key the installer reads', 'same'],
  ['harvester-config/irishgordo__harvester-local-config__harvester-config.yaml', 18, 'install.networks was replaced by install.management_interface', 'legacy schema'],
  ['harvester-config/irishgordo__harvester-local-config__harvester-config.yaml', 33, 'install.no_data_partition is a key of older Harvester releases', '§1.8'],
  ['harvester-config/rajeshkio__harvester-config__harvester-config.yaml', 18, 'os.after-upgrade-chroot_commands is not a key the installer reads',
    'SOURCES.tsv: misspelled key; only after_install_chroot_commands exists (§1.3)'],
  ['harvester-config/rancherlabs__terraform-harvester-equinix__create@d171887.tpl.yaml', 10, 'install.networks was replaced by install.management_interface',
    'v0.3.0-era template'],

  // install-config / agent-config.
  ['install-config/christophefontaine__grout-on-sno__install-config.yaml', 22, 'pullSecret must be string',
    'pullSecret: {} is a mapping; the installer decodes pullSecret into a string and fails'],
  ['install-config/jgruetter__m346_okd_sno__agent-config.yaml', 11, 'macAddress must be a MAC address',
    '"YOUR:ACTUAL:MAC" placeholder: the agent installer requires a valid MAC per interface (§1.4)'],

  // PerformanceProfile (§3.5: nodeSelector is required; count and node are integers).
  ['machineconfig/openshift-kni__cnf-features-deploy__feature-configs__5g-ref-nw__profile-base__du-single__performance__performance-profile.yaml', 6,
    'spec is missing the required field nodeSelector', 'a kustomize base (the overlay adds nodeSelector); applied alone it is rejected'],
  ['machineconfig/openshift-kni__cnf-features-deploy__feature-configs__typical-baremetal__performance__performance_profile.patch.yaml', 6,
    'spec is missing the required field nodeSelector', 'a kustomize patch, same'],
  ['machineconfig/openshift-kni__cnf-features-deploy__ztp__source-crs__PerformanceProfile.yaml', 30, 'spec.hugepages.pages.0.count must be integer',
    'count: $count is a policy-generator placeholder; as written the API server rejects the string'],
  ['machineconfig/openshift-kni__cnf-features-deploy__ztp__source-crs__PerformanceProfile.yaml', 31, 'spec.hugepages.pages.0.node must be integer', 'node: $node, same'],
];

function corpusFiles(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(CORPUS)) {
    const full = join(CORPUS, dir);
    if (!statSync(full).isDirectory()) continue;
    for (const f of readdirSync(full)) if (f.endsWith('.yaml')) out.push(`${dir}/${f}`);
  }
  return out.sort();
}

describe('schema findings on the shared corpus', () => {
  it('are exactly the reviewed ones', () => {
    const files = corpusFiles();
    assert.ok(files.length >= 150, `corpus has ${files.length} files`);
    const unmatched = [...CORPUS_SCHEMA_FINDINGS];
    const actual: string[] = [];
    for (const file of files) {
      const { text } = decode(readFileSync(join(CORPUS, file)));
      for (const finding of check(text).findings.filter((f) => f.rule === 'schema')) {
        const line = finding.range.start.line + 1;
        // Shown as the reviewed fragment when one matches, else in full.
        const i = unmatched.findIndex(([f, l, fragment]) => f === file && l === line && finding.message.includes(fragment));
        actual.push(i === -1 ? `${file}:${line}: ${finding.message}` : `${file}:${line}: ${unmatched.splice(i, 1)[0][2]}`);
      }
    }
    const expected = CORPUS_SCHEMA_FINDINGS.map(([file, line, fragment]) => `${file}:${line}: ${fragment}`);
    assert.deepEqual(actual.sort(), expected.sort());
  });
});
