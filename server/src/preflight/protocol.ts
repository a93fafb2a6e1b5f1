/**
 * The preflight messages between the editor and the language server. No imports that carry code,
 * so the client can share these names and shapes without bundling server code.
 */
import type { Environment, Platform } from '../engine/types';
import type { HostKeyQuestion, SecretQuestion } from './ssh/prompts';
import type { PreflightReport } from './types';

/** workspace/executeCommand ids the server offers. */
export const RUN_PREFLIGHT_COMMAND = 'onenode.server.runPreflight';
export const PREFLIGHT_HOSTS_COMMAND = 'onenode.server.preflightHosts';
export const PREFLIGHT_SERVER_COMMANDS = [RUN_PREFLIGHT_COMMAND, PREFLIGHT_HOSTS_COMMAND];

/** Server → client requests, answered by the person. */
export const CONFIRM_HOST_KEY_REQUEST = 'onenode/preflight/confirmHostKey';
export const ASK_SECRET_REQUEST = 'onenode/preflight/askSecret';
/** Client → server notification when the person trusts the workspace. */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'onenode/workspaceTrusted';

export interface RunPreflightArgs {
  /** 'local', or user@host[:port] / an ~/.ssh/config alias. */
  target: string;
  identityFile?: string;
  platform?: Platform | 'all' | 'auto';
  environment?: Environment | 'all';
  /** The document to read install device and interfaces from; else any open Harvester config or agent-config. */
  configUri?: string;
  diskLatencyPath?: string;
}

export type RunPreflightResult = { ok: true; report: PreflightReport; markdown: string } | { ok: false; code: string; message: string };

export type { HostKeyQuestion, SecretQuestion, PreflightReport };
