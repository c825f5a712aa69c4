import { allSame } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * Indian passport numbers (Ministry of External Affairs, Passport Seva): one letter (A-P, R-W or
 * Y; Q, X and Z are not issued) and seven digits, the first not 0, e.g. `J8369854`. There is no
 * check digit, so only a number next to a passport word is reported.
 * @example
 * inPassport().find('passport no. K4729183', out) // pii.in-passport
 */
export function inPassport(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.in-passport',
    pattern: /(?<![A-Za-z0-9-])[A-PR-WYa-pr-wy][1-9]\d{6}(?![A-Za-z0-9]|-\d)/,
    validate: (value) => !allSame(value.slice(1)),
    score: 0.3,
    contextScore: 0.85,
    context: ['passport', 'passport no', 'passport number', 'indian passport', 'पासपोर्ट'],
    requireContext: true,
    gate: digitsAtLeast(7, 7),
    windows: digitWindows,
    maxMatchLength: 8,
  });
}
