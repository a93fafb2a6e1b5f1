/**
 * Validates user settings (editor settings now, `.onenode.yaml` later) into CheckOptions.
 * Unknown or mistyped values fall back to defaults and are reported, never thrown.
 */
import type { CheckOptions, Environment, PlatformSetting, RuleSeveritySetting } from './types';
import { DEFAULT_OPTIONS, ENVIRONMENTS, PLATFORMS } from './types';
import { ruleById } from './rules';

const PLATFORM_SETTINGS: readonly string[] = ['auto', ...PLATFORMS];
const SEVERITY_SETTINGS: readonly string[] = ['off', 'info', 'warning', 'error'];

export interface NormalizedOptions {
  options: CheckOptions;
  problems: string[];
}

export function normalizeOptions(raw: unknown): NormalizedOptions {
  const problems: string[] = [];
  const input = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  let platform: PlatformSetting = DEFAULT_OPTIONS.platform;
  if (input.platform !== undefined) {
    if (typeof input.platform === 'string' && PLATFORM_SETTINGS.includes(input.platform)) platform = input.platform as PlatformSetting;
    else problems.push(`platform ${JSON.stringify(input.platform)} is not one of ${PLATFORM_SETTINGS.join(', ')}; using "auto"`);
  }
  let environment: Environment = DEFAULT_OPTIONS.environment;
  if (input.environment !== undefined) {
    if (typeof input.environment === 'string' && (ENVIRONMENTS as readonly string[]).includes(input.environment)) environment = input.environment as Environment;
    else problems.push(`environment ${JSON.stringify(input.environment)} is not "test" or "production"; using "test"`);
  }
  const rules: Record<string, RuleSeveritySetting> = {};
  if (input.rules !== undefined && input.rules !== null) {
    if (typeof input.rules !== 'object' || Array.isArray(input.rules)) {
      problems.push('rules must map rule ids to off, info, warning or error');
    } else {
      for (const [id, value] of Object.entries(input.rules as Record<string, unknown>)) {
        if (!ruleById(id)) problems.push(`rules: unknown rule id "${id}"`);
        else if (typeof value !== 'string' || !SEVERITY_SETTINGS.includes(value)) problems.push(`rules.${id}: ${JSON.stringify(value)} is not off, info, warning or error`);
        else rules[id] = value as RuleSeveritySetting;
      }
    }
  }
  return { options: { platform, environment, rules }, problems };
}

/** A stable key for caching results per settings. */
export function optionsKey(options: CheckOptions): string {
  const rules = Object.keys(options.rules).sort().map((k) => `${k}=${options.rules[k]}`).join(',');
  return `${options.platform}|${options.environment}|${rules}`;
}
