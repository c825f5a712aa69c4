import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * French social security number (NIR / numéro de sécurité sociale): sex, year, month,
 * department (2A/2B for Corsica), commune, order number and the 2-digit key 97 - (n mod 97).
 */
export function validFrNir(value: string): boolean {
  const v = value.replace(/[ .-]/g, '').toUpperCase();
  if (!/^[1-478]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2A|2B)\d{6}\d{2}$/.test(v)) return false;
  let body = v.slice(0, 13);
  if (body.includes('2A')) body = body.replace('2A', '19');
  if (body.includes('2B')) body = body.replace('2B', '18');
  const n = BigInt(body);
  const key = 97n - (n % 97n);
  return key === BigInt(v.slice(13));
}

/**
 * French NIR, compact or printed with spaces (`1 84 12 76 451 089 46`).
 * @example
 * frNir().find('n° sécu 1 84 12 76 451 089 46', out) // pii.fr-nir
 */
export function frNir(): Recognizer {
  return patternRecognizer({
    id: 'pii.fr-nir',
    pattern: /(?<![\dA-Za-z])[1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2}(?![\dA-Za-z])/,
    validate: validFrNir,
    score: 0.85,
    contextScore: 1,
    context: ['nir', 'sécurité sociale', 'securite sociale', 'sécu', 'insee', 'social security', 'carte vitale'],
    // Corsican 2A/2B interrupt the digits, so only the longest fixed group (three digits) is a precondition.
    gate: digitsAtLeast(0, 3),
    windows: digitWindows,
    maxMatchLength: 21,
  });
}
