import { describe, expect, it } from 'vitest';
import { SECRET_RULES } from './catalogue.js';
import { catalogueFixtures } from './fixtures.js';
import { secretsDetector } from './secrets-detector.js';
import { SPECIAL_RULES } from './special-rules.js';

const allIds = [...SECRET_RULES.map((r) => r.id), ...SPECIAL_RULES.map((r) => r.id)];
const fixtures = catalogueFixtures(SECRET_RULES);

describe('SECRET_RULES', () => {
  it('holds at least 150 provider formats with unique kebab-case ids', () => {
    expect(allIds.length).toBeGreaterThanOrEqual(150);
    expect(new Set(allIds).size).toBe(allIds.length);
    for (const id of allIds) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it.each(SECRET_RULES.map((r) => [r.id, r] as const))('%s is a complete, frozen data row', (_id, rule) => {
    expect(Object.isFrozen(rule)).toBe(true);
    expect(rule.description.length).toBeGreaterThan(5);
    expect(rule.reference).toMatch(/^https:\/\//);
    expect(rule.keywords.length).toBeGreaterThan(0);
    for (const k of rule.keywords) expect(k).toBe(k.toLowerCase());
    expect((rule.pattern === undefined) !== (rule.value === undefined)).toBe(true);
  });

  it('has a fixture row for every rule', () => {
    expect(fixtures.map((f) => f.rule)).toEqual(SECRET_RULES.map((r) => r.id));
  });
});

describe.each(fixtures)('rule $rule', (fixture) => {
  // The rule alone, so a format shared with another rule cannot hide a miss.
  const only = secretsDetector({ exclude: allIds.filter((id) => id !== fixture.rule), generic: false });
  const kind = `secret.${fixture.rule}`;

  it.each(fixture.tp)('finds the fake credential in %j', (text) => {
    const found = only.detect(text).filter((m) => m.kind === kind);
    expect(found).toHaveLength(1);
    const [m] = found;
    // The finding covers the secret, not the key or the surrounding text.
    expect(text.slice(m!.start, m!.end)).not.toMatch(/^(?:config value|UNRELATED|short)/);
  });

  it.each(fixture.fp)('does not fire on the near miss %j', (text) => {
    expect(only.detect(text).filter((m) => m.kind === kind)).toEqual([]);
  });
});

describe('secretsDetector()', () => {
  const detector = secretsDetector();

  it('flags every fixture credential with the full catalogue', () => {
    for (const f of fixtures) for (const text of f.tp) expect(detector.detect(text).length, `${f.rule}: ${text}`).toBeGreaterThan(0);
  });

  it('reports nothing for ordinary prose that mentions keys and tokens', () => {
    const prose = 'To rotate your API key, open the dashboard and create a new token. The secret is to keep your password long; never share the key: it is yours.';
    expect(detector.detect(prose)).toEqual([]);
  });

  it('lists the ids it runs, and leaves out excluded rules and the generic detector', () => {
    const d = secretsDetector({ exclude: ['jwt', 'github-pat'], generic: false });
    expect(d.ruleIds).not.toContain('jwt');
    expect(d.ruleIds).not.toContain('github-pat');
    expect(d.ruleIds).not.toContain('generic');
    expect(detector.ruleIds).toContain('generic');
  });

  it('accepts extra rules in the catalogue row format and rejects malformed ones', () => {
    const d = secretsDetector({ rules: [{ id: 'acme-token', description: 'ACME token', reference: 'https://example.invalid', keywords: ['acme_'], pattern: /acme_[a-f0-9]{24}/ }] });
    expect(d.detect(`token acme_${'ab12'.repeat(6)} end`).map((m) => m.kind)).toContain('secret.acme-token');
    expect(() => secretsDetector({ rules: [{ id: 'broken', description: 'x', reference: 'x', keywords: ['x'] }] })).toThrow(/exactly one of "pattern" or "value"/);
    expect(() => secretsDetector({ rules: [SECRET_RULES[0]!] })).toThrow(/duplicate rule id/);
  });

  it('stays linear on adversarial input (these complete within the test timeout)', () => {
    const inputs = ['1'.repeat(1e6), 'a@'.repeat(5e5), 'A'.repeat(1e6), 'key='.repeat(2.5e5), 'token: '.repeat(1.4e5), `ghp_${'a'.repeat(1e6)}`, 'eyJ'.repeat(3e5), `-----BEGIN PRIVATE KEY-----${'A'.repeat(1e6)}`];
    for (const input of inputs) expect(Array.isArray(detector.detect(input))).toBe(true);
  });
});
