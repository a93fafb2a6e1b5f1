/**
 * Deploy checks the files with the same engine as the editor and `onenode check` before anything
 * else, and refuses files with error findings unless the person overrides it. The files given
 * form the workspace, so rules about other files see each other (as in `onenode check`).
 */
import { check, extractFacts, parseFile, WorkspaceIndex, type CheckOptions, type Finding, type ParsedFile } from '../engine';

export interface DeployFile {
  /** The path as shown to people (relative to the working directory, or a URI in the editor). */
  path: string;
  /** Where the file is on disk, when it is on disk (installers need a real copy). */
  absolutePath?: string;
  text: string;
}

export interface ParsedDeployFile extends DeployFile {
  parsed: ParsedFile;
}

export interface FileFindings {
  path: string;
  findings: Finding[];
}

export interface Validation {
  files: FileFindings[];
  errors: number;
  warnings: number;
}

export function parseDeployFiles(files: readonly DeployFile[]): ParsedDeployFile[] {
  return files.map((file) => ({ ...file, parsed: parseFile(file.text) }));
}

export function validateFiles(files: readonly ParsedDeployFile[], options: CheckOptions): Validation {
  const index = new WorkspaceIndex();
  for (const file of files) index.set(file.path, extractFacts(file.path, file.parsed));
  const out: FileFindings[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    // A fresh parse: check() may reuse and move the documents of `previous`, and deploy reads them afterwards.
    const { findings } = check(file.text, options, { uri: file.path, workspace: index });
    errors += findings.filter((f) => f.severity === 'error').length;
    warnings += findings.filter((f) => f.severity === 'warning').length;
    if (findings.length > 0) out.push({ path: file.path, findings });
  }
  return { files: out, errors, warnings };
}

/** `path:line:col severity message [rule]`, as `onenode check` prints findings. */
export function formatFindings(validation: Validation, severities: readonly Finding['severity'][] = ['error', 'warning']): string[] {
  const lines: string[] = [];
  for (const file of validation.files) {
    for (const f of file.findings) {
      if (!severities.includes(f.severity)) continue;
      lines.push(`${file.path}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message} [${f.rule}]`);
    }
  }
  return lines;
}
