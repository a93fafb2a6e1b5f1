/**
 * In-process timings on the same text: the bare `yaml` parse, the engine's parse (parseFile: the
 * same parser with the engine's options plus classification), and the whole engine check().
 * check − parseFile is what the rules and suppressions cost.
 */
import { parseAllDocuments } from 'yaml';
import { check, parseFile } from '../../server/src/engine';
import { median, timeOnce } from './stats';

export interface InProcessResult {
  runs: number;
  yamlParseMs: number;
  parseFileMs: number;
  checkMs: number;
  /** Median over rounds of (check − parseFile) in the same round; near 0 means within noise. */
  rulesMs: number;
  findings: number;
}

export function measureInProcess(text: string, runs = 20, warmup = 5): InProcessResult {
  const yaml: number[] = [];
  const parse: number[] = [];
  const full: number[] = [];
  const rules: number[] = [];
  for (let i = 0; i < warmup; i++) check(text);
  // One run of each per round, so GC pauses and CPU frequency changes hit all three alike
  // instead of biasing whichever block happened to run during them.
  for (let round = 0; round < runs; round++) {
    yaml.push(timeOnce(() => parseAllDocuments(text)));
    parse.push(timeOnce(() => parseFile(text)));
    full.push(timeOnce(() => check(text)));
    rules.push(full[round] - parse[round]);
  }
  return { runs, yamlParseMs: median(yaml), parseFileMs: median(parse), checkMs: median(full), rulesMs: median(rules), findings: check(text).findings.length };
}
