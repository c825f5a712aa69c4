import { digitTouchesLetter } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/** ICAO 9303 check digit: characters valued 0-9 and A = 10 ... Z = 35, weights 7, 3, 1, sum mod 10. */
export function icaoCheckDigit(value: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : c >= 97 && c <= 122 ? c - 87 : 0;
    sum += v * (weights[i % 3] as number);
  }
  return sum % 10;
}

/** A German document number: letters all upper or all lower case, a digit among the nine; a tenth character is the ICAO check digit. */
export function validDePassport(value: string): boolean {
  const letters = value.replace(/[^A-Za-z]/g, '');
  if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) return false;
  // Serials of letters only (one in forty) are left out: a digit lets the detector skip texts
  // without a digit next to a letter before it looks for a document word.
  if (!/\d/.test(value.slice(1, 9))) return false;
  if (value.length === 9) return true;
  return value.length === 10 && icaoCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
}

/**
 * German passport (Reisepass) and identity card (Personalausweis) serial numbers
 * (Dokumentennummer, Bundesdruckerei; Pass- und Personalausweisverordnung): nine characters from the
 * alphabet C F G H J K L M N P R T V W X Y Z and digits 0-9, the first a letter (C, F, G, H, J, K
 * for passports, L-Z for ID cards since 2010), optionally followed by the MRZ check digit
 * (ICAO 9303 7-3-1). No vowels, so words do not match; there is no check digit without the
 * tenth character, so a number is reported only next to a document word (or with `contextKnown`).
 * @example
 * dePassport().find('Reisepass-Nr. C4JX92FT7', out) // pii.de-passport
 */
export function dePassport(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.de-passport',
    pattern: /(?<![A-Za-z0-9])[CFGHJ-NPRTV-Zcfghj-nprtv-z][CFGHJ-NPRTV-Zcfghj-nprtv-z0-9]{8}\d?(?![A-Za-z0-9])/,
    validate: validDePassport,
    score: 0.3,
    contextScore: 0.85,
    context: ['reisepass', 'reisepassnummer', 'passport', 'passport no', 'passport number', 'passnummer', 'pass-nr', 'ausweis', 'ausweisnummer', 'personalausweis', 'personalausweisnummer', 'id card', 'dokumentennummer'],
    requireContext: true,
    gate: digitTouchesLetter,
    needsDigit: true,
    maxMatchLength: 10,
  });
}
