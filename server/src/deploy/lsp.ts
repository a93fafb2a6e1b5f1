/**
 * Deploy in the language server: the editor's commands arrive as workspace/executeCommand (plan
 * and apply with work-done progress), the same code as `onenode deploy`. The editor confirms
 * between plan and apply; the server applies only a plan it made, and only if the files have not
 * changed since. Everything is refused until the client says the workspace is trusted.
 * Credentials stay in this process: results carry context names and users, never tokens.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CancellationToken, Connection, ExecuteCommandParams, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import type { CheckOptions } from '../engine';
import { DeployError } from './errors';
import { formatPlan, formatReport } from './format';
import { createAssetDir, describeInvocation, findInstaller, kubevInvocation, openshiftInvocation } from './installer/invocation';
import { readDeployFiles, type OpenDocument } from './lsp-files';
import type { PlanResult } from './plan';
import { prepareDeploy, type Prepared } from './prepare';
import {
  DEPLOY_APPLY_COMMAND,
  DEPLOY_CONTEXTS_COMMAND,
  DEPLOY_PLAN_COMMAND,
  DEPLOY_PREPARE_COMMAND,
  DEPLOY_SERVER_COMMANDS,
  INSTALLER_PREPARE_COMMAND,
  PXE_REQUEST_NOTIFICATION,
  PXE_START_COMMAND,
  PXE_STOP_COMMAND,
  type DeployApplyArgs,
  type DeployApplyResult,
  type DeployContextsArgs,
  type DeployContextsResult,
  type DeployFailure,
  type DeployPlanArgs,
  type DeployPlanResult,
  type DeployPrepareArgs,
  type DeployPrepareResult,
  type InstallerPrepareArgs,
  type InstallerPrepareResult,
  type PxeStartArgs,
  type PxeStartResult,
} from './protocol';
import { configIsoUrl, requireIso } from './pxe/config';
import { startPxeServer, type PxeServer } from './pxe/serve';
import type { KubeCluster } from './kube/cluster';
import { fileName } from './selection';
import { formatFindings, type DeployFile } from './validate';
import { DEFAULT_WAIT_TIMEOUT_MS } from './wait';
import { loadBundle } from '../load-bundle';
import { withAbortSignal } from '../features/cancellation';
import type * as ClusterCode from '../deploy-cluster';

export { DEPLOY_SERVER_COMMANDS };

/**
 * The cluster code (and the Kubernetes client library under it) is loaded on the first command
 * that talks to a cluster, not when the language server starts.
 */
const clusterCode = () => loadBundle<typeof ClusterCode>('deploy-cluster');

/** A plan is applied only within this time of being made. */
const PLAN_LIFETIME_MS = 15 * 60_000;
const MAX_FINDINGS_SENT = 50;

export interface DeployServiceOptions {
  connection: Connection;
  openDocuments: () => readonly OpenDocument[];
  workspaceFolders: () => readonly string[];
  /** The check options for a file (editor settings and .onenode.yaml). */
  checkOptions: (uri: string) => Promise<CheckOptions>;
}

interface StoredPlan {
  uris: string[];
  digest: string;
  planned: PlanResult;
  cluster: KubeCluster;
  forceConflicts: boolean;
  madeAt: number;
}

