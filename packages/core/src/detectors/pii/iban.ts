import { mod97 } from './checksums.js';
import { digitDense, digitRuns, hasDigitRun7 } from './gates.js';
import { contextTest, type Recognizer } from './recognizer.js';

/** IBAN length per country (SWIFT IBAN registry, including the partial-member registrations). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.freeze({
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HN: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20,
  MR: 27, MT: 31, MU: 30, NI: 28, NL: 18, NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22,
  RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19, SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26,
  UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
  // Countries using IBAN-format account numbers outside the registry (national schemes).
  AO: 25, BF: 28, BJ: 28, CF: 27, CG: 27, CI: 28, CM: 27, CV: 25, DZ: 26, GA: 27, GQ: 27, GW: 25, IR: 26, KM: 27,
  MA: 28, MG: 27, ML: 28, MZ: 25, NE: 28, SN: 28, TD: 27, TG: 28,
});

const CONTEXT = contextTest(['iban', 'bank', 'account', 'transfer', 'wire', 'konto', 'compte', 'cuenta', 'conto', 'rekening']);

/** True for a complete IBAN (no separators): known country, its length, and mod-97 remainder 1. */
export function validIban(compact: string): boolean {
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected === undefined || compact.length !== expected) return false;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}

// Every IBAN starts with two letters and two digits (country code, check digits).
const COUNTRY_AND_CHECK = /[A-Za-z]{2}\d\d/;

/** `COUNTRY_AND_CHECK.test(text)`, read from the digit runs unless the text is dense: a run of two digits or more after two letters. */
function hasCountryAndCheck(text: string): boolean {
  if (digitDense(text)) return COUNTRY_AND_CHECK.test(text);
  const runs = digitRuns(text);
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k] as number;
    if ((runs[k + 1] as number) - start >= 2 && start >= 2 && isAsciiLetter(text.charCodeAt(start - 1)) && isAsciiLetter(text.charCodeAt(start - 2))) return true;
  }
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * International Bank Account Numbers, compact or printed in groups of four, validated with the
 * country length table and ISO 7064 mod-97. A printed IBAN that swallowed a following group is
 * trimmed back to its country's length.
 * @example
 * iban().find('IBAN: GB82 WEST 1234 5698 7654 32', out) // pii.iban
 */
export function iban(): Recognizer {
  // Groups of exactly four keep the pattern unambiguous (no catastrophic backtracking).
  const re = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]{4}){2,7}(?: ?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g;
  return {
    id: 'pii.iban',
    needsDigit: true,
    needsDigitRun: true,
    kinds: ['pii.iban'],
    maxMatchLength: 42,
    find(text, out) {
      if (!hasDigitRun7(text) || !hasCountryAndCheck(text)) return;
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const raw = m[0];
        const country = raw.slice(0, 2).toUpperCase();
        const expected = IBAN_LENGTHS[country];
        if (expected === undefined) continue;
        // Walk the candidate until `expected` alphanumerics are read.
        let count = 0;
        let end = 0;
        let compact = '';
        for (; end < raw.length && count < expected; end++) {
          const ch = raw[end] as string;
          if (ch !== ' ') {
            compact += ch.toUpperCase();
            count++;
          }
        }
        if (count !== expected) continue;
        // A trimmed IBAN must end where a printed group ends.
        if (end < raw.length && raw[end] !== ' ') continue;
        if (!validIban(compact)) continue;
        const start = m.index;
        const stop = start + end;
        const upper = raw.slice(0, 2) === country;
        out.push({ start, end: stop, kind: 'pii.iban', score: CONTEXT(text, start, stop) ? 1 : upper ? 0.9 : 0.7 });
      }
    },
  };
}
