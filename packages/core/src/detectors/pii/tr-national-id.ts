import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/** TC Kimlik No: 11 digits, no leading zero, two check digits from odd/even position sums. */
export function validTrId(d: string): boolean {
  if (!/^[1-9]\d{10}$/.test(d)) return false;
  const n = [...d].map(Number) as number[];
  const odd = (n[0] as number) + (n[2] as number) + (n[4] as number) + (n[6] as number) + (n[8] as number);
  const even = (n[1] as number) + (n[3] as number) + (n[5] as number) + (n[7] as number);
  const d10 = (((odd * 7 - even) % 10) + 10) % 10;
  const d11 = (n.slice(0, 10).reduce((a, b) => a + b, 0)) % 10;
  return d10 === n[9] && d11 === n[10];
}

/**
 * Turkish national identity numbers (TC Kimlik No).
 * @example
 * trNationalId().find('TC Kimlik No: 5xxxxxxxxxx', out) // pii.tr-national-id
 */
export function trNationalId(): Recognizer {
  return patternRecognizer({
    id: 'pii.tr-national-id',
    pattern: /(?<![\d\-.])[1-9]\d{10}(?![\d]|[-.]\d)/,
    validate: validTrId,
    score: 0.6,
    contextScore: 0.95,
    context: ['tc kimlik', 'kimlik', 'tckn', 'tc no', 'turkish id'],
    gate: digitsAtLeast(11, 11),
    windows: digitWindows,
    maxMatchLength: 11,
  });
}
