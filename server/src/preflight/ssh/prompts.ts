/** What an SSH connection may ask the person running preflight; the CLI and the editor each answer it their own way. */
export interface HostKeyQuestion {
  host: string;
  port: number;
  keyType: string;
  fingerprint: string;
  knownHostsFile: string;
}

export interface SecretQuestion {
  kind: 'password' | 'passphrase';
  /** "Password for root@host:2222" or "Passphrase for ~/.ssh/id_ed25519". */
  message: string;
}

export interface SshPrompts {
  /** Whether to trust a host key that known_hosts does not list. Answering true records it there. */
  confirmHostKey(question: HostKeyQuestion): Promise<boolean>;
  /** A password or key passphrase, typed by the person; undefined to stop asking. Never stored. */
  askSecret(question: SecretQuestion): Promise<string | undefined>;
}

/** For non-interactive runs: unknown hosts are refused, no password is asked for. */
export const NO_PROMPTS: SshPrompts = {
  confirmHostKey: () => Promise.resolve(false),
  askSecret: () => Promise.resolve(undefined),
};
