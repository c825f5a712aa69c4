import { allSame, weightedSum } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/** NHS number check digit: weights 10..2, 11 - (sum mod 11); 10 is never issued. */
export function validNhs(digits: string): boolean {
  if (digits.length !== 10 || allSame(digits)) return false;
  const check = 11 - (weightedSum(digits, [10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === digits.charCodeAt(9) - 48;
}

/**
 * UK NHS numbers: ten digits printed 3-3-4, with the modulus 11 check digit. A compact
 * ten-digit number scores low unless an NHS word is near (one in eleven random numbers passes).
 * @example
 * ukNhs().find('NHS number 401 023 2137', out) // pii.uk-nhs
 */
export function ukNhs(): Recognizer {
  return patternRecognizer({
    id: 'pii.uk-nhs',
    pattern: /(?<![\d\-.])\d{3}([ -]?)\d{3}\1\d{4}(?![\d]|[-.]\d)/,
    validate(value) {
      const digits = value.replace(/[^0-9]/g, '');
      if (!validNhs(digits)) return false;
      return digits.length === value.length ? 0.4 : 0.6;
    },
    score: 0.6,
    contextScore: 0.95,
    context: ['nhs', 'nhs number', 'nhs no', 'health service', 'patient'],
    negativeContext: ['phone', 'tel', 'call', 'fax', 'mobile'],
    gate: digitsAtLeast(10, 4),
    windows: digitWindows,
    maxMatchLength: 12,
  });
}
