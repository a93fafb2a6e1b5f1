/** Cancelling preflight: the run stops where it is, says it was cancelled, and closes what it opened. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PreflightError } from '../../server/src/preflight/host';
import { runPreflight } from '../../server/src/preflight/run';
import { startSilentServer } from './helpers/sshd';

async function cancelledWhen(onProgress: (message: string, cancel: () => void) => void, target: Parameters<typeof runPreflight>[0]['target'] = { kind: 'local' }) {
  const controller = new AbortController();
  const messages: string[] = [];
  const started = Date.now();
  try {
    await runPreflight({
      target,
      platforms: ['kubernetes'],
      environments: ['test'],
      timeoutMs: 30_000,
      signal: controller.signal,
      onProgress: (message) => {
        messages.push(message);
        onProgress(message, () => controller.abort());
      },
    });
  } catch (error) {
    assert.ok(error instanceof PreflightError, String(error));
    return { code: error.code, messages, ms: Date.now() - started };
  }
  return { code: 'finished', messages, ms: Date.now() - started };
}

describe('cancelling preflight', () => {
  it('stops in the middle of reading this machine', async () => {
    const result = await cancelledWhen((message, cancel) => {
      if (message.startsWith('Reading disks')) cancel();
    });
    assert.equal(result.code, 'cancelled');
    assert.ok(!result.messages.includes('Evaluating'), result.messages.join(' | '));
  });

  it('stops waiting on a host that accepted the connection but never answers, long before its timeout', async () => {
    const silent = await startSilentServer();
    try {
      const result = await cancelledWhen(
        (message, cancel) => {
          if (message.startsWith('Connecting')) setTimeout(cancel, 200);
        },
        { kind: 'ssh', host: '127.0.0.1', port: silent.port, user: 'nobody', identityFiles: [], useAgent: false, sshConfigPath: '/nonexistent/onenode-ssh-config' },
      );
      assert.equal(result.code, 'cancelled');
      assert.ok(result.ms < 5_000, `${result.ms} ms: the 30 s connect timeout, not the cancel, ended it`);
    } finally {
      await silent.stop();
    }
  });
});
