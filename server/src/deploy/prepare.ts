/**
 * The first step of every deploy: what the files are, and what the engine finds in them. Kept
 * apart from the cluster code so the editor and the CLI load the Kubernetes client library only
 * when they talk to a cluster.
 */
import type { CheckOptions } from '../engine';
import { selectDeploy, type DeploySelection } from './selection';
import { parseDeployFiles, validateFiles, type DeployFile, type ParsedDeployFile, type Validation } from './validate';

export interface Prepared {
  files: ParsedDeployFile[];
  validation: Validation;
  selection: DeploySelection;
}

/** Reads what the files are and checks them with the engine. Throws DeployError('input') for files that cannot be deployed. */
export function prepareDeploy(files: readonly DeployFile[], options: CheckOptions): Prepared {
  const parsed = parseDeployFiles(files);
  const selection = selectDeploy(parsed);
  return { files: parsed, validation: validateFiles(parsed, options), selection };
}
