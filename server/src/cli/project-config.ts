/** Finds and reads the project's `.onenode.yaml` for the CLI, reporting problems like a compiler. */
import { existsSync, promises as fs } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { CONFIG_FILE_NAME, ignoreMatcher, parseConfig, type OneNodeConfig } from '../engine';
import { describe, displayPath } from '../files/yaml-files';

export interface ProjectConfig {
  config: OneNodeConfig;
  /** Whether a path is excluded by the config's ignore globs (relative to the config's folder). */
  ignore: (path: string) => boolean;
  messages: string[];
  invalid: boolean;
}

export async function loadProjectConfig(explicit: string | undefined): Promise<ProjectConfig> {
  const path = explicit ?? resolve(CONFIG_FILE_NAME);
  const none: ProjectConfig = { config: {}, ignore: () => false, messages: [], invalid: false };
  if (explicit === undefined && !existsSync(path)) return none;
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    return { ...none, messages: [`onenode: ${displayPath(path)}: ${describe(error)}`], invalid: true };
  }
  const { config, problems } = parseConfig(text);
  const shown = displayPath(path);
  const matches = ignoreMatcher(config);
  const folder = dirname(resolve(path));
  return {
    config,
    ignore: (file) => matches(relative(folder, resolve(file))),
    messages: problems.map((p) => `${shown}:${p.range.start.line + 1}:${p.range.start.character + 1} error ${p.message}`),
    invalid: problems.length > 0,
  };
}
