/** Check options that run a single rule, so a test sees only that rule's findings. */
import { RULES, type CheckOptions, type Environment } from '../../server/src/engine';

export function onlyRule(id: string, environment: Environment = 'production'): CheckOptions {
  return { platform: 'auto', environment, rules: Object.fromEntries(RULES.filter((r) => r.id !== id).map((r) => [r.id, 'off'])) };
}
