import { luhn, validDate } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * South African identity numbers: YYMMDD, gender sequence, citizenship (0/1), a digit, Luhn check.
 * @example
 * zaIdNumber().find('ID 7406125xxxxxx', out) // pii.za-id-number
 */
export function zaIdNumber(): Recognizer {
  return patternRecognizer({
    id: 'pii.za-id-number',
    pattern: /(?<![\d\-.])\d{6} ?\d{4} ?[01]\d{2}(?![\d]|[-.]\d)/,
    validate(value) {
      const d = value.replace(/ /g, '');
      if (!luhn(d)) return false;
      const yy = Number(d.slice(0, 2));
      return validDate(1900 + yy, Number(d.slice(2, 4)), Number(d.slice(4, 6))) || validDate(2000 + yy, Number(d.slice(2, 4)), Number(d.slice(4, 6)));
    },
    score: 0.6,
    contextScore: 0.95,
    context: ['id number', 'identity number', 'south african', 'rsa id', 'sa id'],
    gate: digitsAtLeast(13, 6),
    windows: digitWindows,
    maxMatchLength: 15,
  });
}
