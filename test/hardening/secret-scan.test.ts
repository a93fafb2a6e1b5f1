/** The secret scanner the preflight and deploy tests rely on: it finds every form, and never repeats the secret. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoSecrets, findSecrets } from '../helpers/secret-scan';

const PASSWORD = 'hunter2 "quoted" & more';
const KEY = ['-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', 'QyNTUxOQAAACDxLwzLQ4+6d0fm8Wq2v3dJ5yE9mY0aO0pX7vY5oVt3TgAAAJg8Y0xvPGNM', '-----END OPENSSH PRIVATE KEY-----', ''].join('\n');
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.payload.signature-0123456789';

describe('secret scan', () => {
  it('finds a secret as is, JSON-escaped, base64- and URL-encoded, and a private key line by line', () => {
    const forms = (text: string) => findSecrets(text, [PASSWORD, KEY, TOKEN]).map((l) => l.form);
    assert.deepEqual(forms(`login with ${PASSWORD} failed`), ['plain']);
    assert.deepEqual(forms(JSON.stringify({ password: PASSWORD })), ['json']);
    assert.deepEqual(forms(`Authorization: Basic ${Buffer.from(PASSWORD).toString('base64')}`), ['base64']);
    assert.deepEqual(forms(`https://user:${encodeURIComponent(PASSWORD)}@host/`), ['url']);
    assert.deepEqual(forms(`Error: bad key near QyNTUxOQAAACDxLwzLQ4+6d0fm8Wq2v3dJ5yE9mY0aO0pX7vY5oVt3TgAAAJg8Y0xvPGNM at line 3`), ['line 3']);
    assert.deepEqual(forms(`Authorization: Bearer ${TOKEN}`), ['plain']);
  });

  it('passes text without secrets, PEM armour included', () => {
    assert.doesNotThrow(() => assertNoSecrets('-----BEGIN OPENSSH PRIVATE KEY----- is a header; hunter2 alone is not the password', [PASSWORD, KEY, TOKEN], 'log'));
  });

  it('fails on a leak without repeating the secret in its message', () => {
    assert.throws(
      () => assertNoSecrets(`debug: password=${PASSWORD}; token ${TOKEN}`, [PASSWORD, TOKEN], 'the server log'),
      (error: Error) => /the server log contains 2 occurrence/.test(error.message) && !error.message.includes(PASSWORD) && !error.message.includes(TOKEN) && error.message.includes('***'),
    );
  });

  it('refuses secrets too short to scan for without false alarms', () => {
    assert.throws(() => findSecrets('anything', ['abc']), /at least 8 characters/);
  });
});
