import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRedactions } from './apply-redactions.js';

describe('applyRedactions', () => {
  it('replaces spans in any order and merges overlaps deterministically', () => {
    const text = 'alice@example.com and 555-0100';
    expect(applyRedactions(text, [{ start: 22, end: 30, replacement: '[P]' }, { start: 0, end: 17, replacement: '[E]' }])).toBe('[E] and [P]');
    expect(applyRedactions('abcdef', [{ start: 1, end: 4, replacement: '[1]' }, { start: 2, end: 6, replacement: '[2]' }])).toBe('a[1]');
  });
  it('never leaks a redacted span, whatever other spans overlap it (property)', () => {
    // Secrets use letters that never occur around them, so any surviving secret letter is a leak.
    const secret = fc.string({ unit: fc.constantFrom('X', 'Y', 'Z'), minLength: 1, maxLength: 12 });
    const filler = fc.string({ unit: fc.constantFrom('a', 'b', ' '), maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, secret), { minLength: 1, maxLength: 4 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }), (parts, extra) => {
        let text = '';
        const spans = parts.map(([f, s]) => {
          text += f;
          const start = text.length;
          text += s;
          return { start, end: text.length, replacement: '#' };
        });
        const noise = extra.map(([a, b]) => ({ start: Math.min(a, b) % (text.length + 1), end: Math.max(a, b) % (text.length + 1), replacement: '#' }));
        expect(applyRedactions(text, [...noise, ...spans])).not.toMatch(/[XYZ]/);
      }),
      { numRuns: 300 },
    );
  });
});
