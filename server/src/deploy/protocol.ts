/**
 * The deploy messages between the editor and the language server (workspace/executeCommand, with
 * $/progress for plan and apply). Type-only imports, so the client shares these names and shapes
 * without bundling server code.
 */
import type { RequestLogEntry } from './pxe/serve';
import type { DeployKind } from './selection';
import type { DeployPlan, DeployReport } from './types';

export const DEPLOY_PREPARE_COMMAND = 'onenode.server.deployPrepare';
export const DEPLOY_CONTEXTS_COMMAND = 'onenode.server.deployContexts';
export const DEPLOY_PLAN_COMMAND = 'onenode.server.deployPlan';
export const DEPLOY_APPLY_COMMAND = 'onenode.server.deployApply';
export const PXE_START_COMMAND = 'onenode.server.pxeStart';
export const PXE_STOP_COMMAND = 'onenode.server.pxeStop';
export const INSTALLER_PREPARE_COMMAND = 'onenode.server.installerPrepare';
export const DEPLOY_SERVER_COMMANDS = [
  DEPLOY_PREPARE_COMMAND,
  DEPLOY_CONTEXTS_COMMAND,
  DEPLOY_PLAN_COMMAND,
  DEPLOY_APPLY_COMMAND,
  PXE_START_COMMAND,
  PXE_STOP_COMMAND,
  INSTALLER_PREPARE_COMMAND,
];

/** Server → client notification: one request to the PXE server (for the log). */
export const PXE_REQUEST_NOTIFICATION = 'onenode/deploy/pxeRequest';

/** Every failure comes back as data, with the DeployError code (usage, kubeconfig, connection, auth, refused, …). */
export interface DeployFailure {
  ok: false;
  code: string;
  message: string;
}

export interface DeployPrepareArgs {
  /** Files and folders (file: URIs); open documents are read from the editor's buffer. */
  uris: string[];
}

export type DeployPrepareResult =
  | {
      ok: true;
      kind: DeployKind;
      files: string[];
      objects: number;
      errors: number;
      warnings: number;
      /** `path:line:col severity message [rule]` for the error and warning findings (at most 50). */
      findings: string[];
      /** Harvester config: whether it names the ISO itself (install.iso_url). */
      configHasIso?: boolean;
    }
  | DeployFailure;

export interface DeployContextsArgs {
  /** The onenode.deploy.kubeconfig setting; empty means $KUBECONFIG, then ~/.kube/config. */
  kubeconfig?: string;
}

export type DeployContextsResult = { ok: true; source: string; current?: string; contexts: { name: string; server: string; namespace?: string }[] } | DeployFailure;

export interface DeployPlanArgs {
  uris: string[];
  kubeconfig?: string;
  context?: string;
  /** Deploy although the files have error findings (the person chose to). */
  forceFindings: boolean;
  forceConflicts: boolean;
}

export type DeployPlanResult = { ok: true; planId: string; plan: DeployPlan; text: string; changes: boolean } | DeployFailure;

export interface DeployApplyArgs {
  planId: string;
  wait: boolean;
  timeoutSeconds?: number;
}

export type DeployApplyResult = { ok: true; report: DeployReport; text: string; failed: boolean } | DeployFailure;

export interface PxeStartArgs {
  uri: string;
  host: string;
  port: number;
  publicUrl?: string;
  kernel: string;
  initrd: string;
  rootfs: string;
  iso?: string;
  extraArgs?: string[];
  forceFindings: boolean;
}

export type PxeStartResult = { ok: true; scriptUrl: string; configUrl: string; script: string; files: { url: string; path: string }[] } | DeployFailure;

export interface InstallerPrepareArgs {
  uris: string[];
  /** onenode.deploy.openshiftInstallPath / onenode.deploy.kubevPath (machine settings); empty: PATH. */
  installerPath?: string;
  /** onenode.deploy.assetDirectory; empty: a new folder under ~/.onenode/assets. */
  assetDirectory?: string;
  forceFindings: boolean;
}

export type InstallerPrepareResult =
  | { ok: true; installer: 'openshift' | 'kubev'; executable: string; args: string[]; cwd: string; assetDir: string; files: string[]; commandLine: string }
  | DeployFailure;

export type { DeployKind, DeployPlan, DeployReport, RequestLogEntry };
