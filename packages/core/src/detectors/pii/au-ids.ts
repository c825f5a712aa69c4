import { allSame, weightedSum } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/** ABN: subtract 1 from the first digit; weights 10,1,3,...,19; sum divisible by 89 (ATO). */
export function validAbn(d: string): boolean {
  if (!/^\d{11}$/.test(d) || d[0] === '0') return false;
  const first = String((d.charCodeAt(0) - 48) - 1);
  return weightedSum(first + d.slice(1), [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]) % 89 === 0;
}

/** ACN: weights 8..1 over eight digits, complement of the sum mod 10 is the ninth digit (ASIC). */
export function validAcn(d: string): boolean {
  if (!/^\d{9}$/.test(d)) return false;
  const check = (10 - (weightedSum(d, [8, 7, 6, 5, 4, 3, 2, 1]) % 10)) % 10;
  return check === d.charCodeAt(8) - 48;
}

/** TFN: weights 1,4,3,7,5,8,6,9,10; sum divisible by 11 (ATO). */
export function validTfn(d: string): boolean {
  return /^\d{9}$/.test(d) && !allSame(d) && weightedSum(d, [1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 === 0;
}

/** Medicare card number: first digit 2-6, weights 1,3,7,9,1,3,7,9 mod 10 give the ninth digit. */
export function validMedicare(d: string): boolean {
  if (!/^[2-6]\d{9,10}$/.test(d)) return false;
  return weightedSum(d, [1, 3, 7, 9, 1, 3, 7, 9]) % 10 === d.charCodeAt(8) - 48;
}

const strip = (v: string) => v.replace(/[ -]/g, '');

/**
 * Australian Business Numbers (11 digits, printed 2-3-3-3).
 * @example
 * auAbn().find('ABN 51 824 753 556', out) // pii.au-abn
 */
export function auAbn(): Recognizer {
  return patternRecognizer({
    id: 'pii.au-abn',
    pattern: /(?<![\d\-.])\d{2} ?\d{3} ?\d{3} ?\d{3}(?![\d]|[-.]\d)/,
    validate: (v) => validAbn(strip(v)) && (v.includes(' ') ? 0.7 : 0.45),
    score: 0.7,
    contextScore: 0.95,
    context: ['abn', 'australian business number', 'business number'],
    gate: digitsAtLeast(11, 3),
    windows: digitWindows,
    maxMatchLength: 14,
  });
}

/**
 * Australian Company Numbers (9 digits, printed 3-3-3).
 * @example
 * auAcn().find('ACN 005 499 981', out) // pii.au-acn
 */
export function auAcn(): Recognizer {
  return patternRecognizer({
    id: 'pii.au-acn',
    pattern: /(?<![\d\-.])\d{3} ?\d{3} ?\d{3}(?![\d]|[-.]\d)/,
    validate: (v) => validAcn(strip(v)) && (v.includes(' ') ? 0.5 : 0.35),
    score: 0.5,
    contextScore: 0.9,
    context: ['acn', 'australian company number', 'company number'],
    gate: digitsAtLeast(9, 3),
    windows: digitWindows,
    maxMatchLength: 11,
  });
}

/**
 * Australian Tax File Numbers (9 digits).
 * @example
 * auTfn().find('TFN 876 543 210', out) // pii.au-tfn
 */
export function auTfn(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.au-tfn',
    pattern: /(?<![\d\-.])\d{3} ?\d{3} ?\d{3}(?![\d]|[-.]\d)/,
    validate: (v) => validTfn(strip(v)),
    score: 0.4,
    contextScore: 0.9,
    context: ['tfn', 'tax file number', 'tax file'],
    gate: digitsAtLeast(9, 3),
    windows: digitWindows,
    requireContext: true,
    maxMatchLength: 11,
  });
}

/**
 * Australian Medicare card numbers (10 digits, optionally with the 11th issue digit; printed 4-5-1).
 * @example
 * auMedicare().find('Medicare 2123 45670 1', out) // pii.au-medicare
 */
export function auMedicare(): Recognizer {
  return patternRecognizer({
    id: 'pii.au-medicare',
    pattern: /(?<![\d\-.])[2-6]\d{3} ?\d{5} ?\d(?:\d)?(?![\d]|[-.]\d)/,
    validate: (v) => validMedicare(strip(v)) && (v.includes(' ') ? 0.6 : 0.4),
    score: 0.6,
    contextScore: 0.95,
    context: ['medicare'],
    gate: digitsAtLeast(10, 5),
    windows: digitWindows,
    maxMatchLength: 13,
  });
}
