import { digitDense, digitRuns, isAsciiLetter } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

// A letter next to a digit: every registration mark has one (checked before any context word).
const PLATE_SHAPE = /[A-Za-z]\d|\d[A-Za-z]/;

/** Whether some run of one to three digits touches a letter (read from the digit runs). */
function hasPlateShape(text: string): boolean {
  if (digitDense(text)) return PLATE_SHAPE.test(text);
  const runs = digitRuns(text);
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k] as number;
    const end = runs[k + 1] as number;
    if (end - start > 3) continue;
    if ((start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) || isAsciiLetter(text.charCodeAt(end))) return true;
  }
  return false;
}

// The last age identifier issued, read once: from March the year's last two digits, from September
// the year + 50 (the next year's are accepted too, for marks shown before they go on sale).
const NEXT_YEAR = (new Date().getUTCFullYear() + 1) % 100;

/**
 * Check a registration mark: letters all upper or all lower case; in the current format the age
 * identifier has been issued: 02 up to the year (March) or 51 up to the year + 50 (September).
 */
export function validUkVehicleRegistration(value: string): boolean {
  const letters = value.replace(/[^A-Za-z]/g, '');
  if (letters !== letters.toUpperCase() && letters !== letters.toLowerCase()) return false;
  const current = /^[A-Za-z]{2}(\d\d)/.exec(value);
  if (current !== null) {
    const age = Number(current[1]);
    return (age >= 2 && age <= Math.min(50, NEXT_YEAR)) || (age >= 51 && age <= 50 + NEXT_YEAR);
  }
  return true;
}

/**
 * UK (Great Britain) vehicle registration marks (DVLA, INF104):
 * - current format (since September 2001) `AB12 CDE`: a local memory tag (region letter, not
 *   I, J, Q, T, U or Z, and office letter, not I, Q or Z), a two-digit age identifier (from March
 *   the year's last two digits, from September the year + 50: 02-99, 51 being September 2001)
 *   and three random letters (not I or Q);
 * - prefix format (1983-2001) `A123 BCD`: an age letter (A-Y without I, O, U, Z; Q for
 *   vehicles of unknown age), a number 1-999 and three letters (without I, Q, Z);
 * - suffix format (1963-1983) `ABC 123D`: three letters, a number 1-999, an age letter.
 * Written with or without the space, in any case. There is no check character, so a mark is
 * reported only next to a registration word (or with `contextKnown`).
 * @example
 * ukVehicleRegistration().find('car reg: LK21 XMP', out) // pii.uk-vehicle-registration
 */
export function ukVehicleRegistration(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.uk-vehicle-registration',
    pattern: /(?<![A-Za-z0-9])(?:[A-HK-PRSV-Y][A-HJ-PR-Y]\d\d ?[A-HJ-PR-Z]{3}|[A-HJ-NP-TV-Y][1-9]\d{0,2} ?[A-HJ-PR-Y]{3}|[A-HJ-PR-Y]{3} ?[1-9]\d{0,2}[A-HJ-NP-TV-Y])(?![A-Za-z0-9])/i,
    validate: validUkVehicleRegistration,
    score: 0.3,
    contextScore: 0.85,
    context: ['registration', 'registration number', 'registration mark', 'reg', 'reg no', 'car reg', 'number plate', 'numberplate', 'licence plate', 'license plate', 'plate', 'vrn', 'vehicle'],
    requireContext: true,
    gate: hasPlateShape,
    needsDigit: true,
    maxMatchLength: 8,
  });
}
