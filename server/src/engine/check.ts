/**
 * The engine's entry point: text in, findings out. Parses once, runs every applicable rule on
 * every document, applies severity settings and suppression comments, and never throws on input.
 */
import { parseFile } from './parse';
import { RULES } from './rules';
import { applySuppressions } from './suppress';
import { applyEdits, choosePreferredEdits } from './apply';
import type { CheckOptions, Finding, ParsedFile, PlatformSetting, Rule, Severity } from './types';
import { DEFAULT_OPTIONS } from './types';
import { YAML_SYNTAX_RULE_ID } from './rules/yaml-syntax';
import { templatedFile, TEMPLATED_FILE_MESSAGE } from './rules/templated-file';
import { templateMarker } from './templates';
import { SCHEMA_RULE_ID } from './rules/schema';
import { rangeOfOffsets } from './yaml-ast';
import { workspaceFacts, type WorkspaceView } from './workspace';

/** Files above this size are skipped with a reason instead of being parsed. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface CheckResult {
  findings: Finding[];
  /** Set when the file was not checked at all, with the reason. */
  skipped?: string;
  file?: ParsedFile;
}

/**
 * Files larger than this many bytes on disk are over MAX_FILE_BYTES whatever their encoding (UTF-8
 * takes at most 3 bytes per UTF-16 unit), so the CLI and the workspace scan skip them unread: a
 * database dump named `.yaml` does not cost its size in memory.
 */
export const UNREAD_ABOVE_BYTES = 3 * MAX_FILE_BYTES;

function tooLarge(size: number): string {
  return `not checked: the file is ${(size / 1024 / 1024).toFixed(1)} MB, above OneNode's ${MAX_FILE_BYTES / 1024 / 1024} MB limit`;
}

/** Why a file of `bytes` bytes on disk is skipped without reading it, if it is. */
export function sizeSkipReason(bytes: number): string | undefined {
  return bytes > UNREAD_ABOVE_BYTES ? tooLarge(bytes) : undefined;
}

export function skipReason(text: string): string | undefined {
  if (text.length > MAX_FILE_BYTES) return tooLarge(text.length);
  if (text.slice(0, 8192).includes('\u0000')) return 'not checked: the file looks binary (it contains NUL characters)';
  return undefined;
}

function severityFor(rule: Rule, options: CheckOptions): Severity | 'off' {
  return options.rules[rule.id] ?? rule.severity;
}

function ruleEnabledFor(rule: Rule, platform: PlatformSetting): boolean {
  return platform === 'auto' || rule.platforms.includes(platform);
}

/** Where a text is checked: which file it is, its last parse, and the rest of the workspace. */
export interface CheckEnvironment {
  /** The previous result's `file` for the same document: only changed YAML documents are re-parsed
   * (see parseFile). That previous result must not be used afterwards. */
  previous?: ParsedFile;
  /** The file's URI (editor) or path (CLI); defaults to an anonymous name. */
  uri?: string;
  /** Facts of the other files, for rules about more than one file. */
  workspace?: WorkspaceView;
}

/**
 * A rule that reports the same spot as the generic schema check says more (why it breaks on one
 * node, and how to fix it): keep the rule's finding only.
 */
function withoutSchemaDuplicates(findings: Finding[]): Finding[] {
  const ruled = new Set(findings.filter((f) => f.rule !== SCHEMA_RULE_ID).map((f) => `${f.range.start.line}:${f.range.start.character}`));
  return findings.filter((f) => f.rule !== SCHEMA_RULE_ID || !ruled.has(`${f.range.start.line}:${f.range.start.character}`));
}

export function check(text: string, options: CheckOptions = DEFAULT_OPTIONS, env: CheckEnvironment = {}): CheckResult {
  const skipped = skipReason(text);
  if (skipped) return { findings: [], skipped };
  const file = parseFile(text, env.previous);
  const uri = env.uri ?? 'untitled:document.yaml';
  const template = severityFor(templatedFile, options) === 'off' ? undefined : templateMarker(file);
  if (template) {
    const finding: Finding = {
      rule: templatedFile.id,
      severity: severityFor(templatedFile, options) as Severity,
      message: TEMPLATED_FILE_MESSAGE,
      range: rangeOfOffsets(file, template.start, template.end),
      fixes: [],
    };
    return { findings: applySuppressions(file, [finding]), file };
  }
  const findings: Finding[] = [];
  const workspace = workspaceFacts(uri, file, env.workspace);
  // `auto` narrows to the platform the workspace's files point to, when they agree on one.
  const platform: PlatformSetting = options.platform === 'auto' ? (workspace.inferredPlatform() ?? 'auto') : options.platform;
  for (const document of file.documents) {
    const broken = document.doc.errors.length > 0;
    for (const rule of RULES) {
      const severity = severityFor(rule, options);
      if (severity === 'off' || !ruleEnabledFor(rule, platform)) continue;
      // A document with syntax errors gets only its syntax findings: rules on a half-parsed
      // document would report things that are not there.
      if (broken && rule.id !== YAML_SYNTAX_RULE_ID) continue;
      if (!rule.appliesTo(document)) continue;
      for (const report of rule.check({ uri, file, document, options, workspace })) {
        findings.push({
          rule: rule.id,
          severity: options.rules[rule.id] === undefined ? (report.severity ?? severity) : severity,
          message: report.message,
          range: report.range,
          fixes: report.fixes ?? [],
          ...(report.data ? { data: report.data } : {}),
        });
      }
    }
  }
  const kept = applySuppressions(file, withoutSchemaDuplicates(findings));
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { findings: kept, file };
}

export interface FixAllResult {
  text: string;
  /** How many findings the fixes cleared. */
  fixed: number;
  remaining: Finding[];
}

/**
 * Applies preferred fixes until nothing more changes (at most 10 passes, as ESLint does), so
 * fixes whose edits overlap in one pass are applied in the next.
 */
export function fixAll(text: string, options: CheckOptions = DEFAULT_OPTIONS, env: Omit<CheckEnvironment, 'previous'> = {}): FixAllResult {
  const initial = check(text, options, env).findings;
  let current = text;
  let findings = initial;
  for (let pass = 0; pass < 10; pass++) {
    const edits = choosePreferredEdits(current, findings);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
    findings = check(current, options, env).findings;
  }
  return { text: current, fixed: Math.max(0, initial.length - findings.length), remaining: findings };
}
