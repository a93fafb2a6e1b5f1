/** `onenode check`: lint files with the same engine the editor uses, optionally fixing them. */
import { check, fixAll, type CheckOptions } from '../engine';
import { collectFiles, displayPath, readSource, writeSource, describe } from './files';
import { formatJson, formatText, summarize, type FileReport } from './format';

export interface CheckCommandOptions {
  paths: string[];
  options: CheckOptions;
  format: 'text' | 'json';
  fix: boolean;
  maxWarnings: number | undefined;
}

export interface CommandOutcome {
  exitCode: number;
  stdout: string;
  stderr: string[];
}

export async function runCheck(cmd: CheckCommandOptions): Promise<CommandOutcome> {
  const stderr: string[] = [];
  const { files, errors } = await collectFiles(cmd.paths.length > 0 ? cmd.paths : ['.']);
  stderr.push(...errors.map((e) => `onenode: ${e}`));
  const reports: FileReport[] = [];
  let ioFailed = errors.length > 0;
  for (const path of files) {
    const shown = displayPath(path);
    let source;
    try {
      source = await readSource(path);
    } catch (error) {
      stderr.push(`onenode: ${shown}: ${describe(error)}`);
      ioFailed = true;
      continue;
    }
    if (cmd.fix) {
      const result = check(source.text, cmd.options);
      if (result.skipped) {
        reports.push({ path: shown, findings: [], skipped: result.skipped });
        continue;
      }
      const fixed = fixAll(source.text, cmd.options);
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
    } else {
      const result = check(source.text, cmd.options);
      reports.push({ path: shown, findings: result.findings, ...(result.skipped ? { skipped: result.skipped } : {}) });
    }
  }
  const summary = summarize(reports);
  const stdout = cmd.format === 'json' ? formatJson(reports, summary) : formatText(reports, summary);
  const tooManyWarnings = cmd.maxWarnings !== undefined && summary.warnings > cmd.maxWarnings;
  if (tooManyWarnings) stderr.push(`onenode: ${summary.warnings} warnings, more than --max-warnings ${cmd.maxWarnings}`);
  const exitCode = ioFailed ? 2 : summary.errors > 0 || tooManyWarnings ? 1 : 0;
  return { exitCode, stdout, stderr };
}
