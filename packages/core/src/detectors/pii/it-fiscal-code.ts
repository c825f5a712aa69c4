import { mixedShapes } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

// Check character tables of the codice fiscale (DM 23/12/1976): values of characters in odd positions.
const ODD: Record<string, number> = {};
'1 0 5 7 9 13 15 17 19 21 2 4 18 20 11 3 6 8 12 14 16 10 22 25 24 23'.split(' ').forEach((v, i) => {
  ODD[String.fromCharCode(65 + i)] = Number(v);
  if (i < 10) ODD[String(i)] = Number(v);
});

/** Validate a 16-character codice fiscale (omocodia letters allowed in the digit positions). */
export function validItFiscalCode(code: string): boolean {
  const v = code.toUpperCase();
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(v)) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = v[i] as string;
    if (i % 2 === 0) sum += ODD[ch] as number;
    else sum += ch >= 'A' ? ch.charCodeAt(0) - 65 : ch.charCodeAt(0) - 48;
  }
  return String.fromCharCode(65 + (sum % 26)) === v[15];
}

/**
 * Italian fiscal codes (codice fiscale) of people: surname, name, birth date and place codes and
 * the check character.
 * @example
 * itFiscalCode().find('CF: RSSMRA85T10A562S', out) // pii.it-fiscal-code
 */
export function itFiscalCode(): Recognizer {
  return patternRecognizer({
    id: 'pii.it-fiscal-code',
    pattern: /(?<![A-Za-z0-9])[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![A-Za-z0-9])/,
    validate: validItFiscalCode,
    score: 0.9,
    contextScore: 1,
    context: ['codice fiscale', 'cf', 'fiscal code', 'tax code'],
    gate: (t) => (mixedShapes(t) & 4) !== 0,
    needsDigit: true,
    maxMatchLength: 16,
  });
}