function digestOf(files: readonly DeployFile[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.path}\u0000${f.text}\u0000`);
  return hash.digest('hex');
}

function failure(error: unknown): DeployFailure {
  if (error instanceof DeployError) return { ok: false, code: error.code, message: error.message };
  throw error;
}

export class DeployService {
  private trusted = false;
  private readonly plans = new Map<string, StoredPlan>();
  private pxe: PxeServer | undefined;

  constructor(private readonly options: DeployServiceOptions) {}

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
  }

  handles(command: string): boolean {
    return DEPLOY_SERVER_COMMANDS.includes(command);
  }

  async execute(params: ExecuteCommandParams, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<unknown> {
    const args: unknown = params.arguments?.[0] ?? {};
    try {
      if (!this.trusted) throw new DeployError('refused', 'Deploy is off in an untrusted workspace: trust the workspace first.');
      switch (params.command) {
        case DEPLOY_PREPARE_COMMAND:
          return await this.prepareCommand(args as DeployPrepareArgs);
        case DEPLOY_CONTEXTS_COMMAND:
          return this.contexts(args as DeployContextsArgs);
        case DEPLOY_PLAN_COMMAND:
          return await this.plan(args as DeployPlanArgs, token, progress);
        case DEPLOY_APPLY_COMMAND:
          return await this.apply(args as DeployApplyArgs, progress);
        case PXE_START_COMMAND:
          return await this.startPxe(args as PxeStartArgs);
        case PXE_STOP_COMMAND:
          return await this.stopPxe();
        case INSTALLER_PREPARE_COMMAND:
          return await this.prepareInstaller(args as InstallerPrepareArgs);
        default:
          throw new DeployError('usage', `unknown command ${params.command}`);
      }
    } catch (error) {
      return failure(error);
    }
  }

  /** Stops the PXE server (on shutdown). */
  async dispose(): Promise<void> {
    await this.pxe?.close();
    this.pxe = undefined;
  }

  private async load(uris: readonly string[]): Promise<{ files: DeployFile[]; prepared: Prepared }> {
    // The arguments come from the client: check their shape before trusting the type.
    const given: unknown = uris;
    if (!Array.isArray(given) || given.length === 0 || !given.every((u) => typeof u === 'string')) throw new DeployError('usage', 'no files given');
    const files = await readDeployFiles(uris, this.options.openDocuments(), this.options.workspaceFolders());
    const prepared = prepareDeploy(files, await this.options.checkOptions(uris[0]));
    return { files, prepared };
  }

  private refuseFindings(prepared: Prepared, force: boolean): void {
    const errors = prepared.validation.errors;
    if (errors > 0 && !force) throw new DeployError('refused', `${errors} error finding${errors === 1 ? '' : 's'} in the files: fix ${errors === 1 ? 'it' : 'them'}, or deploy anyway`);
  }

  private async prepareCommand(args: DeployPrepareArgs): Promise<DeployPrepareResult> {
    const { files, prepared } = await this.load(args.uris);
    const { selection, validation } = prepared;
    return {
      ok: true,
      kind: selection.kind,
      files: files.map((f) => f.path),
      objects: selection.kind === 'manifests' ? selection.objects.length : 0,
      errors: validation.errors,
      warnings: validation.warnings,
      findings: formatFindings(validation).slice(0, MAX_FINDINGS_SENT),
      ...(selection.kind === 'harvester-pxe' ? { configHasIso: configIsoUrl(selection.config.text) !== undefined } : {}),
    };
  }

  private contexts(args: DeployContextsArgs): DeployContextsResult {
    const { loadKubeconfig } = clusterCode();
    const loaded = loadKubeconfig(args.kubeconfig || undefined);
    return {
      ok: true,
      source: loaded.source,
      ...(loaded.current ? { current: loaded.current } : {}),
      contexts: loaded.contexts.map((c) => ({ name: c.name, server: c.server, ...(c.namespace ? { namespace: c.namespace } : {}) })),
    };
  }

  private async plan(args: DeployPlanArgs, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<DeployPlanResult> {
    progress.begin('OneNode deploy', undefined, 'Checking the files', true);
    try {
      const { files, prepared } = await this.load(args.uris);
      this.refuseFindings(prepared, args.forceFindings);
      if (prepared.selection.kind !== 'manifests') throw new DeployError('usage', 'these files are not Kubernetes manifests');
      const { connect, planDeploy, planChangesSomething } = clusterCode();
      const { target, cluster } = connect({ kubeconfig: args.kubeconfig || undefined, context: args.context || undefined });
      progress.report(`Planning against ${target.context}`);
      // Cancel in the editor stops the dry runs; the client discards whatever comes back.
      const { objects } = prepared.selection;
      const planned = await withAbortSignal(token, (signal) =>
        planDeploy(objects, cluster, {
          force: args.forceConflicts,
          signal,
          onProgress: (message) => {
            if (!signal.aborted) progress.report(message);
          },
        }),
      );
      const planId = randomUUID();
      this.forgetOldPlans();
      this.plans.set(planId, { uris: args.uris, digest: digestOf(files), planned, cluster, forceConflicts: args.forceConflicts, madeAt: Date.now() });
      return { ok: true, planId, plan: planned.plan, text: formatPlan(planned.plan), changes: planChangesSomething(planned.plan) };
    } finally {
      progress.done();
    }
  }

  private forgetOldPlans(): void {
    for (const [id, stored] of this.plans) if (Date.now() - stored.madeAt > PLAN_LIFETIME_MS) this.plans.delete(id);
  }

  private async apply(args: DeployApplyArgs, progress: WorkDoneProgressReporter): Promise<DeployApplyResult> {
    this.forgetOldPlans();
    const stored = this.plans.get(args.planId);
    if (!stored) throw new DeployError('refused', 'this plan is unknown or too old: plan again');
    // A plan is applied once.
    this.plans.delete(args.planId);
    if (!stored.planned.plan.applicable) throw new DeployError('refused', 'the plan has problems: nothing was applied');
    const files = await readDeployFiles(stored.uris, this.options.openDocuments(), this.options.workspaceFolders());
    if (digestOf(files) !== stored.digest) throw new DeployError('refused', 'the files changed since the plan: plan again');
    const { applyAndWait, reportFailed } = clusterCode();
    progress.begin('OneNode deploy', 0, `Applying to ${stored.cluster.target.context}`, false);
    try {
      const total = stored.planned.objects.length;
      let applied = 0;
      const report = await applyAndWait(stored.planned, stored.cluster, {
        forceConflicts: stored.forceConflicts,
        wait: args.wait,
        timeoutMs: args.timeoutSeconds ? args.timeoutSeconds * 1000 : DEFAULT_WAIT_TIMEOUT_MS,
        onProgress: (message, stage) => {
          if (stage === 'applied') applied++;
          progress.report(Math.round((applied / Math.max(1, total)) * 100), message);
        },
      });
      return { ok: true, report, text: formatReport(report), failed: reportFailed(report) };
    } finally {
      progress.done();
    }
  }

  private async startPxe(args: PxeStartArgs): Promise<PxeStartResult> {
    if (this.pxe) throw new DeployError('usage', `a PXE server is already running (${this.pxe.scriptUrl}): stop it first`);
    const { prepared } = await this.load([args.uri]);
    this.refuseFindings(prepared, args.forceFindings);
    if (prepared.selection.kind !== 'harvester-pxe') throw new DeployError('usage', 'this file is not a Harvester install config');
    const config = prepared.selection.config;
    requireIso(config.text, args.iso || undefined, fileName(config));
    this.pxe = await startPxeServer({
      host: args.host,
      port: args.port,
      publicUrl: args.publicUrl || undefined,
      config: { text: config.text, name: fileName(config) },
      artifacts: { kernel: args.kernel, initrd: args.initrd, rootfs: args.rootfs, ...(args.iso ? { iso: args.iso } : {}) },
      extraArgs: args.extraArgs ?? [],
      onRequest: (entry) => void this.options.connection.sendNotification(PXE_REQUEST_NOTIFICATION, entry),
    });
    return { ok: true, scriptUrl: this.pxe.scriptUrl, configUrl: this.pxe.configUrl, script: this.pxe.script, files: this.pxe.files };
  }

  private async stopPxe(): Promise<{ ok: true; stopped: boolean }> {
    const running = this.pxe !== undefined;
    await this.dispose();
    return { ok: true, stopped: running };
  }

  private async prepareInstaller(args: InstallerPrepareArgs): Promise<InstallerPrepareResult> {
    const { prepared } = await this.load(args.uris);
    this.refuseFindings(prepared, args.forceFindings);
    const selection = prepared.selection;
    if (selection.kind !== 'openshift-installer' && selection.kind !== 'kubev-installer') throw new DeployError('usage', 'these files are not an install-config, agent-config or KubeVCluster');
    const kind = selection.kind === 'openshift-installer' ? 'openshift' : 'kubev';
    const executable = await findInstaller(kind, args.installerPath || undefined);
    const assetDir = await createAssetDir(args.assetDirectory || undefined, kind);
    const invocation =
      selection.kind === 'openshift-installer'
        ? await openshiftInvocation(executable, { installConfig: selection.installConfig, ...(selection.agentConfig ? { agentConfig: selection.agentConfig } : {}) }, assetDir)
        : await kubevInvocation(executable, selection.cluster, assetDir);
    return { ok: true, installer: kind, ...invocation, commandLine: describeInvocation(invocation) };
  }
}
