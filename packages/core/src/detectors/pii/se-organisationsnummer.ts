import { allSame, luhn } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * Swedish organisation number (organisationsnummer, Bolagsverket / Skatteverket, SKV 709):
 * ten digits printed NNNNNN-NNNN (or compact). The first digit is the legal-form group (1 estates,
 * 2 state, regions and municipalities, 3 foreign companies, 5 limited companies, 6 simple
 * partnerships, 7 economic associations, 8 non-profits and foundations, 9 trading and limited
 * partnerships); the third digit is at least 2, so the "month" is 20 or more and the number can
 * never be a personal identity number; the last digit is the Luhn check over the ten digits.
 * Also accepted: the 12-digit form with the century-like prefix '16' (`16NNNNNN-NNNN`), and the
 * VAT number (momsregistreringsnummer) `SE` + the ten digits + `01`, reported whole.
 */
export function validSeOrganisationsnummer(ten: string): boolean {
  if (!/^[1-9]\d[2-9]\d{7}$/.test(ten)) return false;
  return !allSame(ten) && luhn(ten);
}

/**
 * Swedish organisation numbers (`556677-8899`, `5566778899`, `16556677-8899`, `SE556677889901`).
 * @example
 * seOrganisationsnummer().find('Org.nr: 5xxxxx-xxxx', out) // pii.se-organisationsnummer
 */
export function seOrganisationsnummer(): Recognizer {
  return patternRecognizer({
    id: 'pii.se-organisationsnummer',
    pattern: /(?<![A-Za-z0-9\-.+])(?:[Ss][Ee] ?\d{10} ?01|(?:16)?\d{6}-?\d{4})(?![A-Za-z0-9]|[-.]\d)/,
    validate(value) {
      const digits = value.replace(/[^0-9]/g, '');
      if (/^[Ss]/.test(value)) return validSeOrganisationsnummer(digits.slice(0, 10)) ? 0.85 : false;
      const ten = digits.length === 12 ? digits.slice(2) : digits;
      if (!validSeOrganisationsnummer(ten)) return false;
      return value.includes('-') ? 0.85 : 0.6;
    },
    score: 0.6,
    contextScore: 0.95,
    context: ['organisationsnummer', 'org.nr', 'orgnr', 'org nr', 'org.nummer', 'organisation number', 'organization number', 'momsregistreringsnummer', 'momsreg.nr', 'vat number'],
    gate: digitsAtLeast(10, 6),
    windows: digitWindows,
    maxMatchLength: 16,
  });
}
