import { allSame } from './checksums.js';
import { digitTouchesLetter } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * Italian driving licence numbers (patente di guida, Ministero delle Infrastrutture e dei
 * Trasporti / Motorizzazione): the EU card format `U1` + seven letters or digits + a letter
 * (`U1A23B45CD`), and the older format of two letters (the issuing province) + seven digits +
 * a letter (`RM4829105K`). No check digit: only a number next to a licence word is reported.
 * @example
 * itDriverLicense().find('numero patente U1B72K94XF', out) // pii.it-driver-license
 */
export function itDriverLicense(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.it-driver-license',
    pattern: /(?<![A-Za-z0-9-])(?:[Uu]1[A-Za-z0-9]{7}|[A-Za-z]{2}\d{7})[A-Za-z](?![A-Za-z0-9]|-[A-Za-z0-9])/,
    validate(value) {
      if (/^u1/i.test(value)) return /\d/.test(value.slice(2));
      return !allSame(value.slice(2, 9));
    },
    score: 0.3,
    contextScore: 0.85,
    context: ['patente', 'patente di guida', 'numero patente', 'n. patente', 'driving licence', 'driving license', "driver's license", "driver's licence", 'drivers license', 'driver license', 'licenza di guida'],
    requireContext: true,
    gate: digitTouchesLetter,
    needsDigit: true,
    maxMatchLength: 10,
  });
}
