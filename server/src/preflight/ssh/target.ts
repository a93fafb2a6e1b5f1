/** `user@host[:port]` as typed on the command line or in the picker, including `[v6::addr]:port`. */
export interface SshTarget {
  user?: string;
  host: string;
  port?: number;
}

export function parseTarget(text: string): SshTarget {
  const trimmed = text.trim();
  const at = trimmed.lastIndexOf('@');
  const user = at > 0 ? trimmed.slice(0, at) : undefined;
  const rest = at >= 0 ? trimmed.slice(at + 1) : trimmed;
  let host = rest;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest);
  if (bracketed) {
    host = bracketed[1];
    portText = bracketed[2];
  } else if ((rest.match(/:/g) ?? []).length === 1) {
    [host, portText] = rest.split(':');
  }
  if (!host || /\s/.test(host) || host.startsWith('-')) throw new Error(`"${text}" is not a host: use user@host or user@host:port`);
  if (user !== undefined && (!user || /[\s:]/.test(user) || user.startsWith('-'))) throw new Error(`"${text}" has an invalid user name`);
  let port: number | undefined;
  if (portText !== undefined) {
    port = Number(portText);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`"${portText}" is not a port number (1-65535)`);
  }
  return { user, host, port };
}

export function formatTarget(user: string, host: string, port: number): string {
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `${user}@${shownHost}${port === 22 ? '' : `:${port}`}`;
}
