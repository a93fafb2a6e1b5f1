/**
 * `onenode check` on a 500-file repository against the `yaml` library parsing the same files,
 * both as processes (each pays Node's start-up, the CLI also its bundle) and in process (parse
 * alone against the CLI's two passes: parse and index, then check). The design target: the CLI
 * within 2x of the yaml parse.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseAllDocuments } from 'yaml';
import { check, extractFacts, parseFile, WorkspaceIndex, type ParsedFile } from '../../server/src/engine';
import { collectFiles } from '../../server/src/files/yaml-files';
import { DIST, REPO_ROOT } from '../../test/helpers/paths';
import { median, timeOnce } from './stats';
import { ms, ratio, type Section } from './report';
import type { Repository } from './repo-generate';

export interface RepoCheckResult {
  runs: number;
  /** Processes: `node -e` parsing every file with yaml, `onenode check`, and `node -e ""`. */
  yamlProcessMs: number;
  cliMs: number;
  nodeStartupMs: number;
  cliExitCode: number;
  cliFindings: number;
  /** In process, same files: yaml parseAllDocuments, and what `onenode check` does after reading them. */
  yamlInProcessMs: number;
  engineInProcessMs: number;
  /** The CLI process doing nothing but load its bundle (`onenode --version`). */
  cliStartupMs: number;
}

// Walks the tree the way the CLI does (every *.yaml below the root) and parses each file with defaults.
const YAML_ONLY = `const fs=require('fs'),path=require('path'),yaml=require('yaml');
(function walk(d){for(const e of fs.readdirSync(d,{withFileTypes:true}).sort((a,b)=>a.name<b.name?-1:1)){const f=path.join(d,e.name);
if(e.isDirectory())walk(f);else if(/\\.ya?ml$/i.test(e.name))yaml.parseAllDocuments(fs.readFileSync(f,'utf8'));}})(process.argv[1]);`;

function run(args: string[]): { ms: number; status: number; stdout: string } {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.error) throw child.error;
  if (child.status === null) throw new Error(`node ${args.slice(0, 2).join(' ')} was killed by ${child.signal ?? 'a signal'}`);
  return { ms, status: child.status, stdout: child.stdout };
}

/** Median of `runs` after one unmeasured run (which fills the OS file cache). */
function timed(args: string[], runs: number): { ms: number; status: number; stdout: string } {
  let last = run(args);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    last = run(args);
    samples.push(last.ms);
  }
  return { ...last, ms: median(samples) };
}

/** The CLI's own work on texts already read: parse and index every file, then check each against the index. */
function engineOnRepository(files: { path: string; text: string }[]): number {
  const index = new WorkspaceIndex();
  const parsed: ParsedFile[] = files.map((f) => {
    const file = parseFile(f.text);
    index.set(f.path, extractFacts(f.path, file));
    return file;
  });
  let findings = 0;
  files.forEach((f, i) => (findings += check(f.text, undefined, { uri: f.path, workspace: index, previous: parsed[i] }).findings.length));
  return findings;
}

export async function measureRepoCheck(root: string, runs = 5): Promise<RepoCheckResult> {
  const cli = timed([join(DIST, 'cli.js'), 'check', root, '--format', 'json'], runs);
  if (cli.status > 1) throw new Error(`onenode check exited ${cli.status}`);
  const report = JSON.parse(cli.stdout) as { summary: { errors: number; warnings: number; infos: number } };
  const yaml = timed(['-e', YAML_ONLY, root], runs);
  if (yaml.status !== 0) throw new Error(`the yaml-only process exited ${yaml.status}`);
  const startup = timed(['-e', ''], runs);
  const cliStartup = timed([join(DIST, 'cli.js'), '--version'], runs);

  const { files } = await collectFiles([root]);
  const texts = files.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  for (let i = 0; i < 2; i++) engineOnRepository(texts);
  const yamlSamples: number[] = [];
  const engineSamples: number[] = [];
  for (let i = 0; i < runs; i++) {
    yamlSamples.push(timeOnce(() => texts.forEach((t) => parseAllDocuments(t.text))));
    engineSamples.push(timeOnce(() => engineOnRepository(texts)));
  }
  return {
    runs,
    yamlProcessMs: yaml.ms,
    cliMs: cli.ms,
    nodeStartupMs: startup.ms,
    cliExitCode: cli.status,
    cliFindings: report.summary.errors + report.summary.warnings + report.summary.infos,
    yamlInProcessMs: median(yamlSamples),
    engineInProcessMs: median(engineSamples),
    cliStartupMs: cliStartup.ms,
  };
}

/** The 2x target of DESIGN.md, as a ratio of the CLI process to the yaml-parse process. */
export const TARGET_REPO_RATIO = 2;

export function repoCheckSection(repo: Repository, r: RepoCheckResult): Section {
  const processRatio = r.cliMs / r.yamlProcessMs;
  return {
    title: `onenode check on a ${repo.files}-file repository (${repo.documents} documents, ${repo.lines} lines, ${(repo.bytes / 1024 / 1024).toFixed(1)} MB), median of ${r.runs}`,
    rows: [
      { label: 'node -e yaml parseAllDocuments', value: ms(r.yamlProcessMs), note: 'every file, default options' },
      { label: 'onenode check --format json', value: ms(r.cliMs), note: `exit ${r.cliExitCode}, ${r.cliFindings} findings` },
      { label: 'CLI / yaml-parse process', value: ratio(processRatio), note: `target <= ${TARGET_REPO_RATIO}x: ${processRatio <= TARGET_REPO_RATIO ? 'MET' : 'MISSED'}` },
      { label: 'node -e "" / onenode --version', value: `${ms(r.nodeStartupMs)} / ${ms(r.cliStartupMs)}`, note: 'start-up alone, and with the CLI bundle loaded' },
      { label: 'in process: yaml parse', value: ms(r.yamlInProcessMs), note: 'same files, already read, warm' },
      { label: 'in process: engine', value: ms(r.engineInProcessMs), note: 'parse + index, then check every file' },
      { label: 'in process: engine / yaml parse', value: ratio(r.engineInProcessMs / r.yamlInProcessMs) },
    ],
  };
}
