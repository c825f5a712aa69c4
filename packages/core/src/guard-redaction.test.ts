import { describe, expect, it } from 'vitest';
import { LlmGuardConfigError } from './errors.js';
import { createGuard } from './guard.js';
import { memoryVault } from './redaction/vault.js';
import type { AllowDecision, Decision } from './types.js';

const route = '/v1/chat/completions';
// Built at run time so the repository holds no token-shaped literal.
const FAKE_GITHUB_TOKEN = ['ghp', '_', 'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dF3gH5'].join('');
const chat = (...contents: string[]) => ({ model: 'm', messages: contents.map((content, i) => ({ role: i % 2 ? 'assistant' : 'user', content })) });
const textsOf = (d: Decision) => ((d as AllowDecision).body as ReturnType<typeof chat>).messages.map((m) => m.content);

function allowed(d: Decision): AllowDecision {
  if (!d.allowed) throw new Error(`denied: ${d.code}`);
  return d;
}

describe('secrets (on by default)', () => {
  it('replaces a credential with a label before the model sees it, and never records the value', async () => {
    const d = allowed(await createGuard().check({ route, body: chat(`deploy with token ${FAKE_GITHUB_TOKEN} please`) }));
    expect(textsOf(d)).toEqual(['deploy with token [REDACTED_SECRET] please']);
    expect(d.findings.map((f) => [f.ruleId, f.action])).toEqual([['secrets', 'redact']]);
    expect(JSON.stringify(d.findings)).not.toContain(FAKE_GITHUB_TOKEN.slice(4));
  });
  it('can block instead, or be turned off', async () => {
    expect((await createGuard({ secrets: { action: 'block' } }).check({ route, body: chat(FAKE_GITHUB_TOKEN) })).allowed).toBe(false);
    expect(textsOf(await createGuard({ secrets: false }).check({ route, body: chat(FAKE_GITHUB_TOKEN) }))).toEqual([FAKE_GITHUB_TOKEN]);
  });
  it('masks or hashes with the configured operator; hash needs a key', async () => {
    const masked = textsOf(await createGuard({ secrets: { operator: 'mask' } }).check({ route, body: chat(FAKE_GITHUB_TOKEN) }))[0];
    expect(masked).toMatch(/^\*{36}3gH5$/);
    const hashed = textsOf(await createGuard({ secrets: { operator: 'hash' }, redaction: { hashKey: 'a-long-enough-test-key' } }).check({ route, body: chat(FAKE_GITHUB_TOKEN) }))[0];
    expect(hashed).toMatch(/^\[SECRET:[0-9a-f]{16}\]$/);
    expect(() => createGuard({ secrets: { operator: 'hash' } })).toThrow(LlmGuardConfigError);
    expect(() => createGuard({ secrets: { operator: 'hash' } })).toThrow(/"redaction\.hashKey"/);
  });
});

describe('pii with pseudonymization', () => {
  const guard = createGuard({ pii: { operator: 'pseudonymize' }, redaction: { vault: memoryVault() } });

  it('gives the same value the same placeholder across messages and keeps secrets out of placeholders', async () => {
    const d = allowed(
      await guard.check({ route, body: chat('I am jane.doe@example.com', 'Noted.', `Write to jane.doe@example.com or bob@example.org, key ${FAKE_GITHUB_TOKEN}`) }),
    );
    expect(textsOf(d)).toEqual(['I am <EMAIL_1>', 'Noted.', 'Write to <EMAIL_1> or <EMAIL_2>, key [REDACTED_SECRET]']);
  });

  it('restores allowed placeholders in the answer, whole and streamed, but never card numbers', async () => {
    const card = '4111 1111 1111 1111';
    const d = allowed(await guard.check({ route, body: chat(`Email jane.doe@example.com about card ${card}`) }));
    expect(textsOf(d)).toEqual(['Email <EMAIL_1> about card <CREDIT_CARD_1>']);
    const out = guard.output(d.format, d.restore);
    const answer = { choices: [{ index: 0, message: { role: 'assistant', content: 'Sent to <EMAIL_1> for <CREDIT_CARD_1>.' } }] };
    expect((out.json(answer) as typeof answer).choices[0]?.message.content).toBe('Sent to jane.doe@example.com for <CREDIT_CARD_1>.');
    const s = out.stream('sse');
    const events = ['Sent to <EMA', 'IL_', '1> for <CREDIT_CARD_1>.'].map((c) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: c }, finish_reason: null }] })}\n\n`);
    const streamed = events.map((e) => s.push(e)).join('') + s.push('data: [DONE]\n\n') + s.end();
    const text = streamed
      .split('\n\n')
      .filter((b) => b.startsWith('data: {'))
      .map((b) => JSON.parse(b.slice(6)).choices[0].delta.content)
      .join('');
    expect(text).toBe('Sent to jane.doe@example.com for <CREDIT_CARD_1>.');
  });

  it('keeps the conversation consistent across requests (same vault, same opening)', async () => {
    const first = allowed(await guard.check({ route, body: chat('Hi, I am bob@example.org') }));
    const second = allowed(await guard.check({ route, body: chat('Hi, I am bob@example.org', 'Hello <EMAIL_1>!', 'Also cc alice@example.net') }));
    expect(textsOf(first)).toEqual(['Hi, I am <EMAIL_1>']);
    expect(textsOf(second)).toEqual(['Hi, I am <EMAIL_1>', 'Hello <EMAIL_1>!', 'Also cc <EMAIL_2>']);
  });

  it('labels instead when asked, with nothing to restore', async () => {
    const d = allowed(await createGuard({ pii: { operator: 'label' } }).check({ route, body: chat('mail jane.doe@example.com') }));
    expect(textsOf(d)).toEqual(['mail [REDACTED_EMAIL]']);
    expect(d.restore).toBeUndefined();
  });
});
