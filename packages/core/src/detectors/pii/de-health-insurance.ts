import { allSame, crossSum } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * The check digit of a KVNR body (a letter and eight digits): the letter becomes its two-digit
 * position in the alphabet (A = 01 ... Z = 26); the ten digits are weighted 1, 2, 1, 2, ...;
 * the cross sums of the products are added; the sum mod 10 is the check digit. -1 when the body is malformed.
 */
export function deKvnrCheckDigit(body: string): number {
  const b = body.toUpperCase();
  if (!/^[A-Z]\d{8}$/.test(b)) return -1;
  const digits = String(b.charCodeAt(0) - 64).padStart(2, '0') + b.slice(1);
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += crossSum((digits.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2));
  return sum % 10;
}

/** A KVNR (letter, eight digits, check digit) with a valid check digit and not all-same digits. */
export function validDeKvnr(value: string): boolean {
  if (value.length !== 10 || allSame(value.slice(1, 9))) return false;
  return deKvnrCheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
}

/**
 * German health insurance numbers, the unchangeable part of the Krankenversichertennummer
 * (KVNR, § 290 SGB V, GKV-Spitzenverband): a capital letter, eight digits and a check digit
 * (the letter as its alphabet position 01-26, digits weighted 1-2-1-2..., cross sums added, mod 10).
 * @example
 * deHealthInsurance().find('Versichertennummer: K204917360', out) // pii.de-health-insurance
 */
export function deHealthInsurance(): Recognizer {
  return patternRecognizer({
    id: 'pii.de-health-insurance',
    pattern: /(?<![A-Za-z0-9])[A-Za-z]\d{9}(?![A-Za-z0-9])/,
    validate: validDeKvnr,
    score: 0.6,
    contextScore: 0.95,
    context: ['krankenversichertennummer', 'versichertennummer', 'versicherten-nr', 'kvnr', 'krankenkasse', 'krankenversicherung', 'gesundheitskarte', 'health insurance', 'insurance number'],
    negativeContext: ['order', 'invoice', 'tracking', 'bestellnummer', 'rechnungsnummer', 'sendungsnummer'],
    gate: digitsAtLeast(9, 9),
    windows: digitWindows,
    maxMatchLength: 10,
  });
}
