import { weightedSum } from './checksums.js';
import { digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

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
      const d = value.replace(/[ -]/g, '');
      const check = (11 - (weightedSum(d, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 10;
      return check === d.charCodeAt(12) - 48;
    },
    score: 0.6,
    contextScore: 0.95,
    context: ['thai id', 'national id', 'บัตรประชาชน', 'เลขบัตรประชาชน', 'tnin', 'citizen id'],
    windows: digitWindows,
    maxMatchLength: 17,
  });
}
