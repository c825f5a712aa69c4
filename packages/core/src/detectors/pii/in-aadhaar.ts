import { allSame, verhoeff } from './checksums.js';
import { digitsAtLeast, digitWindows, mixedShapes } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * Indian Aadhaar numbers: twelve digits (4-4-4), first digit 2-9, Verhoeff check digit (UIDAI).
 * @example
 * inAadhaar().find('Aadhaar 2345 6789 0124', out) // pii.in-aadhaar
 */
export function inAadhaar(): Recognizer {
  return patternRecognizer({
    id: 'pii.in-aadhaar',
    pattern: /(?<![\d\-.:])[2-9]\d{3}([ \-:]?)\d{4}\1\d{4}(?![\d]|[-.:]\d)/,
    validate(value) {
      const digits = value.replace(/[^0-9]/g, '');
      return !allSame(digits) && verhoeff(digits);
    },
    score: 0.7,
    contextScore: 1,
    context: ['aadhaar', 'aadhar', 'uid', 'uidai'],
    gate: digitsAtLeast(12, 4),
    windows: digitWindows,
    maxMatchLength: 14,
  });
}

/**
 * Indian Permanent Account Numbers: five letters (the fourth is the holder type), four digits, a letter.
 * @example
 * inPan().find('PAN ABCPE1234F', out) // pii.in-pan
 */
export function inPan(): Recognizer {
  return patternRecognizer({
    id: 'pii.in-pan',
    pattern: /(?<![A-Za-z0-9])[A-Za-z]{3}[ABCFGHLJPTKabcfghljptk][A-Za-z]\d{4}[A-Za-z](?![A-Za-z0-9])/,
    score: 0.6,
    contextScore: 0.95,
    context: ['pan', 'permanent account', 'income tax'],
    gate: (t) => (mixedShapes(t) & 8) !== 0,
    needsDigit: true,
    maxMatchLength: 10,
  });
}
