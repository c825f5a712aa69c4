import { alnumUpper } from './checksums.js';
import { mixedIdAtLeast } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The GSTIN check character of the first fourteen characters (upper case): values 0-35 over
 * 0-9A-Z, factors 1, 2, 1, 2, ... from the left, each product added as quotient + remainder of
 * /36, check = (36 - sum mod 36) mod 36. Returns '' when a character is outside the alphabet.
 */
export function gstinCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const v = ALPHABET.indexOf(body.charAt(i));
    if (v < 0) return '';
    const p = v * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(p / 36) + (p % 36);
  }
  return ALPHABET.charAt((36 - (sum % 36)) % 36);
}

/** Validate a 15-character GSTIN (any case): state code, PAN layout, entity code, 'Z', check character. */
export function validGstin(value: string): boolean {
  const v = alnumUpper(value);
  if (!/^\d{2}[A-Z]{3}[ABCFGHLJPTK][A-Z]\d{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/.test(v)) return false;
  const state = Number(v.slice(0, 2));
  if (!((state >= 1 && state <= 38) || state === 97 || state === 99)) return false;
  if (v.slice(7, 11) === '0000') return false;
  return gstinCheckChar(v) === v.charAt(14);
}

/**
 * Indian GST identification numbers (GSTIN, CBIC / GSTN): 15 characters, the 2-digit state
 * code (01-38, 97 other territory, 99 centre jurisdiction), the holder's 10-character PAN (five
 * letters with the holder type 4th, four digits, a letter), the entity code (1-9, A-Z), 'Z'
 * and a mod-36 check character (factors 1, 2 alternating from the left).
 * @example
 * inGstin().find('GSTIN: 27AZLJH8008M2Z8', out) // pii.in-gstin
 */
export function inGstin(): Recognizer {
  return patternRecognizer({
    id: 'pii.in-gstin',
    pattern: /(?<![A-Za-z0-9])\d{2}[A-Za-z]{3}[ABCFGHLJPTKabcfghljptk][A-Za-z]\d{4}[A-Za-z][1-9A-Za-z][Zz][0-9A-Za-z](?![A-Za-z0-9])/,
    validate: validGstin,
    score: 0.6,
    contextScore: 0.95,
    context: ['gstin', 'gst', 'gst number', 'gst no', 'gstn', 'gst registration', 'goods and services tax'],
    gate: mixedIdAtLeast(4, 4),
    needsDigit: true,
    maxMatchLength: 15,
  });
}
