import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

const LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** The DNI/NIE control letter: number mod 23 into TRWAGMYFPDXBNJZSQVHLCKE (Real Decreto 1553/2005). */
export function esControlLetter(number: number): string {
  return LETTERS[number % 23] as string;
}

/**
 * Spanish DNI/NIF numbers: 7-8 digits and the control letter, optionally hyphenated, any case.
 * @example
 * esNif().find('DNI 12345678-Z', out) // pii.es-nif
 */
export function esNif(): Recognizer {
  return patternRecognizer({
    id: 'pii.es-nif',
    pattern: /(?<![A-Za-z0-9-])\d{7,8}-?[A-Za-z](?![A-Za-z0-9])/,
    validate(value) {
      const digits = value.replace(/[^0-9]/g, '');
      return esControlLetter(Number(digits)) === value.slice(-1).toUpperCase();
    },
    score: 0.85,
    contextScore: 1,
    context: ['dni', 'nif', 'documento nacional', 'identidad'],
    gate: digitsAtLeast(7, 7),
    windows: digitWindows,
    maxMatchLength: 10,
  });
}

/**
 * Spanish foreigner ids (NIE): X, Y or Z (read as 0, 1, 2), seven digits and the control letter.
 * @example
 * esNie().find('NIE X1234567L', out) // pii.es-nie
 */
export function esNie(): Recognizer {
  return patternRecognizer({
    id: 'pii.es-nie',
    pattern: /(?<![A-Za-z0-9-])[XYZxyz]-?\d{7}-?[A-Za-z](?![A-Za-z0-9])/,
    validate(value) {
      const v = value.replace(/-/g, '').toUpperCase();
      const number = Number('XYZ'.indexOf(v[0] as string) + v.slice(1, 8));
      return esControlLetter(number) === v.slice(-1);
    },
    score: 0.85,
    contextScore: 1,
    context: ['nie', 'extranjero', 'identidad'],
    gate: digitsAtLeast(7, 7),
    windows: digitWindows,
    maxMatchLength: 11,
  });
}
