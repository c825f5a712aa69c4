import { allSame, luhn } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * Canadian Social Insurance Numbers: nine digits (3-3-3), Luhn check, first digit 1-7 or 9
 * (0 and 8 are not issued to people).
 * @example
 * caSin().find('SIN 046 454 286', out) // pii.ca-sin
 */
export function caSin(): Recognizer {
  return patternRecognizer({
    id: 'pii.ca-sin',
    pattern: /(?<![\d\-.])[1-79]\d{2}([ -]?)\d{3}\1\d{3}(?![\d]|[-.]\d)/,
    validate(value) {
      const digits = value.replace(/[^0-9]/g, '');
      if (allSame(digits) || !luhn(digits)) return false;
      return digits.length === value.length ? 0.35 : 0.6;
    },
    score: 0.6,
    contextScore: 0.95,
    context: ['sin', 'social insurance', 'nas', 'assurance sociale'],
    negativeContext: ['phone', 'tel', 'fax', 'call'],
    gate: digitsAtLeast(9, 3),
    windows: digitWindows,
    maxMatchLength: 11,
  });
}
