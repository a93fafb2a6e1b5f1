/**
 * Whole-process timings: `onenode check --format json` against a process that only loads `yaml`
 * and parses the same file, so both sides pay the same Node start-up and the ratio shows what the
 * CLI adds on top of parsing.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DIST, REPO_ROOT } from '../../test/helpers/paths';
import { median } from './stats';

export interface CliResult {
  runs: number;
  checkMs: number;
  yamlParseProcessMs: number;
  nodeStartupMs: number;
  exitCode: number;
  findings: number;
}

const YAML_ONLY = "require('yaml').parseAllDocuments(require('fs').readFileSync(process.argv[1], 'utf8'))";

interface Run {
  ms: number;
  status: number;
  stdout: string;
}

function run(args: string[]): Run {
  const start = performance.now();
  // cwd is the repository so `node -e` resolves `yaml` from its node_modules, whatever the caller's cwd.
  const child = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.error) throw child.error;
  if (child.status === null) throw new Error(`node ${args.join(' ')} was killed by ${child.signal ?? 'a signal'}`);
  return { ms, status: child.status, stdout: child.stdout };
}

/** One unmeasured run fills the OS file cache, then `runs` measured ones. */
function timed(args: string[], runs: number): { ms: number; last: Run } {
  let last = run(args);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    last = run(args);
    samples.push(last.ms);
  }
  return { ms: median(samples), last };
}

export function measureCli(file: string, runs = 5): CliResult {
  const cli = timed([join(DIST, 'cli.js'), 'check', file, '--format', 'json'], runs);
  // Exit 1 only means "error findings" (the workload has some on purpose); 2 is a usage or I/O error.
  if (cli.last.status > 1) throw new Error(`onenode check exited ${cli.last.status}`);
  const report = JSON.parse(cli.last.stdout) as { summary: { errors: number; warnings: number; infos: number } };
  const yaml = timed(['-e', YAML_ONLY, file], runs);
  if (yaml.last.status !== 0) throw new Error(`the yaml-only process exited ${yaml.last.status}`);
  const startup = timed(['-e', ''], runs);
  return {
    runs,
    checkMs: cli.ms,
    yamlParseProcessMs: yaml.ms,
    nodeStartupMs: startup.ms,
    exitCode: cli.last.status,
    findings: report.summary.errors + report.summary.warnings + report.summary.infos,
  };
}
