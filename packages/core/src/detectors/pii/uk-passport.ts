import { allSame } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * UK passport numbers (HM Passport Office): nine digits, or two letters and seven digits on
 * newer books. There is no public check digit, so a number is reported only next to a
 * passport word (or when the caller says the text holds one, `contextKnown`).
 * @example
 * ukPassport().find('UK passport number 120384756', out) // pii.uk-passport
 */
export function ukPassport(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.uk-passport',
    pattern: /(?<![A-Za-z0-9-])(?:[A-Za-z]{2}\d{7}|\d{9})(?![A-Za-z0-9]|-\d)/,
    validate: (value) => !allSame(value.replace(/^[A-Za-z]{2}/, '')),
    score: 0.3,
    contextScore: 0.85,
    context: ['passport', 'passport number', 'passport no', 'hm passport', 'uk passport'],
    requireContext: true,
    gate: digitsAtLeast(7, 7),
    windows: digitWindows,
    maxMatchLength: 9,
  });
}
