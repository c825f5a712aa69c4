import { allSame, alnumUpper, weightedSum } from './checksums.js';
import { mixedIdAtLeast } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/** Entity type indicators of the 'others' UEN form (ACRA / uen.gov.sg list). */
const ENTITY_TYPES = new Set([
  'CC', 'CD', 'CH', 'CL', 'CM', 'CP', 'CS', 'CX', 'DP', 'FB', 'FC', 'FM', 'FN', 'GA', 'GB', 'GS', 'HC', 'HS', 'LL', 'LP',
  'MB', 'MC', 'MD', 'MH', 'MM', 'MQ', 'NB', 'NR', 'PA', 'PB', 'PF', 'RF', 'RP', 'SM', 'SS', 'TC', 'TU', 'VH', 'XL',
]);
const OTHERS_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWX0123456789';

/** Check letter of a business (ROB) UEN: weights 10,4,9,3,8,2,7,1 over the eight digits. */
export function uenBusinessCheck(digits8: string): string {
  return 'XMKECAWLJDB'.charAt(weightedSum(digits8, [10, 4, 9, 3, 8, 2, 7, 1]) % 11);
}

/** Check letter of a local company (ROC) UEN: weights 10,8,6,4,9,7,5,3,1 over the nine digits. */
export function uenLocalCompanyCheck(digits9: string): string {
  return 'ZKCMDNERGWH'.charAt(weightedSum(digits9, [10, 8, 6, 4, 9, 7, 5, 3, 1]) % 11);
}

/** Check letter of an 'others' UEN: values over A-X (no I, O, Y) then 0-9, weights 4,3,5,3,10,2,2,5,7, (sum - 5) mod 11. */
export function uenOthersCheck(body9: string): string {
  const weights = [4, 3, 5, 3, 10, 2, 2, 5, 7];
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const v = OTHERS_ALPHABET.indexOf(body9.charAt(i));
    if (v < 0) return '';
    sum += v * (weights[i] as number);
  }
  return OTHERS_ALPHABET.charAt((((sum - 5) % 11) + 11) % 11);
}

// The current year, read once: no UEN is registered in a later one.
const THIS_YEAR = new Date().getFullYear();

/** Validate a UEN in any of its three forms (any case); returns the form or false. */
export function validSgUen(value: string, year = THIS_YEAR): 'business' | 'local-company' | 'others' | false {
  const v = alnumUpper(value);
  const check = v.charAt(v.length - 1);
  if (/^\d{8}[A-Z]$/.test(v)) {
    const d = v.slice(0, 8);
    return !allSame(d) && uenBusinessCheck(d) === check && 'business';
  }
  if (/^\d{9}[A-Z]$/.test(v)) {
    const d = v.slice(0, 9);
    const issued = Number(d.slice(0, 4));
    if (issued < 1800 || issued > year || allSame(d.slice(4))) return false;
    return uenLocalCompanyCheck(d) === check && 'local-company';
  }
  const m = /^([RST])(\d\d)([A-Z]{2})(\d{4})[A-Z]$/.exec(v);
  if (m === null || !ENTITY_TYPES.has(m[3] as string) || allSame(m[4] as string)) return false;
  if (m[1] === 'T' && 2000 + Number(m[2]) > year) return false;
  return uenOthersCheck(v.slice(0, 9)) === check && 'others';
}

/**
 * Singapore Unique Entity Numbers (ACRA, uen.gov.sg), three forms, each with a check letter:
 * businesses (ROB) eight digits + letter; local companies (ROC) the 4-digit year of
 * registration, five digits + letter; other entities R/S/T (18xx/19xx/20xx) + 2-digit year +
 * 2-letter entity type (LL, LP, FC, CS, ...) + four digits + letter.
 * @example
 * sgUen().find('UEN 42191796B', out) // pii.sg-uen
 */
export function sgUen(): Recognizer {
  return patternRecognizer({
    id: 'pii.sg-uen',
    pattern: /(?<![A-Za-z0-9-])(?:\d{8,9}|[RSTrst]\d\d[A-Za-z]{2}\d{4})[A-Za-z](?![A-Za-z0-9]|-[A-Za-z0-9])/,
    validate: (value) => validSgUen(value) !== false,
    score: 0.6,
    contextScore: 0.95,
    context: ['uen', 'uen no', 'unique entity number', 'acra', 'company registration', 'business registration', 'registration no', 'registration number', 'roc no', 'rob no'],
    gate: mixedIdAtLeast(4, 4),
    needsDigit: true,
    maxMatchLength: 10,
  });
}
