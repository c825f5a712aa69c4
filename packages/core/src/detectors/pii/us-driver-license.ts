import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * US driver's licence numbers. Formats differ by state (1-2 letters and 4-14 digits, or 7-13
 * digits, per AAMVA's state list) and carry no public checksum, so only a number near a licence
 * word is reported.
 * @example
 * usDriverLicense().find("driver's license number is D1234567", out) // pii.us-driver-license
 */
export function usDriverLicense(): Recognizer {
  return patternRecognizer({
    id: 'pii.us-driver-license',
    pattern: /(?<![A-Za-z0-9-])(?:[A-Za-z]{1,2}\d{4,14}|[A-Za-z]\d{2,3}-\d{3,4}-\d{2,4}(?:-\d{1,3})?|\d{7,13})(?![A-Za-z0-9]|-\d)/,
    score: 0.2,
    contextScore: 0.8,
    context: ["driver's license", 'drivers license', 'driver license', "driver's licence", 'driving licence', 'driving license', 'license number', 'licence number', 'license no', 'licence no', 'dl#', 'dl no', 'dl number'],
    negativeContext: ['phone', 'tel', 'order', 'card', 'account'],
    requireContext: true,
    needsDigit: true,
    maxMatchLength: 16,
  });
}
