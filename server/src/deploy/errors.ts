/**
 * Errors that end a deploy as a whole (as opposed to a problem with one object, which the plan
 * reports). The code decides the CLI's exit status and lets the editor word its message.
 */
export type DeployErrorCode =
  /** Bad options or arguments. */
  | 'usage'
  /** Files could not be read, or hold nothing deployable. */
  | 'input'
  /** No kubeconfig, an unknown context, an unreadable credential. */
  | 'kubeconfig'
  /** The API server could not be reached (refused, timed out, TLS not trusted). */
  | 'connection'
  /** The API server rejected the credentials (401). */
  | 'auth'
  /** The API server answered something deploy cannot use. */
  | 'api'
  /** Deploy refused to go on: error findings, problems in the plan, declined, not trusted. */
  | 'refused'
  /** An installer or the PXE server could not be started. */
  | 'installer'
  /** The person cancelled before anything was applied. */
  | 'cancelled';

const DEPLOY_ERROR = Symbol.for('onenode.DeployError');

export class DeployError extends Error {
  /**
   * Bundles loaded by path (dist/deploy-cluster.js, see load-bundle.ts) carry their own copy of
   * this class: `instanceof` checks a process-wide mark, so an error thrown in one copy is still
   * recognised by the code that catches it in another.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && DEPLOY_ERROR in value;
  }

  readonly [DEPLOY_ERROR] = true;

  constructor(
    readonly code: DeployErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DeployError';
  }
}

/** Exit status of the CLI for an error: refusals are 1 (like findings), the rest 2. */
export function exitCodeOf(error: DeployError): number {
  return error.code === 'refused' ? 1 : 2;
}
