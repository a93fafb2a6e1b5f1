/**
 * Shared engine types. The engine is pure: no LSP runtime, no `vscode`, no disk access.
 * Positions are 0-based lines and UTF-16 characters, exactly as in LSP, so a finding
 * means the same thing in the editor, in the CLI and in tests.
 */
import type { Document, LineCounter } from 'yaml';
import type { DocumentChunk } from './parse';
import type { WorkspaceFacts } from './workspace';
export type { WorkloadFacts, StorageClassFacts } from './workspace';

export type Severity = 'error' | 'warning' | 'info';
export type Platform = 'harvester' | 'openshift' | 'kubev' | 'kubernetes';
export type PlatformSetting = Platform | 'auto';
export type Environment = 'test' | 'production';
export type RuleSeveritySetting = 'off' | Severity;

export const PLATFORMS: readonly Platform[] = ['harvester', 'openshift', 'kubev', 'kubernetes'];
export const ENVIRONMENTS: readonly Environment[] = ['test', 'production'];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  data?: Record<string, unknown>;
}

/** What a YAML document is, decided once per document by classify.ts. */
export type DocumentKind =
  | { type: 'harvester-config' }
  | { type: 'install-config' }
  | { type: 'agent-config' }
  | { type: 'kubernetes'; apiVersion: string; kind: string }
  | { type: 'unknown' };

/** One YAML document of a (possibly multi-document) file. */
export interface ParsedDocument {
  index: number;
  doc: Document.Parsed;
  kind: DocumentKind;
  /** Offsets of the document inside the file: [start, end). */
  start: number;
  end: number;
}

export interface ParsedFile {
  text: string;
  lineCounter: LineCounter;
  documents: ParsedDocument[];
  /** The file's `---`-delimited pieces, kept so the next parse can reuse unchanged documents. */
  chunks: DocumentChunk[];
  /** Detected end-of-line sequence, reused by fixes so CRLF files stay CRLF. */
  eol: '\n' | '\r\n';
  /** Detected indentation unit (spaces) of block mappings, reused by fixes that insert keys. */
  indentUnit: number;
}

export interface CheckOptions {
  platform: PlatformSetting;
  environment: Environment;
  /** Rule id -> severity override, or 'off'. */
  rules: Record<string, RuleSeveritySetting>;
}

export const DEFAULT_OPTIONS: CheckOptions = { platform: 'auto', environment: 'test', rules: {} };

/** Everything a rule sees while checking one document. */
export interface RuleContext {
  /** The file's URI (or path in the CLI), as other files' facts refer to it. */
  uri: string;
  file: ParsedFile;
  document: ParsedDocument;
  options: CheckOptions;
  /** This file's and the rest of the workspace's facts, for rules about other files. */
  workspace: WorkspaceFacts;
}

/** A finding as a rule reports it: severity and rule id are filled in by the runner. */
export interface RuleReport {
  message: string;
  range: Range;
  /** This report's severity when the rule's is not set by the user (for rules whose findings differ in weight). */
  severity?: Severity;
  fixes?: Fix[];
  data?: Record<string, unknown>;
}

export interface RuleSource {
  title: string;
  url: string;
}

export interface RuleDocs {
  /** Why this breaks on one node (markdown, a paragraph or two). */
  why: string;
  /** What the quick-fix does, or what to do by hand. */
  fix: string;
  /** Where the facts come from: upstream docs and code, as cited in the project's reference notes. */
  sources: RuleSource[];
  /** A short example that fires, and its fixed form. */
  example?: { bad: string; good: string };
}

export interface Rule {
  id: string;
  title: string;
  severity: Severity;
  platforms: readonly Platform[];
  /** Whether the rule offers a quick-fix for (at least most of) its findings. */
  fixable: boolean;
  appliesTo(document: ParsedDocument): boolean;
  check(ctx: RuleContext): RuleReport[];
  docs: RuleDocs;
}
