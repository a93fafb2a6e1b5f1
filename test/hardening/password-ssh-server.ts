/**
 * An SSH server (ssh2's, in this process) that offers password authentication and refuses every
 * attempt, recording the passwords it was sent: proof that a typed password really left the
 * client, so finding it nowhere in the logs means something.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Server } from 'ssh2';
import { listenOnLoopback } from '../helpers/ports';

export interface PasswordSshServer {
  port: number;
  received: string[];
  stop(): Promise<void>;
}

export async function startPasswordSshServer(dir: string): Promise<PasswordSshServer> {
  const hostKey = join(dir, 'password_server_host_key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'onenode-test', '-f', hostKey], { stdio: 'ignore' });
  const received: string[] = [];
  const server = new Server({ hostKeys: [readFileSync(hostKey)] }, (client) => {
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password') received.push(ctx.password);
      // Keys are refused too, so the client falls back to the password.
      ctx.reject(['password']);
    });
    client.on('error', () => undefined);
  });
  const port = await listenOnLoopback(server);
  return { port, received, stop: () => new Promise<void>((done) => server.close(() => done())) };
}
