import { validDate } from './checksums.js';
import { mixedIdAtLeast } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * Check a DVLA driver number (separators removed, 16 characters): the surname part is letters
 * then 9s (the first a letter), the date digits encode a real date of birth (month 01-12, or
 * 51-62 for women), the first initial is a letter and the second a letter or 9. Letters are all
 * upper case or all lower case.
 */
export function validUkDrivingLicence(value: string): boolean {
  if (value.length !== 16) return false;
  if (!/^[A-Z]+9*$/.test(value.slice(0, 5).toUpperCase())) return false;
  const letters = value.replace(/[^A-Za-z]/g, '');
  if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) return false;
  const date = value.slice(5, 11);
  if (!/^\d{6}$/.test(date) || /^(\d)\1{5}$/.test(date)) return false;
  const year = (date.charCodeAt(0) - 48) * 10 + (date.charCodeAt(5) - 48);
  let month = Number(date.slice(1, 3));
  if (month > 50) month -= 50;
  const day = Number(date.slice(3, 5));
  // The century is not encoded: a date that exists in either century is kept (29 February 1900).
  if (!validDate(1900 + year, month, day) && !validDate(2000 + year, month, day)) return false;
  return /^[A-Za-z][A-Za-z9]\d[A-Za-z0-9]{2}$/.test(value.slice(11));
}

/**
 * UK (Great Britain) driving licence numbers, the 16-character DVLA driver number: five
 * characters of the surname (padded with 9s), six digits encoding the date of birth (decade,
 * month with +5 on the tens digit for women, day, year digit), two initials (padded with 9),
 * an arbitrary digit (usually 9) and two computer check characters (DVLA, licence field 5).
 * Printed compact or with spaces between the groups (`MORGA 753116 SM9IJ`); the two-digit
 * issue number that follows on the card is not part of it.
 * @example
 * ukDrivingLicence().find('Driver number: HARRI 612089 JT9AB', out) // pii.uk-driving-licence
 */
export function ukDrivingLicence(): Recognizer {
  return patternRecognizer({
    id: 'pii.uk-driving-licence',
    pattern: /(?<![A-Za-z0-9])[A-Za-z](?:[A-Za-z]{4}|[A-Za-z]{3}9|[A-Za-z]{2}99|[A-Za-z]999|9999)( ?)\d{6}\1[A-Za-z][A-Za-z9]\d[A-Za-z0-9]{2}(?![A-Za-z0-9])/,
    validate(value) {
      const compact = value.replace(/ /g, '');
      if (!validUkDrivingLicence(compact)) return false;
      return compact === compact.toUpperCase() ? 0.7 : 0.6;
    },
    score: 0.7,
    contextScore: 0.95,
    context: ['driving licence', 'driving license', 'driver number', 'driver licence', 'licence number', 'license number', 'licence no', 'dvla'],
    gate: mixedIdAtLeast(6, 6),
    needsDigit: true,
    maxMatchLength: 18,
  });
}
