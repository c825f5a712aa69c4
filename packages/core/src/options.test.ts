import { describe, expect, it } from 'vitest';
import { LlmGuardConfigError } from './errors.js';
import { createGuard } from './guard.js';

function configError(options: unknown): LlmGuardConfigError {
  try {
    createGuard(options as never);
  } catch (e) {
    if (e instanceof LlmGuardConfigError) return e;
    throw e;
  }
  throw new Error('expected LlmGuardConfigError');
}

describe('resolveOptions via createGuard', () => {
  it.each([
    { title: 'wrong type in a nested limit', options: { limits: { maxBodyBytes: 'big' } }, path: 'limits.maxBodyBytes', received: 'string "big"' },
    { title: 'negative limit', options: { limits: { maxMessages: -3 } }, path: 'limits.maxMessages', received: '-3' },
    { title: 'misspelled key', options: { limits: { maxBodyByte: 5 } }, path: 'limits', received: 'maxBodyByte' },
    { title: 'unknown format', options: { format: 'gpt' }, path: 'format', received: '"gpt"' },
    { title: 'rule that is not a rule', options: { rules: [{}] }, path: 'rules.0', received: 'object {}' },
    { title: 'deny pattern of the wrong type', options: { customPatterns: { deny: [5] } }, path: 'customPatterns.deny.0', received: 'number 5' },
    { title: 'unknown top-level option', options: { nope: true }, path: '(options)', received: 'nope' },
  ])('names the path, what was received and a fix: $title', ({ options, path, received }) => {
    const e = configError(options);
    expect(e.code).toBe('ERR_LLMGUARD_OPTIONS');
    expect(e.message).toContain(`"${path}"`);
    expect(e.message).toContain(received);
    expect(e.message).toMatch(/Fix: /);
  });

  it('detects the factory passed without being called (a request object as options)', () => {
    const e = configError({ method: 'POST', url: '/', headers: {} });
    expect(e.message).toMatch(/app\.use\(llmGuard\) instead of app\.use\(llmGuard\(\)\)/);
  });

  it('accepts no options and resolves documented defaults', () => {
    const { config } = createGuard();
    expect(config.limits).toEqual({ maxBodyBytes: 1_048_576, maxMessages: 256, maxCharsPerMessage: 100_000, maxTotalChars: 500_000, maxJsonDepth: 64 });
    expect([...config.scanRoles]).toEqual(['user', 'tool']);
    expect(config.output).toEqual([]);
    expect(config.requestIdHeader).toBe('x-request-id');
  });

  it('puts HTML escaping last in the output chain', () => {
    const custom = { id: 'output.test', maxMatchLength: 1, apply: (t: string) => t };
    const { config } = createGuard({ output: { escapeHtml: true, transforms: [custom] } });
    expect(config.output.map((t) => t.id)).toEqual(['output.test', 'output.escape-html']);
  });
});
