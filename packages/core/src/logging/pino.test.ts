import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { seeded } from '../detectors/secrets/fixtures.js';
import { logRedactor, pinoRedaction } from './log-redactor.js';
import { redactPaths } from './redact-paths.js';

// Fake credentials built at run time from a seeded generator.
const random = seeded(3);
const AN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = `ghp_${Array.from({ length: 36 }, () => AN[Math.floor(random() * AN.length)]).join('')}`;
const pemBody = Array.from({ length: 128 }, () => AN[Math.floor(random() * AN.length)]).join('');

function capture(options: Parameters<typeof pinoRedaction>[0] = {}) {
  const lines: string[] = [];
  const logger = pino({ ...pinoRedaction(options), base: undefined, timestamp: false }, { write: (chunk: string) => lines.push(chunk) });
  return { logger, lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>), raw: () => lines.join('') };
}

describe('pinoRedaction()', () => {
  it('redacts credentials and personal data in message strings', () => {
    const { logger, lines, raw } = capture();
    logger.info(`user robin.example@example.invalid pasted ${token} and called (212) 555-0148`);
    expect(raw()).not.toContain(token);
    expect(raw()).not.toContain('robin.example@example.invalid');
    expect(lines()[0]?.msg).toBe('user [REDACTED_EMAIL] pasted [REDACTED_SECRET] and called [REDACTED_PHONE]');
  });

  it('redacts interpolation arguments and strings inside logged objects', () => {
    const { logger, raw } = capture();
    logger.info({ event: 'prompt', detail: { text: `key=${token}` }, list: ['robin.example@example.invalid'] }, 'got %s', `-----BEGIN PRIVATE KEY-----\n${pemBody}\n-----END PRIVATE KEY-----`);
    expect(raw()).not.toContain(token);
    expect(raw()).not.toContain('robin.example@example.invalid');
    expect(raw()).not.toContain(pemBody);
  });

  it('censors credential headers and prompt bodies by path', () => {
    const { logger, lines } = capture();
    logger.info({ req: { method: 'POST', headers: { authorization: 'Bearer anything', 'x-api-key': 'anything', accept: 'application/json' }, body: { model: 'm', messages: [{ role: 'user', content: 'hi' }] } } });
    const req = lines()[0]?.req as { headers: Record<string, string>; body: Record<string, unknown> };
    expect(req.headers.authorization).toBe('[REDACTED]');
    expect(req.headers['x-api-key']).toBe('[REDACTED]');
    expect(req.headers.accept).toBe('application/json');
    expect(req.body.messages).toBe('[REDACTED]');
    expect(req.body.model).toBe('m');
  });

  it('redacts error messages and stacks', () => {
    const { logger, raw } = capture();
    logger.error(new Error(`connect failed for postgres://app:S3cretPassw0rd!@db.internal/app`));
    expect(raw()).not.toContain('S3cretPassw0rd!');
  });

  it('leaves ordinary log lines alone', () => {
    const { logger, lines } = capture();
    logger.info({ status: 200, path: '/v1/chat/completions' }, 'request done in 12 ms');
    expect(lines()[0]).toMatchObject({ status: 200, path: '/v1/chat/completions', msg: 'request done in 12 ms' });
  });
});

describe('logRedactor()', () => {
  it('can skip PII, cut huge lines, and use another operator', () => {
    const onlySecrets = logRedactor({ pii: false });
    expect(onlySecrets(`mail robin.example@example.invalid ${token}`)).toBe('mail robin.example@example.invalid [REDACTED_SECRET]');
    const cut = logRedactor({ maxLength: 10 });
    expect(cut('abcdefghijklmnop')).toBe('abcdefghij…[truncated]');
  });
});

describe('redactPaths()', () => {
  it('covers headers and bodies and takes extra paths', () => {
    const paths = redactPaths({ extra: ['user.ssn'] });
    expect(paths).toContain('req.headers["authorization"]');
    expect(paths).toContain('res.headers["set-cookie"]');
    expect(paths).toContain('req.body.messages');
    expect(paths).toContain('user.ssn');
    expect(redactPaths({ bodies: false })).not.toContain('req.body.messages');
  });
});
