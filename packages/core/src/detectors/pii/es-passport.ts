import { allSame } from './checksums.js';
import { mixedIdAtLeast } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * Spanish passport numbers (pasaporte, Dirección General de la Policía): three letters and six
 * digits in the current books (`PAA123456`), two letters and six digits in older ones
 * (`AB123456`). There is no public check digit, so a number is reported only next to a passport
 * word (or with `contextKnown`).
 * @example
 * esPassport().find('Número de pasaporte: PAA123456', out) // pii.es-passport
 */
export function esPassport(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.es-passport',
    pattern: /(?<![A-Za-z0-9])[A-Za-z]{2,3}\d{6}(?![A-Za-z0-9])/,
    validate: (value) => !allSame(value.slice(-6)),
    score: 0.3,
    contextScore: 0.85,
    context: ['pasaporte', 'pasaportes', 'passport', 'passport no', 'passport number', 'nº de pasaporte', 'número de pasaporte', 'numero de pasaporte', 'num. pasaporte', 'núm. pasaporte'],
    requireContext: true,
    gate: mixedIdAtLeast(6, 6),
    needsDigit: true,
    maxMatchLength: 9,
  });
}
