import { allSame } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * US passport numbers: nine digits (books issued before 2021) or a letter and eight digits
 * (Next Generation passports). There is no check digit, so a number is reported on its own
 * only at a low score; the word "passport" nearby makes it a finding.
 * @example
 * usPassport().find('passport no. X48201937', out) // pii.us-passport
 */
export function usPassport(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.us-passport',
    pattern: /(?<![A-Za-z0-9-])[A-Za-z]?\d{8,9}(?![A-Za-z0-9]|-\d)/,
    validate(value) {
      const letter = /^[A-Za-z]/.test(value);
      if (letter ? value.length !== 9 : value.length !== 9) return false;
      return !allSame(value.replace(/^[A-Za-z]/, ''));
    },
    score: 0.3,
    contextScore: 0.85,
    context: ['passport', 'passport number', 'passport no', 'travel document', 'us passport'],
    requireContext: true,
    gate: digitsAtLeast(8, 8),
    windows: digitWindows,
    maxMatchLength: 9,
  });
}
