import { validDate, weightedSum } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/** PESEL: birth date (the month carries the century: +80 1800s, +0, +20, +40, +60) and a weighted check digit. */
export function validPesel(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const check = (10 - (weightedSum(digits, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10;
  if (check !== digits.charCodeAt(10) - 48) return false;
  const yy = Number(digits.slice(0, 2));
  let mm = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  const century = Math.floor(mm / 20);
  mm %= 20;
  const base = [1900, 2000, 2100, 2200, 1800][century];
  return base !== undefined && validDate(base + yy, mm, dd);
}

/**
 * Polish national ids (PESEL).
 * @example
 * plPesel().find('PESEL 7903xxxxxxx', out) // pii.pl-pesel
 */
export function plPesel(): Recognizer {
  return patternRecognizer({
    id: 'pii.pl-pesel',
    pattern: /(?<![\d\-.])\d{11}(?![\d]|[-.]\d)/,
    validate: validPesel,
    score: 0.6,
    contextScore: 0.95,
    context: ['pesel', 'numer pesel'],
    gate: digitsAtLeast(11, 11),
    windows: digitWindows,
    maxMatchLength: 11,
  });
}
