import { crossSum, validDate } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/** Bereichsnummern (VKVV Anlage): regional carriers, DRV Bund (regional + 40), Knappschaft-Bahn-See. */
const AREAS = new Set<number>([2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 38, 39, 40, 80, 81, 82, 89]);
for (let n = 42; n <= 79; n++) AREAS.add(n);

const WEIGHTS = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];

/**
 * The check digit of the first eleven characters of a Versicherungsnummer (VKVV § 2 (6)): the
 * letter becomes its two-digit alphabet position, the twelve digits are weighted
 * 2,1,2,5,7,1,2,1,2,1,2,1, the cross sums of the products are added, mod 10. -1 when malformed.
 */
export function deSvnrCheckDigit(body: string): number {
  const b = body.toUpperCase();
  if (!/^\d{8}[A-Z]\d{2}$/.test(b)) return -1;
  const digits = b.slice(0, 8) + String(b.charCodeAt(8) - 64).padStart(2, '0') + b.slice(9);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += crossSum((digits.charCodeAt(i) - 48) * (WEIGHTS[i] as number));
  return sum % 10;
}

/**
 * The birth date part DDMMYY. The day is raised by 32, 64 or 96 when a day's serial numbers
 * run out, and is 00 (or the issue day, with month 00) when the birth date is unknown.
 */
function validBirthDate(date: string): boolean {
  const day = Number(date.slice(0, 2)) % 32;
  const month = Number(date.slice(2, 4));
  const year = Number(date.slice(4, 6));
  if (month > 12) return false;
  if (month === 0 || day === 0) return true;
  return validDate(1900 + year, month, day) || validDate(2000 + year, month, day);
}

/** A Versicherungsnummer (separators removed): area number, birth date and check digit. */
export function validDeSvnr(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^\d{8}[A-Z]\d{3}$/.test(v)) return false;
  if (!AREAS.has(Number(v.slice(0, 2))) || !validBirthDate(v.slice(2, 8))) return false;
  return deSvnrCheckDigit(v.slice(0, 11)) === v.charCodeAt(11) - 48;
}

/**
 * German social security / pension insurance numbers (Versicherungsnummer, also called
 * Rentenversicherungsnummer or Sozialversicherungsnummer; § 147 SGB VI and VKVV § 2): a
 * two-digit area number (Bereichsnummer), the birth date DDMMYY, the first letter of the birth
 * name, a serial number (00-49 men, 50-99 women) and a check digit. Printed compact or grouped
 * `65 170839 J 003`.
 * @example
 * deSocialSecurity().find('SV-Nummer 12 150385 M 515', out) // pii.de-social-security
 */
export function deSocialSecurity(): Recognizer {
  return patternRecognizer({
    id: 'pii.de-social-security',
    pattern: /(?<![A-Za-z0-9])\d{2} ?\d{6} ?[A-Za-z] ?\d{2} ?\d(?![A-Za-z0-9])/,
    validate: (value) => validDeSvnr(value.replace(/ /g, '')),
    score: 0.6,
    contextScore: 0.95,
    context: ['sozialversicherungsnummer', 'rentenversicherungsnummer', 'versicherungsnummer', 'sv-nummer', 'sv-nr', 'svnr', 'rvnr', 'vsnr', 'social security', 'social insurance', 'pension insurance'],
    gate: digitsAtLeast(8, 6),
    windows: digitWindows,
    maxMatchLength: 16,
  });
}
