import { allSame } from './checksums.js';
import { mixedIdAtLeast } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

const PASSPORT_WORDS = ['passport', 'passport no', 'passport number', '여권', '여권번호', '여권 번호'];

/**
 * Korean passport numbers (여권번호, Ministry of Foreign Affairs, passport.go.kr): a letter for the
 * passport type (M multiple, S single, R residence, G official, D diplomatic; O is accepted too)
 * and eight digits (books issued before December 2021), or the letter, three digits, a letter and
 * four digits (next-generation books, `M123A4567`). No public check digit: reported only next to
 * a passport word (or with `contextKnown`).
 * @example
 * krPassport().find('여권번호: M12345678', out) // pii.kr-passport
 */
export function krPassport(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.kr-passport',
    pattern: /(?<![A-Za-z0-9])[MSRGODmsrgod](?:\d{8}|\d{3}[A-Za-z]\d{4})(?![A-Za-z0-9])/,
    validate: (value) => !allSame(value.slice(1).replace(/[A-Za-z]/, '')),
    score: 0.3,
    contextScore: 0.85,
    context: PASSPORT_WORDS,
    requireContext: true,
    gate: mixedIdAtLeast(4, 4),
    needsDigit: true,
    maxMatchLength: 9,
  });
}
