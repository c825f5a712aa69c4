import { allSame, digitsOf } from './checksums.js';
import { mixedIdAtLeast } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

// MBI letters: A-Z without S, L, O, I, B, Z (CMS), either case.
const L = '[AC-HJKMNP-RT-Yac-hjkmnp-rt-y]';
const AN = '[0-9AC-HJKMNP-RT-Yac-hjkmnp-rt-y]';

/**
 * US Medicare Beneficiary Identifiers (CMS, 2018-): eleven characters, C A AN N A AN N A A N N
 * (C a digit 1-9, N a digit, A a letter without S L O I B Z, AN either), compact or printed
 * 4-3-4 with hyphens (`1EG4-TE5-MK73`). No check digit; the fixed letter and digit positions
 * are a strong structure, so a bare MBI is reported at 0.55.
 * @example
 * usMbi().find('Medicare number 1EG4-TE5-MK73', out) // pii.us-mbi
 */
export function usMbi(): Recognizer {
  return patternRecognizer({
    id: 'pii.us-mbi',
    pattern: new RegExp(`(?<![A-Za-z0-9-])[1-9]${L}${AN}\\d([- ]?)${L}${AN}\\d\\1${L}${L}\\d\\d(?![A-Za-z0-9]|-[A-Za-z0-9])`),
    validate: (value) => !allSame(digitsOf(value)),
    score: 0.55,
    contextScore: 0.95,
    context: ['mbi', 'medicare', 'medicare number', 'medicare id', 'beneficiary', 'beneficiary identifier', 'medicare beneficiary identifier'],
    gate: mixedIdAtLeast(2, 2),
    needsDigit: true,
    maxMatchLength: 13,
  });
}
