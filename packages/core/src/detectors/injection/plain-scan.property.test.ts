import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalText, plainAsciiCanonical } from '../../normalize/canonical-text.js';
import { buildAnchorTable, extractFeatures } from './features.js';
import { loadInjectionModel } from './model.js';
import { plainScan } from './plain-scan.js';
import { SIGNALS } from './techniques.js';

const table = buildAnchorTable(
  SIGNALS.map((s) => s.anchors),
  SIGNALS.map((s) => s.anchors2),
);
const model = loadInjectionModel();

// ASCII text with the characters that decide between the one-pass scan and the full pass.
const piece = fc.constantFrom(
  'the', 'Ignore', 'previous', 'RULES', 'system', 'prompt', 'you', 'are', 'now', ' ', ' ', '  ', '\n', '\n\n', '\t', '.', ',', '!', '?',
  '-', '_', '*', '/', '+', '=', '"', "'", '(', ')', '[', ']', '{', '}', '<', '>', '#', '|', '\\', '&', '&amp;', '%', '%41', '@', '$',
  '0', '1', '2', '3', '8', '9', 'a', 'b', 'x', 'u', 'Q', ' \n', '\n ', '\r\n', '\t', '\v', 'Zm9yZ2V0IGFsbA', 'deadbeefcafe0123456789', 'gur', 'lbh', 'a b c d', 'i.g.n.o.r.e', 'a  b  c  d', 'x\ty\tz\tq',
  // Folded to one ASCII character by the canonical pass (the scan reads them folded) ...
  '\u00e9', '\u00c9', '\u00fc', '\u00e5', '\u0151', '\u00a0', '\u2019', '\u2018', '\u201c', '\u201d', '\u2013', '\u2014', '\u2212', 'don\u2019t', 'caf\u00e9', '\u00e9\u00e9\u00e9',
  // ... and not: a ligature, sharp s, an ellipsis, a soft hyphen, a combining accent, Cyrillic, an emoji.
  '\ufb01', '\u00df', '\u2026', '\u00ad', 'e\u0301', '\u0430', '\ud83d\udd13',
);
const asciiText = fc.array(piece, { maxLength: 120 }).map((p) => p.join(''));
// Long enough for the per-chunk anchor masks (texts over 1024 characters).
const longText = fc.array(fc.constantFrom('the', 'ignore', 'previous', 'rules', 'now', ' ', '\n\n   ', '.', 'instructions', 'Reveal', 'your', 'prompt'), { minLength: 300, maxLength: 700 }).map((p) => p.join(' '));

describe('plainScan', () => {
  it('computes exactly the features of the full pass whenever it accepts a text', () => {
    fc.assert(
      fc.property(fc.oneof(asciiText, longText, fc.string({ maxLength: 200 })), (text) => {
        const plain = plainScan(text, table, { weights: model.weights, indices: null });
        if (plain === null) return;
        const canonical = canonicalText(text);
        expect(plain.text.length).toBe(text.length);
        expect(plainAsciiCanonical(plain.text, plain.symbols).text).toBe(canonical.text);
        const fast = plainAsciiCanonical(plain.text, plain.symbols, plain.regularSpace);
        expect(fast.text).toBe(canonical.text);
        expect(canonical.signals).toEqual({ ...canonical.signals, invisible: 0, tagChars: 0, confusables: 0, leet: 0, joined: 0, htmlEntities: 0, urlEscapes: 0, payloads: [] });
        // Offsets into the scanned text are offsets into the input.
        for (let k = 0; k < canonical.text.length; k += 7) expect(fast.toOriginal(k, k + 3)).toEqual(canonical.toOriginal(k, k + 3));
        const full = extractFeatures(canonical.text, table, { weights: model.weights, indices: null });
        expect(plain.sum).toBe(full.sum);
        expect(plain.count).toBe(full.count);
        expect(plain.anchorLo).toBe(full.anchorLo);
        expect(plain.anchorHi).toBe(full.anchorHi);
        expect(plain.chunkLo === null ? null : [...plain.chunkLo]).toEqual(full.chunkLo === null ? null : [...full.chunkLo]);
        expect(plain.symbols >= 6).toBe(canonical.signals.symbols >= 6);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts ordinary prose and declines text that needs folding', () => {
    const sink = { weights: null, indices: null };
    expect(plainScan('Summarise the attached report in three bullet points.', table, sink)).not.toBeNull();
    expect(plainScan('Don\u2019t \u201cworry\u201d \u2014 caf\u00e9 na\u00efve', table, sink)?.text).toBe('Don\'t "worry" - cafe naive');
    for (const text of ['pa55word', 'caf\u00e9 \u2026', 'stra\u00dfe', 'a&lt;b', 'x%41y', 'r e v e a l', 'r  e  v  e  a  l', 'gur ehyrf', 'QWxsIHlvdXIgYmFzZQ==', 'user@example', 'order 8@3']) {
      expect(plainScan(text, table, sink)).toBeNull();
    }
  });
});
