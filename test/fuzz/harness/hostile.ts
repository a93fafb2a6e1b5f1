/**
 * Named hostile inputs, shared by the engine and the language-server suites: the cases the
 * design names (alias bombs, huge and binary files, deep nesting, BOM, CRLF, tabs, duplicate
 * keys, unterminated strings, templates, bare scalars and lists, unknown apiVersions) and
 * "scale shapes", half-megabyte inputs built to hit each path that was once super-linear.
 */

export const LONGHORN_THREE = [
  '# Longhorn class copied from a three-node cluster',
  'apiVersion: storage.k8s.io/v1',
  'kind: StorageClass',
  'metadata:',
  '  name: longhorn-fast',
  'provisioner: driver.longhorn.io',
  'parameters:',
  '  numberOfReplicas: "3"',
  '',
].join('\n');

/** The classic: each level holds ten aliases of the previous one, ten levels: 10^10 nodes once expanded. */
export function billionLaughs(header = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n'): string {
  let text = `${header}  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i < 10; i++) text += `  l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]\n`;
  return text;
}

/** The same inside a Longhorn StorageClass, whose parameters the rules and the schema read. */
export const BILLION_LAUGHS_STORAGECLASS = billionLaughs('apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: lol\nprovisioner: driver.longhorn.io\nparameters:\n');

export const RECURSIVE_ALIAS = 'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: loop\n  self: *m\ndata: {}\n';

/** A valid file of about `mb` megabytes: the Longhorn class again and again, as documents. */
export function hugeFile(mb: number): string {
  const more = `---\n${LONGHORN_THREE}`;
  return LONGHORN_THREE + more.repeat(Math.ceil((mb * 1024 * 1024) / more.length));
}

export const deepFlow = (depth: number): string => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
export const deepFlowMaps = (depth: number): string => `a: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
export const deepBlockSeq = (depth: number): string => `${'- '.repeat(depth)}x\n`;
export function deepBlockMap(depth: number): string {
  let text = '';
  for (let i = 0; i < depth; i++) text += `${' '.repeat(i)}k${i}:\n`;
  return `${text}${' '.repeat(depth)}leaf: 1\n`;
}

/** Bytes as a binary file holds them: a PNG header, UTF-16 without a BOM, random high bytes. */
export const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
export const UTF16_WITHOUT_BOM = Buffer.from(LONGHORN_THREE, 'utf16le');
export function highBytes(length: number): Buffer {
  // Deterministic, never NUL: text that decodes to replacement characters and odd code points.
  return Buffer.from(Array.from({ length }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
}

export const HELM_TEMPLATE = [
  'apiVersion: storage.k8s.io/v1',
  'kind: StorageClass',
  'metadata:',
  '  name: {{ include "longhorn.fullname" . }}',
  '  labels:',
  '    {{- include "longhorn.labels" . | nindent 4 }}',
  'provisioner: driver.longhorn.io',
  'parameters:',
  '  numberOfReplicas: {{ .Values.persistence.defaultClassReplicaCount | quote }}',
  '{{- if .Values.persistence.dataLocality }}',
  '  dataLocality: {{ .Values.persistence.dataLocality | quote }}',
  '{{- end }}',
  '',
].join('\n');

export interface Shape {
  name: string;
  text: string;
}

const HALF_MB = 512 * 1024;

function repeatTo(head: string, unit: string, tail = '', size = HALF_MB): string {
  return head + unit.repeat(Math.max(1, Math.floor((size - head.length) / unit.length))) + tail;
}

function lines(head: string, count: number, line: (i: number) => string): string {
  const out = [head];
  for (let i = 0; i < count; i++) out.push(line(i));
  return out.join('');
}

/** Half-megabyte inputs, each aimed at one path that was quadratic before (see docs/security.md). */
export function scaleShapes(): Shape[] {
  const storageClass = 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: x\nprovisioner: driver.longhorn.io\nparameters:\n';
  const harvesterVip = 'scheme_version: 1\ninstall:\n  mode: create\n  device: /dev/sda\n  vip: "';
  return [
    { name: 'one mapping of 40,000 keys (duplicate-key check)', text: lines('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n', 40_000, (i) => `  k${i}: v\n`) },
    { name: 'a StorageClass of 40,000 aliased parameters (alias resolution)', text: lines(`${storageClass}  base: &b "1"\n`, 40_000, (i) => `  p${i}: *b\n`) },
    { name: 'one line of `- {{` (template scan)', text: repeatTo('x: ', '- {{', '\n') },
    { name: 'one line of `: {{` (unquoted template scan)', text: repeatTo('a', ': {{', '\n') },
    { name: 'a Harvester VIP of `${` (placeholder scan)', text: repeatTo(harvesterVip, '${', '"\n') },
    { name: 'a Harvester VIP of `{{` (placeholder scan)', text: repeatTo(harvesterVip, '{{', '"\n') },
    { name: 'block directives in 20,000 documents (suppression lookup)', text: repeatTo('', '# onenode-disable schema\na: 1\n---\n') },
    { name: 'next-line directives before duplicate keys (suppression lookup)', text: repeatTo('a:\n', '  # onenode-disable-next-line schema\n  b: 1\n') },
    { name: '5,000 lines of duplicate keys (finding count)', text: repeatTo('a:\n', '  b: 1\n') },
    { name: 'stray `]` lines (parse errors)', text: repeatTo('', ']]]]\n') },
    { name: '`!!omap` of 30,000 entries (omap duplicate check)', text: lines('a: !!omap\n', 30_000, (i) => `  - k${i}: v\n`) },
    { name: 'one line of `a: 1\\r` (lone carriage returns)', text: repeatTo('', 'a: 1\r') },
    { name: 'a BOM on every line', text: repeatTo('', '\uFEFFa: 1\n') },
    { name: 'tab-indented lines', text: repeatTo('a:\n', '\tb: 1\n') },
    { name: '50,000 tiny documents', text: repeatTo('', 'a: 1\n---\n') },
    { name: 'flow nesting 250,000 deep', text: deepFlow(250_000) },
    { name: 'one 512 KB line', text: repeatTo('a: ', 'x', '\n') },
    { name: 'anchors and aliases in pairs', text: lines('a:\n', 25_000, (i) => `  - &a${i} x\n  - *a${i}\n`) },
  ];
}
