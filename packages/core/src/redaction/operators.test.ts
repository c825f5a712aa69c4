import { describe, expect, it } from 'vitest';
import { piiDetector } from '../detectors/pii/pii-detector.js';
import { secret } from '../secrets/secret.js';
import { entityOf } from './entity.js';
import { hmacSha256 } from './hmac-sha256.js';
import { custom, hash, label, mask, remove } from './operators.js';
import { redactText } from './redact-text.js';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('entityOf()', () => {
  it.each([
    ['pii.email', 'EMAIL'],
    ['pii.ip-address.private', 'IP_ADDRESS'],
    ['pii.person-name', 'PERSON_NAME'],
    ['secret.github-pat', 'SECRET'],
    ['custom.patterns', 'CUSTOM'],
  ])('%s -> %s', (kind, entity) => expect(entityOf(kind)).toBe(entity));
});

describe('hmacSha256()', () => {
  it('matches the RFC 4231 test case 2', () => {
    expect(hex(hmacSha256('Jefe', 'what do ya want for nothing?'))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
  it('hashes keys longer than the block size first (RFC 4231 test case 6)', () => {
    const key = new Uint8Array(131).fill(0xaa);
    expect(hex(hmacSha256(key, 'Test Using Larger Than Block-Size Key - Hash Key First'))).toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
  });
});

describe('operators', () => {
  it('label names the entity', () => {
    expect(label()('pii.email', 'jane@example.org')).toBe('[REDACTED_EMAIL]');
    expect(label({ format: (e) => `<${e}>` })('secret.jwt', 'x')).toBe('<SECRET>');
  });

  it.each([
    ['keeps the last four of a card, separators in place', {}, '4111 2222 3333 4444', '**** **** **** 4444'],
    ['masks a short value entirely', { keep: 4 }, '7610293', '*******'],
    ['masks everything with keep 0', { keep: 0, char: '#' }, 'abc-def', '###-###'],
    ['can mask separators too', { keep: 2, keepSeparators: false }, '12-34-56', '******56'],
  ])('mask %s', (_title, options, value, expected) => {
    expect(mask(options)('pii.credit-card', value)).toBe(expected);
  });

  it('hash is keyed, deterministic and truncated', () => {
    const h = hash({ key: secret('k1') });
    const a = h('pii.email', 'jane@example.org');
    expect(a).toMatch(/^\[EMAIL:[0-9a-f]{16}\]$/);
    expect(h('pii.email', 'jane@example.org')).toBe(a);
    expect(hash({ key: 'k2' })('pii.email', 'jane@example.org')).not.toBe(a);
    expect(hash({ key: 'k1', length: 8 })('pii.email', 'x')).toMatch(/^\[EMAIL:[0-9a-f]{8}\]$/);
    expect(() => hash({ key: '' })).toThrow(/non-empty "key"/);
  });

  it('remove and custom', () => {
    expect(remove()('secret.jwt', 'abc')).toBe('');
    expect(custom((kind) => `{${kind}}`)('pii.email', 'x')).toBe('{pii.email}');
    expect(() => custom('x' as never)).toThrow(TypeError);
  });
});

describe('redactText()', () => {
  const text = 'Mail jane@example.org or call (212) 555-0148, card 4529 3810 6711 2233.';
  const matches = piiDetector({ entities: ['email', 'phone', 'credit-card'] }).detect(text);

  it.each([
    ['label', label()],
    ['mask', mask({ keep: 0 })],
    ['hash', hash({ key: 'test-key' })],
    ['remove', remove()],
  ])('%s leaves no matched value in the text', (_name, op) => {
    const out = redactText(text, matches, op);
    for (const m of matches) expect(out).not.toContain(text.slice(m.start, m.end));
  });

  it('writes labels in place', () => {
    expect(redactText(text, matches, label())).toBe('Mail [REDACTED_EMAIL] or call [REDACTED_PHONE], card [REDACTED_CREDIT_CARD].');
  });
});
