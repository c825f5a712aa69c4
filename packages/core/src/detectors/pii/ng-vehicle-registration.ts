import { mixedIdAtLeast } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * Nigerian vehicle number plates (2011 format, Federal Road Safety Corps / Joint Tax Board): the
 * three-letter code of the local government area, three digits and two letters (`ABC-123DE`),
 * printed with a hyphen, a space or nothing between the code and the digits, any case. No check
 * character: reported only next to a plate or registration word (or with `contextKnown`).
 * @example
 * ngVehicleRegistration().find('plate number KJA-123AB', out) // pii.ng-vehicle-registration
 */
export function ngVehicleRegistration(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.ng-vehicle-registration',
    pattern: /(?<![A-Za-z0-9])[A-Za-z]{3}[- ]?\d{3}[A-Za-z]{2}(?![A-Za-z0-9])/,
    // Serial 000 is never issued.
    validate: (value) => !/[- ]?000[A-Za-z]{2}$/.test(value),
    score: 0.3,
    contextScore: 0.85,
    context: ['plate', 'plates', 'number plate', 'plate number', 'plate no', 'registration', 'registration number', 'vehicle', 'reg no', 'reg. no', 'frsc'],
    requireContext: true,
    gate: mixedIdAtLeast(3, 3),
    needsDigit: true,
    maxMatchLength: 9,
  });
}
