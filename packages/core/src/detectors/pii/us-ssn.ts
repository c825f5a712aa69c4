import { allSame } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/** Numbers the SSA has publicly voided after they were printed on sample cards and in ads. */
const VOIDED = new Set(['078051120', '219099999', '457555462']);

/**
 * US Social Security numbers. Invalid by SSA rules: area 000, 666 or 900-999, group 00,
 * serial 0000, publicly voided numbers. An unseparated nine-digit number is scored low unless
 * a context word is near.
 * @example
 * usSsn().find('SSN: 536-22-1234', out) // pii.us-ssn
 */
export function usSsn(): Recognizer {
  return patternRecognizer({
    id: 'pii.us-ssn',
    pattern: /(?<![\d\-.])\d{3}([- .]?)\d{2}\1\d{4}(?![\d]|[-.]\d)/,
    validate(value) {
      const digits = value.replace(/[^0-9]/g, '');
      if (!validSsnDigits(digits)) return false;
      return digits.length === value.length ? 0.5 : 0.85;
    },
    score: 0.85,
    contextScore: 1,
    context: ['ssn', 'social security', 'social', 'security number', 'ss#', 'ssn#', 'taxpayer', 'tin'],
    negativeContext: ['order', 'invoice', 'tracking', 'routing', 'phone', 'tel', 'fax'],
    gate: digitsAtLeast(9, 4),
    windows: digitWindows,
    maxMatchLength: 11,
  });
}

export function validSsnDigits(digits: string): boolean {
  if (digits.length !== 9 || allSame(digits) || digits === '123456789' || VOIDED.has(digits)) return false;
  const area = Number(digits.slice(0, 3));
  if (area === 0 || area === 666 || area >= 900) return false;
  return digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
}

/**
 * US Individual Taxpayer Identification Numbers: 9XX-[50-65, 70-88, 90-92, 94-99]-XXXX.
 * @example
 * usItin().find('ITIN 912-70-1234', out) // pii.us-itin
 */
export function usItin(): Recognizer {
  return patternRecognizer({
    id: 'pii.us-itin',
    pattern: /(?<![\d\-.])9\d{2}([- ]?)(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])\1\d{4}(?![\d]|[-.]\d)/,
    validate: (value) => (/[- ]/.test(value) ? 0.85 : 0.5),
    score: 0.85,
    contextScore: 1,
    context: ['itin', 'taxpayer', 'tax id', 'tin', 'irs'],
    gate: digitsAtLeast(9, 4),
    windows: digitWindows,
    maxMatchLength: 11,
  });
}
