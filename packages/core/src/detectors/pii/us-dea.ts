import { allSame } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/** The DEA check: (d1 + d3 + d5) + 2 * (d2 + d4 + d6), last digit equals d7. */
export function validDeaDigits(d: string): boolean {
  if (!/^\d{7}$/.test(d) || allSame(d)) return false;
  const n = (i: number) => d.charCodeAt(i) - 48;
  return (n(0) + n(2) + n(4) + 2 * (n(1) + n(3) + n(5))) % 10 === n(6);
}

/**
 * US DEA registration numbers (Drug Enforcement Administration, 21 CFR 1301): two letters
 * and seven digits. The first letter is the registrant type (A B C D E F G H J K L M P R S T U
 * X), the second the first letter of the registrant's surname or business name (or 9), the
 * last digit a check digit: (d1 + d3 + d5) + 2 * (d2 + d4 + d6) mod 10. Upper case scores 0.6
 * alone; a lower-case value (`tx1234567` is as likely a transaction id) needs a DEA word.
 * @example
 * usDea().find('DEA number BJ6125341', out) // pii.us-dea
 */
export function usDea(): Recognizer {
  return patternRecognizer({
    id: 'pii.us-dea',
    pattern: /(?<![A-Za-z0-9-])[ABCDEFGHJKLMPRSTUXabcdefghjklmprstux][A-Za-z9]\d{7}(?![A-Za-z0-9]|-\d)/,
    validate: (value) => validDeaDigits(value.slice(2)) && (/[a-z]/.test(value) ? 0.4 : 0.6),
    score: 0.6,
    contextScore: 0.95,
    context: ['dea', 'dea number', 'dea no', 'dea#', 'dea registration', 'dea license', 'prescriber', 'medical license', 'medical licence'],
    gate: digitsAtLeast(7, 7),
    windows: digitWindows,
    maxMatchLength: 9,
  });
}
