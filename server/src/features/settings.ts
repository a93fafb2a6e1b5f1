/**
 * Per-resource settings (`onenode.*`), read with workspace/configuration for each document's URI
 * and cached until the client says they changed. Invalid values fall back to defaults and are
 * logged once per distinct problem.
 */
import type { Connection } from 'vscode-languageserver/node';
import { DEFAULT_OPTIONS, normalizeOptions, type CheckOptions } from '../engine';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<CheckOptions>>();
  private readonly reported = new Set<string>();
  private globalSettings: CheckOptions = DEFAULT_OPTIONS;

  constructor(
    private readonly connection: Connection,
    private readonly pullConfiguration: boolean,
  ) {}

  /** Settings pushed by clients that cannot answer workspace/configuration. */
  setGlobal(raw: unknown): void {
    this.globalSettings = this.normalize(raw);
  }

  get(uri: string): Promise<CheckOptions> {
    if (!this.pullConfiguration) return Promise.resolve(this.globalSettings);
    const cached = this.cache.get(uri);
    if (cached) return cached;
    const pending = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'onenode' })
        .then((raw: unknown) => this.normalize(raw))
        .catch((error: unknown) => {
          this.connection.console.warn(`Could not read settings for ${uri}: ${String(error)}; using defaults.`);
          return DEFAULT_OPTIONS;
        });
    this.cache.set(uri, pending);
    return pending;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  invalidate(): void {
    this.cache.clear();
  }

  /** Documents with cached settings (for the tests' stats request: it must fall as documents close). */
  get size(): number {
    return this.cache.size;
  }

  private normalize(raw: unknown): CheckOptions {
    const { options, problems } = normalizeOptions(raw);
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.connection.console.warn(`Setting onenode.${problem}`);
    }
    return options;
  }
}
