import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LlmGuardConfigError } from '../errors.js';
import { loadSecrets, secretFormats } from './load-secrets.js';
import { isSecret, secret } from './secret.js';

// Built at run time so no credential-shaped literal sits in the source.
const fakeOpenAiKey = `sk-proj-${'Ab3'.repeat(20)}`;

describe('secret()', () => {
  const key = secret(fakeOpenAiKey);

  it.each([
    ['String()', () => String(key)],
    ['a template literal', () => `${key}`],
    ['concatenation', () => 'k=' + key],
    ['JSON.stringify', () => JSON.stringify({ key })],
    ['util.inspect', () => inspect({ nested: { key } })],
    ['Object.keys / spread', () => JSON.stringify({ ...key })],
  ])('never prints the value through %s', (_title, print) => {
    expect(print()).not.toContain(fakeOpenAiKey);
  });

  it('prints a mask and reveals on request', () => {
    expect(String(key)).toBe('[secret]');
    expect(inspect(key)).toBe('[secret]');
    expect(secret('x', { mask: '***' }).toString()).toBe('***');
    expect(key.reveal()).toBe(fakeOpenAiKey);
    expect(isSecret(key)).toBe(true);
    expect(isSecret(fakeOpenAiKey)).toBe(false);
    expect(Object.isFrozen(key)).toBe(true);
  });
});

describe('loadSecrets()', () => {
  it('reads and validates variables into secrets', () => {
    const s = loadSecrets({ OPENAI_API_KEY: secretFormats.openaiApiKey, REDIS_URL: secretFormats.redisUrl.optional() }, { env: { OPENAI_API_KEY: fakeOpenAiKey } });
    expect(s.OPENAI_API_KEY.reveal()).toBe(fakeOpenAiKey);
    expect(s.REDIS_URL).toBeUndefined();
    expect(JSON.stringify(s)).not.toContain(fakeOpenAiKey);
  });

  it('names every bad variable, never its value', () => {
    const wrong = `not-a-key-${'Q9'.repeat(10)}`;
    let error: unknown;
    try {
      loadSecrets({ OPENAI_API_KEY: secretFormats.openaiApiKey, ANTHROPIC_API_KEY: secretFormats.anthropicApiKey, CUSTOM: z.string().min(40) }, { env: { OPENAI_API_KEY: wrong, CUSTOM: 'short' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LlmGuardConfigError);
    const message = (error as Error).message;
    expect(message).toContain('OPENAI_API_KEY has the wrong format (expected an OpenAI key');
    expect(message).toContain('ANTHROPIC_API_KEY is not set');
    expect(message).toContain('CUSTOM has the wrong format');
    expect(message).not.toContain(wrong);
    expect(message).not.toContain('short');
  });
});
