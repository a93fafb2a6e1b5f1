/**
 * Template files are reported once and skipped, instead of drowning in syntax errors. The check
 * runs on the whole file (see check.ts); this module holds the rule's metadata and message.
 */
import type { Rule } from '../types';
import { PLATFORMS } from '../types';
import { SOURCES } from '../sources';

export const TEMPLATED_FILE_RULE_ID = 'templated-file';

export const TEMPLATED_FILE_MESSAGE =
  'This file is a template ({{ … }} or similar), not the YAML that will be applied, so OneNode skipped it: check the rendered output instead (for example `helm template … | onenode check -`).';

export const templatedFile: Rule = {
  id: TEMPLATED_FILE_RULE_ID,
  title: 'Template files are skipped',
  severity: 'info',
  platforms: PLATFORMS,
  fixable: false,
  // Decided for the whole file before the document rules run (check.ts).
  appliesTo: () => false,
  check: () => [],
  docs: {
    why:
      'Helm charts, Go templates, Jinja2 templates and Terraform `templatefile`s contain `{{ … }}`, `{% … %}` or `%{ … }` directives. ' +
      'Until they are rendered they are not the YAML that reaches the cluster or the installer, and reading them as YAML yields syntax ' +
      'errors and values such as `{{ .Values.replicas }}` that mean nothing yet. OneNode reports such a file once, at its first directive, ' +
      'and checks nothing else in it. A file whose template expressions sit inside quoted values of otherwise valid YAML (a Harvester ' +
      'webhook payload with `{{.Hostname}}`) is data, not a template, and is checked normally.',
    fix: 'Render the template and check the output, e.g. `helm template my-release ./chart > rendered.yaml && onenode check rendered.yaml`. To check a template file anyway (and see its syntax errors), set this rule to `off`.',
    sources: [SOURCES.helmTemplate],
    example: {
      bad: '{{- if .Values.longhorn.enabled }}\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nparameters:\n  numberOfReplicas: {{ .Values.replicas | quote }}\n{{- end }}\n',
      good: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nparameters:\n  numberOfReplicas: "1"\n',
    },
  },
};
