/**
 * Pieces of YAML the generators combine: syntax that breaks parsers (indicators, anchors, tags,
 * directives, quotes, block scalars, tabs, odd line ends and code points), the keys and values
 * the rules read, and template syntax. Weighted towards what reaches interesting code.
 */
export const SYNTAX = [
  '\n', '\n', '\n', '\n', ' ', '  ', '    ', '\t', '\r\n', '\r', '- ', '-', ': ', ':', ', ', '? ', '[', ']', '{', '}',
  '"', "'", '\\', '|', '>', '|-', '>+', '|2', '#', '# ', '---\n', '---', '...\n', '&a ', '&b ', '*a', '*b', '<<: *a', '<<: ',
  '!!str ', '!!int ', '!!map', '!!seq', '!!omap', '!!set', '!!binary ', '!!timestamp ', '!local ', '!<tag:x,2000:y> ',
  '%YAML 1.1\n', '%YAML 1.2\n', '%TAG ! tag:example.com,2000:\n', '@', '`', '%',
];

export const CODE_POINTS = ['\u0000', '\u0001', '\u0007', '\u007f', '\uFEFF', '\u2028', '\u2029', '\u00a0', '\u00e9', '\u4e2d', '\uD83D\uDE00', '\uD800', '\uDFFF', '\uFFFE', '\u0085'];

export const TEMPLATES = ['{{ .Values.replicas }}', '{{- if .Values.enabled }}', '{{- end }}', '{{', '}}', '{{ include "x" . | nindent 4 }}', '${VAR}', '${', '{% for x in y %}', '%{ if a }', '{{.Hostname}}'];

export const KEYS = [
  'apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'annotations', 'spec', 'replicas', 'selector', 'matchLabels',
  'template', 'affinity', 'podAntiAffinity', 'requiredDuringSchedulingIgnoredDuringExecution', 'topologyKey', 'labelSelector',
  'containers', 'ports', 'hostPort', 'containerPort', 'topologySpreadConstraints', 'maxSkew', 'whenUnsatisfiable', 'minAvailable',
  'maxUnavailable', 'parameters', 'numberOfReplicas', 'provisioner', 'dataLocality', 'evictionStrategy', 'running', 'runStrategy',
  'install', 'mode', 'device', 'vip', 'vip_mode', 'token', 'os', 'password', 'ssh_authorized_keys', 'management_interface',
  'scheme_version', 'controlPlane', 'compute', 'platform', 'networking', 'networkType', 'bootstrapInPlace', 'installationDisk',
  'kernelType', 'kernelArguments', 'machineConfigPoolSelector', 'paused', 'cpu', 'reserved', 'isolated', 'nodeSelector',
  'shutdownGracePeriod', 'default-replica-count', 'node-drain-policy', 'storageclass.kubernetes.io/is-default-class', 'hosts',
  'rootDeviceHints', 'deviceName', 'interfaces', 'macAddress', 'emulation', 'controlPlaneHosts',
];

export const VALUES = [
  'v1', 'apps/v1', 'policy/v1', 'storage.k8s.io/v1', 'kubevirt.io/v1', 'machineconfiguration.openshift.io/v1', 'operator.openshift.io/v1',
  'harvesterhci.io/v1beta1', 'longhorn.io/v1beta2', 'virtualization.k8c.io/v1alpha1', 'example.com/v9', 'StorageClass', 'Deployment',
  'StatefulSet', 'PodDisruptionBudget', 'VirtualMachine', 'MachineConfig', 'IngressController', 'KubeletConfig', 'Setting', 'ConfigMap',
  'driver.longhorn.io', 'kubernetes.io/hostname', 'LiveMigrate', 'None', 'DoNotSchedule', 'worker', 'master', 'create', 'join',
  '3', '"3"', "'3'", '1', '0', '-1', '2', '100%', '0%', '50%', 'true', 'false', 'yes', 'no', 'on', 'off', 'null', '~', '""', "''",
  '0x1F', '0o17', '0644', '1e400', '.nan', '-.inf', '12:30:00', '2001-12-14t21:59:43.10-05:00', '10Gi', '0-3', '4-7,9', '/dev/sda',
  '10.0.0.1', '10.0.0.0/8', 'fe80::1', '256.1.1.1', 'dhcp', 'static', 'OVNKubernetes', 'OpenShiftSDN', 'none', 'baremetal',
];

/** Every piece, with template and odd code points rarer than syntax, keys and values. */
export const ALL_TOKENS = [...SYNTAX, ...SYNTAX, ...KEYS.map((k) => `${k}: `), ...KEYS.map((k) => `\n${k}:`), ...VALUES, ...VALUES, ...TEMPLATES, ...CODE_POINTS];
