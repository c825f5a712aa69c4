import { mixedShapes } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * UK National Insurance numbers: two prefix letters (not D, F, I, Q, U, V; second not O; not
 * BG, GB, KN, NK, NT, TN, ZZ), six digits, suffix A-D; spaced or compact, any case.
 * @example
 * ukNino().find('NI number: AB 12 34 56 C', out) // pii.uk-nino
 */
export function ukNino(): Recognizer {
  return patternRecognizer({
    id: 'pii.uk-nino',
    pattern: /(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z][A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z] ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?![A-Za-z0-9])/,
    validate(value) {
      const prefix = value.slice(0, 2).toUpperCase();
      return !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(prefix);
    },
    score: 0.85,
    contextScore: 1,
    context: ['nino', 'national insurance', 'ni number', 'insurance number'],
    gate: (t) => (mixedShapes(t) & 2) !== 0,
    needsDigit: true,
    maxMatchLength: 13,
  });
}
