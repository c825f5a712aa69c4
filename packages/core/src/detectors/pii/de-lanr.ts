import { allSame } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * A LANR: six serial digits, a check digit (the serial weighted 4, 9, 4, 9, 4, 9; the check is
 * (10 - sum mod 10) mod 10) and a two-digit specialty group. All-same serials (pseudo numbers
 * such as 999999) are rejected.
 */
export function validDeLanr(value: string): boolean {
  if (!/^\d{9}$/.test(value) || allSame(value.slice(0, 6))) return false;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += (value.charCodeAt(i) - 48) * (i % 2 === 0 ? 4 : 9);
  return (10 - (sum % 10)) % 10 === value.charCodeAt(6) - 48;
}

/**
 * German lifelong physician numbers (lebenslange Arztnummer, LANR; KBV Arztnummern-Richtlinie):
 * nine digits, a six-digit serial, a check digit and a two-digit specialty group
 * (Arztgruppe). The check digit catches only one in ten random numbers, so a number is
 * reported only next to a LANR word (or with `contextKnown`).
 * @example
 * deLanr().find('LANR: 123456601', out) // pii.de-lanr
 */
export function deLanr(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.de-lanr',
    pattern: /(?<![A-Za-z0-9\-.])\d{9}(?![A-Za-z0-9]|[-.]\d)/,
    validate: validDeLanr,
    score: 0.3,
    contextScore: 0.85,
    context: ['lanr', 'arztnummer', 'arzt-nr', 'lebenslange arztnummer', 'physician number', 'doctor number'],
    requireContext: true,
    gate: digitsAtLeast(9, 9),
    windows: digitWindows,
    maxMatchLength: 9,
  });
}
