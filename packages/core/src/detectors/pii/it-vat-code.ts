import { luhn } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * Validate the eleven digits of a partita IVA: company number not 0000000, provincial office
 * code (digits 8-10) 001-100, 120, 121, 888 or 999, Luhn check digit.
 */
export function validItVatDigits(d: string): boolean {
  if (!/^\d{11}$/.test(d) || d.startsWith('0000000')) return false;
  const office = Number(d.slice(7, 10));
  if (!((office >= 1 && office <= 100) || office === 120 || office === 121 || office === 888 || office === 999)) return false;
  return luhn(d);
}

/**
 * Italian VAT numbers (partita IVA, DPR 633/1972; Agenzia delle Entrate): eleven digits, the
 * company number (7), the provincial office code (3: 001-100, 120, 121, 888, 999) and a Luhn
 * check digit, optionally prefixed `IT` (the EU VAT form). With `IT` it is reported alone
 * (0.6); a bare eleven-digit number only next to a VAT word.
 * @example
 * itVatCode().find('P.IVA 04821930585', out) // pii.it-vat-code
 */
export function itVatCode(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.it-vat-code',
    pattern: /(?<![A-Za-z0-9\-.])(?:[Ii][Tt]|IT )?\d{11}(?![A-Za-z0-9]|[-.]\d)/,
    validate(value) {
      const digits = value.slice(-11);
      if (!validItVatDigits(digits)) return false;
      return value.length > 11 ? 0.6 : 0.3;
    },
    score: 0.3,
    contextScore: 0.85,
    context: ['partita iva', 'p.iva', 'p. iva', 'p.i.', 'piva', 'iva', 'vat', 'vat number', 'vat no', 'vat id', 'codice iva', 'numero di partita iva'],
    gate: digitsAtLeast(11, 11),
    windows: digitWindows,
    maxMatchLength: 14,
  });
}
