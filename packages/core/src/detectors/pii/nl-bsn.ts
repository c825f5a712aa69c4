import { allSame, weightedSum } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/** BSN "elfproef": 9 digits weighted 9..2 and -1 sum to a multiple of 11. */
export function validBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || allSame(digits)) return false;
  const sum = weightedSum(digits, [9, 8, 7, 6, 5, 4, 3, 2]) - (digits.charCodeAt(8) - 48);
  return sum > 0 && sum % 11 === 0;
}

/**
 * Dutch citizen service numbers (BSN). One in eleven nine-digit numbers passes the check, so a
 * BSN word nearby is needed for a finding.
 * @example
 * nlBsn().find('BSN: 111222333', out) // pii.nl-bsn
 */
export function nlBsn(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.nl-bsn',
    pattern: /(?<![\d\-.])\d{4}\.?\d{2}\.?\d{3}(?![\d]|[-.]\d)/,
    validate: (value) => validBsn(value.replace(/\./g, '')),
    score: 0.35,
    contextScore: 0.9,
    context: ['bsn', 'burgerservicenummer', 'sofinummer', 'sofi', 'citizen service number'],
    requireContext: true,
    gate: digitsAtLeast(9, 4),
    windows: digitWindows,
    maxMatchLength: 11,
  });
}
