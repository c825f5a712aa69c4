import { luhn, validDate } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * Swedish personal identity numbers: (YY)YYMMDD, '-' or '+', four digits, Luhn over the last ten
 * digits; days 61-91 are coordination numbers.
 * @example
 * sePersonnummer().find('pnr 19811218-9876', out) // pii.se-personnummer
 */
export function sePersonnummer(): Recognizer {
  return patternRecognizer({
    id: 'pii.se-personnummer',
    pattern: /(?<![\d\-.+])(?:\d{2})?\d{6}[-+]?\d{4}(?![\d]|[-.]\d)/,
    validate(value) {
      const digits = value.replace(/[^0-9]/g, '');
      if (digits.length !== 10 && digits.length !== 12) return false;
      const ten = digits.slice(-10);
      if (!luhn(ten)) return false;
      const yy = Number(ten.slice(0, 2));
      const year = digits.length === 12 ? Number(digits.slice(0, 4)) : 1900 + yy;
      const month = Number(ten.slice(2, 4));
      let day = Number(ten.slice(4, 6));
      if (day > 60) day -= 60;
      if (!validDate(year, month, day)) return false;
      return digits.length === 12 || /[-+]/.test(value) ? 0.7 : 0.55;
    },
    score: 0.7,
    contextScore: 0.95,
    context: ['personnummer', 'pnr', 'personal identity', 'samordningsnummer'],
    gate: digitsAtLeast(10, 6),
    windows: digitWindows,
    maxMatchLength: 13,
  });
}
