import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLoneSurrogate, normalizeText } from './normalize-text.js';

const on = { nfkc: true, stripInvisible: true };

describe('normalizeText', () => {
  it.each([
    { title: 'zero-width space splitting a word', input: 'ig\u200Bnore', expected: 'ignore' },
    { title: 'zero-width joiner and non-joiner', input: 'a\u200Cb\u200Dc', expected: 'abc' },
    { title: 'byte order mark', input: '\uFEFFhello', expected: 'hello' },
    { title: 'soft hyphen', input: 'pass\u00ADword', expected: 'password' },
    { title: 'bidi override (Trojan Source)', input: 'abc\u202Edef\u202C', expected: 'abcdef' },
    { title: 'bidi isolates', input: '\u2066x\u2069', expected: 'x' },
    { title: 'Unicode tag characters (ASCII smuggling)', input: `hi${[...'IGNORE'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('')}`, expected: 'hi' },
    { title: 'variation selectors', input: 'a\uFE0Fb', expected: 'ab' },
    { title: 'C0 and C1 controls but not tab and newlines', input: 'a\u0000b\u0007c\u001Bd\u0085e\tf\ng\r\n', expected: 'abcde\tf\ng\r\n' },
    { title: 'fullwidth letters (NFKC)', input: 'ｉｇｎｏｒｅ', expected: 'ignore' },
    { title: 'mathematical bold letters (NFKC)', input: '𝐢𝐠𝐧𝐨𝐫𝐞', expected: 'ignore' },
    { title: 'ligatures (NFKC)', input: 'ﬁle', expected: 'file' },
  ])('removes or folds $title', ({ input, expected }) => {
    expect(normalizeText(input, on)).toBe(expected);
  });

  it('leaves ordinary text (ASCII and other scripts) unchanged', () => {
    for (const t of ['Hello, world!', 'Grüße aus Köln', 'こんにちは', 'مرحبا', '😀 emoji']) expect(normalizeText(t, on)).toBe(t);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (t) => {
        const once = normalizeText(t, on);
        expect(normalizeText(once, on)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('runs in linear time on 1 MB of invisible characters', () => {
    expect(normalizeText('\u200B'.repeat(1_000_000) + 'x', on)).toBe('x');
  });
});

describe('hasLoneSurrogate', () => {
  it.each([
    { input: '\uD800', expected: true },
    { input: 'a\uDC00b', expected: true },
    { input: '\uDC00\uD800', expected: true },
    { input: '😀', expected: false },
    { input: 'plain', expected: false },
  ])('$input -> $expected', ({ input, expected }) => expect(hasLoneSurrogate(input)).toBe(expected));
});
