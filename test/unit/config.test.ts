/** .onenode.yaml: validation with positions, partial use of valid parts, merging, ignore globs, platform inference. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyConfig, check, ignoreMatcher, parseConfig, DEFAULT_OPTIONS, WorkspaceIndex, extractFacts, parseFile } from '../../server/src/engine';

describe('parseConfig', () => {
  it('accepts a valid config, reading `off` as the string YAML 1.2 makes it', () => {
    const { config, problems } = parseConfig('platform: harvester\nenvironment: production\nrules:\n  longhorn-replica-count: off\nignore:\n  - charts/**\n');
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { platform: 'harvester', environment: 'production', rules: { 'longhorn-replica-count': 'off' }, ignore: ['charts/**'] });
  });

  it('reports each problem at its key and keeps the valid parts', () => {
    const { config, problems } = parseConfig('platform: mars\nenvironment: production\nrules:\n  nope: error\n  ingress-replicas: loud\n  sno-platform: info\ncolour: blue\n');
    assert.deepEqual(config, { environment: 'production', rules: { 'sno-platform': 'info' } });
    const shown = problems.map((p) => `${p.range.start.line + 1}:${p.message}`).sort();
    assert.equal(shown.length, 4);
    assert.match(shown.join('\n'), /1:.*platform must be one of auto, harvester/);
    assert.match(shown.join('\n'), /4:.*unknown rule id "nope"/);
    assert.match(shown.join('\n'), /5:.*rules\.ingress-replicas must be one of off, info, warning, error/);
    assert.match(shown.join('\n'), /7:.*unknown key "colour"/);
  });

  it('reports YAML syntax errors instead of throwing, and treats an empty file as no settings', () => {
    assert.equal(parseConfig('rules: [oops').problems.length, 1);
    assert.deepEqual(parseConfig(''), { config: {}, problems: [] });
  });
});

describe('applyConfig and ignore globs', () => {
  it('lets the config override the editor settings key by key', () => {
    const merged = applyConfig({ platform: 'auto', environment: 'test', rules: { 'ingress-replicas': 'off', 'mcp-paused': 'error' } }, { environment: 'production', rules: { 'mcp-paused': 'info' } });
    assert.deepEqual(merged, { platform: 'auto', environment: 'production', rules: { 'ingress-replicas': 'off', 'mcp-paused': 'info' } });
  });

  it('matches ignore globs on relative paths, dot files included', () => {
    const ignored = ignoreMatcher({ ignore: ['charts/**', '**/*.tmpl.yaml'] });
    assert.equal(ignored('charts/a/templates/sc.yaml'), true);
    assert.equal(ignored('ztp/mc.tmpl.yaml'), true);
    assert.equal(ignored('manifests/sc.yaml'), false);
  });
});

describe('platform auto', () => {
  // A platform-neutral StorageClass, and a rule that only holds on Harvester (its webhook rejects strict-local).
  const STRICT_LOCAL = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: x\nprovisioner: driver.longhorn.io\nparameters:\n  numberOfReplicas: "1"\n  dataLocality: strict-local\n';
  const INSTALL_CONFIG = 'apiVersion: v1\nbaseDomain: example.com\ncontrolPlane:\n  name: master\n  replicas: 1\n';
  const HARVESTER = 'scheme_version: 1\ninstall:\n  mode: create\n  harvester:\n    storage_class:\n      replica_count: 1\n';

  const withOther = (uri: string, text: string) => {
    const index = new WorkspaceIndex();
    index.set(uri, extractFacts(uri, parseFile(text)));
    return check(STRICT_LOCAL, DEFAULT_OPTIONS, { uri: 'sc.yaml', workspace: index }).findings.map((f) => f.rule);
  };

  it('runs every rule when the workspace does not point to one platform', () => {
    assert.deepEqual(check(STRICT_LOCAL).findings.map((f) => f.rule), ['longhorn-data-locality']);
  });

  it('narrows to the one platform the other files point to', () => {
    assert.deepEqual(withOther('install-config.yaml', INSTALL_CONFIG), []);
    assert.deepEqual(withOther('harvester.yaml', HARVESTER), ['longhorn-data-locality']);
  });
});
