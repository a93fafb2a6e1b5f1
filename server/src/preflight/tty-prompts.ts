/**
 * SSH prompts in a terminal: the host key question as OpenSSH words it, and passwords read with
 * echo off. Without a terminal nothing is asked: unknown hosts are refused, no password is tried.
 */
import { NO_PROMPTS, type HostKeyQuestion, type SecretQuestion, type SshPrompts } from './ssh/prompts';

function readLine(question: string): Promise<string> {
  return new Promise((resolve) => {
    process.stderr.write(question);
    const onData = (chunk: Buffer) => {
      process.stdin.off('data', onData);
      process.stdin.pause();
      resolve(chunk.toString('utf8').split(/\r?\n/)[0]);
    };
    process.stdin.resume();
    process.stdin.on('data', onData);
  });
}

function readHidden(question: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    process.stderr.write(question);
    const stdin = process.stdin;
    let typed = '';
    const finish = (value: string | undefined) => {
      stdin.setRawMode(false);
      stdin.off('data', onData);
      stdin.pause();
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(typed);
        if (char === '\u0003' || char === '\u0004') return finish(undefined);
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

export function terminalPrompts(): SshPrompts {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return NO_PROMPTS;
  return {
    async confirmHostKey(q: HostKeyQuestion): Promise<boolean> {
      const name = q.port === 22 ? q.host : `[${q.host}]:${q.port}`;
      const answer = await readLine(
        `The authenticity of host '${name}' can't be established.\n${q.keyType} key fingerprint is ${q.fingerprint}.\nThis key is not known by any other names.\nAccept it and add it to ${q.knownHostsFile} (yes/no)? `,
      );
      return answer.trim().toLowerCase() === 'yes';
    },
    askSecret(q: SecretQuestion): Promise<string | undefined> {
      return readHidden(`${q.message}: `);
    },
  };
}
