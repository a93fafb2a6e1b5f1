/**
 * `onenode check`: lint files with the same engine the editor uses, optionally fixing them.
 * The paths given form the workspace: every file is read and indexed first, so rules about other
 * files (a PodDisruptionBudget and its workload, default StorageClasses) see all of them.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { CONFIG_FILE_NAME, check, extractFacts, fixAll, parseFile, sizeSkipReason, skipReason, WorkspaceIndex, type CheckOptions, type ParsedFile } from '../engine';
import { collectFiles, displayPath, readSource, readSourceSync, STDIN, writeSource, describe, type SourceFile } from '../files/yaml-files';
import { formatJson, formatText, summarize, type FileReport } from './format';
import { formatSarif } from './sarif';

export interface CheckCommandOptions {
  paths: string[];
  options: CheckOptions;
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  maxWarnings: number | undefined;
  /** Whether a file is excluded by the project's ignore globs. */
  ignore?: (path: string) => boolean;
}

export interface CommandOutcome {
  exitCode: number;
  stdout: string;
  stderr: string[];
}

interface Loaded {
  shown: string;
  /** Unset for a file skipped unread (too large to check), with `skipped` saying so. */
  source?: SourceFile;
  parsed?: ParsedFile;
  skipped?: string;
}

export async function runCheck(cmd: CheckCommandOptions): Promise<CommandOutcome> {
  const stderr: string[] = [];
  const { files, errors } = await collectFiles(cmd.paths.length > 0 ? cmd.paths : ['.']);
  stderr.push(...errors.map((e) => `onenode: ${e}`));
  let ioFailed = errors.length > 0;

  // Pass 1: read and parse everything, and index what other files' rules need.
  const index = new WorkspaceIndex();
  const loaded: Loaded[] = [];
  // The project's own .onenode.yaml is configuration, not a manifest to check.
  const paths = files.filter((f) => basename(f) !== CONFIG_FILE_NAME && !cmd.ignore?.(f));
  for (const path of paths) {
    const shown = displayPath(path);
    try {
      const unread = path === STDIN ? undefined : sizeSkipReason(statSync(path).size);
      if (unread) {
        loaded.push({ shown, skipped: unread });
        continue;
      }
      const source = path === STDIN ? await readSource(path) : readSourceSync(path);
      const parsed = skipReason(source.text) ? undefined : parseFile(source.text);
      if (parsed) index.set(shown, extractFacts(shown, parsed));
      loaded.push({ source, shown, parsed });
    } catch (error) {
      stderr.push(`onenode: ${shown}: ${describe(error)}`);
      ioFailed = true;
    }
  }

  // Pass 2: check each file against the index (its own parse is reused, not repeated).
  const reports: FileReport[] = [];
  for (const { source, shown, parsed, skipped } of loaded) {
    if (!source) {
      reports.push({ path: shown, findings: [], skipped });
      continue;
    }
    const env = { uri: shown, workspace: index };
    const result = check(source.text, cmd.options, { ...env, previous: parsed });
    if (result.skipped) {
      reports.push({ path: shown, findings: [], skipped: result.skipped });
      continue;
    }
    if (!cmd.fix) {
      reports.push({ path: shown, findings: result.findings });
      continue;
    }
    const fixed = fixAll(source.text, cmd.options, env);
    if (fixed.text !== source.text) {
      try {
        await writeSource(source, fixed.text);
      } catch (error) {
        stderr.push(`onenode: ${shown}: could not write the fixes: ${describe(error)}`);
        ioFailed = true;
        reports.push({ path: shown, findings: result.findings });
        continue;
      }
    }
    reports.push({ path: shown, findings: fixed.remaining, fixed: fixed.fixed });
  }

  const summary = summarize(reports);
  const stdout = cmd.format === 'json' ? formatJson(reports, summary) : cmd.format === 'sarif' ? formatSarif(reports) : formatText(reports, summary);
  const tooManyWarnings = cmd.maxWarnings !== undefined && summary.warnings > cmd.maxWarnings;
  if (tooManyWarnings) stderr.push(`onenode: ${summary.warnings} warnings, more than --max-warnings ${cmd.maxWarnings}`);
  const exitCode = ioFailed ? 2 : summary.errors > 0 || tooManyWarnings ? 1 : 0;
  return { exitCode, stdout, stderr };
}
