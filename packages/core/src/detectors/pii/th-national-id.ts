import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

const WEIGHTS = [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Thai national identification numbers: thirteen digits, first digit 1-8, mod-11 check digit.
 * @example
 * thNationalId().find('Thai ID 3xxxxxxxxxxxx', out) // pii.th-national-id
 */
export function thNationalId(): Recognizer {
  return patternRecognizer({
    id: 'pii.th-national-id',
    pattern: /(?<![\d\-.])[1-8](?:[ -]?\d){12}(?![\d]|[-.]\d)/,
    validate(value) {
      // The digits' weighted sum read past the separators (a long run of spaced digits matches
      // every 25 characters: no string is built per match).
      let sum = 0;
      let k = 0;
      let last = 0;
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c === 32 || c === 45) continue;
        if (k < 12) sum += (c - 48) * (WEIGHTS[k] as number);
        else last = c - 48;
        k++;
      }
      return (11 - (sum % 11)) % 10 === last;
    },
    score: 0.6,
    contextScore: 0.95,
    context: ['thai id', 'national id', 'บัตรประชาชน', 'เลขบัตรประชาชน', 'tnin', 'citizen id'],
    gate: digitsAtLeast(13, 1),
    windows: digitWindows,
    maxMatchLength: 17,
  });
}
