import { allSame } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * Philippine Tax Identification Numbers (TIN, Bureau of Internal Revenue): nine digits printed
 * `123-456-789`, optionally followed by the three- to five-digit branch code (`000` or `00000`
 * for the head office): `123-456-789-000`, `123456789000`, `123-456-789-00000`. No public check
 * digit: reported only next to a TIN word (or with `contextKnown`).
 * @example
 * phTin().find('TIN: 123-456-789-000', out) // pii.ph-tin
 */
export function phTin(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.ph-tin',
    pattern: /(?<![\d\-.])\d{3}([- ]?)\d{3}\1\d{3}(?:\1\d{3,5})?(?![A-Za-z0-9]|[-.]\d)/,
    validate: (value) => !allSame(value.replace(/[^0-9]/g, '').slice(0, 9)),
    score: 0.3,
    contextScore: 0.85,
    context: ['tin', 'tin no', 'tin number', 'tax identification number', 'taxpayer identification', 'taxpayer identification number', 'bir'],
    requireContext: true,
    gate: digitsAtLeast(9, 3),
    windows: digitWindows,
    maxMatchLength: 17,
  });
}
