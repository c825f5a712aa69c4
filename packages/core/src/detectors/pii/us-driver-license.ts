import { digitDense, digitRuns } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

// Every licence number is a letter and four digits, a letter, two or three digits and a hyphen
// before more digits, or seven digits in a row: checked before the (costlier) search for a
// licence word. Phone numbers, prices and years have none of these.
const LICENCE_SHAPE = /[A-Za-z]\d{4}|[A-Za-z]\d\d\d?-\d|\d{7}/;

/** `LICENCE_SHAPE.test(text)`, read from the digit runs unless the text is dense. */
function hasLicenceShape(text: string): boolean {
  if (digitDense(text)) return LICENCE_SHAPE.test(text);
  const runs = digitRuns(text);
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k] as number;
    const length = (runs[k + 1] as number) - start;
    if (length >= 7) return true;
    if (length < 2 || start === 0 || !isAsciiLetter(text.charCodeAt(start - 1))) continue;
    const end = start + length;
    if (length >= 4 || (length <= 3 && text.charCodeAt(end) === 45 && runs[k + 2] === end + 1)) return true;
  }
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * US driver's licence numbers. Formats differ by state (1-2 letters and 4-14 digits, or 7-13
 * digits, per AAMVA's state list) and carry no public checksum, so only a number near a licence
 * word is reported.
 * @example
 * usDriverLicense().find("driver's license number is D1234567", out) // pii.us-driver-license
 */
export function usDriverLicense(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.us-driver-license',
    pattern: /(?<![A-Za-z0-9-])(?:[A-Za-z]{1,2}\d{4,14}|[A-Za-z]\d{2,3}-\d{3,4}-\d{2,4}(?:-\d{1,3})?|\d{7,13})(?![A-Za-z0-9]|-\d)/,
    score: 0.2,
    contextScore: 0.8,
    context: ["driver's license", 'drivers license', 'driver license', "driver's licence", 'driving licence', 'driving license', 'license number', 'licence number', 'license no', 'licence no', 'dl#', 'dl no', 'dl number'],
    negativeContext: ['phone', 'tel', 'order', 'card', 'account'],
    requireContext: true,
    needsDigit: true,
    gate: hasLicenceShape,
    maxMatchLength: 16,
  });
}
