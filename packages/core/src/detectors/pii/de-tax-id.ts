import { iso7064Mod11_10 } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * German tax identification number (Steuerliche Identifikationsnummer): eleven digits, no
 * leading zero; among the first ten digits at most one is repeated (twice, or three times
 * but not in a row) and the check digit is ISO 7064 MOD 11,10 (BZSt specification).
 */
export function validDeTaxId(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const counts = new Map<string, number>();
  for (const d of digits.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  // One digit may repeat (at most three times, not three in a row); all-distinct digits are
  // accepted too (published sample ids have them, and they are one in 2,700 random numbers).
  const repeated = [...counts.values()].filter((c) => c > 1);
  if (repeated.length > 1 || (repeated[0] ?? 0) > 3) return false;
  if (repeated[0] === 3 && /(\d)\1\1/.test(digits.slice(0, 10))) return false;
  return iso7064Mod11_10(digits.slice(0, 10)) === digits.charCodeAt(10) - 48;
}

/**
 * German tax id (IdNr), compact or printed in groups (`12 345 678 901`).
 * @example
 * deTaxId().find('Steuer-ID: 6xxxxxxxxxx', out) // pii.de-tax-id
 */
export function deTaxId(): Recognizer {
  return patternRecognizer({
    id: 'pii.de-tax-id',
    pattern: /(?<![\d\-.])\d{2} ?\d{3} ?\d{3} ?\d{3}(?![\d]|[-.]\d)/,
    validate: (value) => validDeTaxId(value.replace(/ /g, '')),
    score: 0.6,
    contextScore: 0.95,
    context: ['steuer-id', 'steuerid', 'steuer id', 'idnr', 'id-nr', 'identifikationsnummer', 'steueridentifikationsnummer', 'tax id', 'tin', 'steuernummer'],
    gate: digitsAtLeast(11, 3),
    windows: digitWindows,
    maxMatchLength: 14,
  });
}
