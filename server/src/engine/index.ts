/** The engine's public surface, shared by the language server, the CLI and the tests. */
export * from './types';
export { check, fixAll, skipReason, sizeSkipReason, MAX_FILE_BYTES, UNREAD_ABOVE_BYTES, type CheckResult, type FixAllResult, type CheckEnvironment } from './check';
export { WorkspaceIndex, extractFacts, type FileFacts, type WorkspaceView, type WorkloadFacts, type StorageClassFacts } from './workspace';
export { applyEdits, minimalEdit, choosePreferredEdits, offsetAt, lineStarts } from './apply';
export { parseFile } from './parse';
export { RULES, ruleById } from './rules';
export { findDirectives, NEXT_LINE_DIRECTIVE, BLOCK_DIRECTIVE, type Directive } from './suppress';
export { disableNextLineEdit } from './suppress';
export { normalizeOptions, optionsKey, type NormalizedOptions } from './options';
export { locate, type Located, type PathSegment } from './locate';
export { parseConfig, applyConfig, ignoreMatcher, CONFIG_FILE_NAME, type OneNodeConfig, type ConfigProblem } from './config';
