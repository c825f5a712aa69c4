import { digitsAtLeast } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

// Serial letters: the Latin alphabet without Q, W and X (Ç, Ğ, İ, Ö, Ş, Ü are not used either).
const L = '[A-PR-VYZa-pr-vyz]';

/**
 * Turkish vehicle registration plates (plaka, Karayolları Trafik Yönetmeliği): the province code
 * 01-81, then one letter and four or five digits, two letters and three or four digits, or three
 * letters and two or three digits (`34 ABC 123`, `06 A 1234`); one letter and two or three digits,
 * two letters and two digits and three letters and four digits, which other references list, are
 * accepted too. Letters exclude Q, W, X and the Turkish-only letters; groups are separated by
 * spaces (a hyphen is accepted) or written compact, any case. No check character: reported only
 * next to a plate word (or with `contextKnown`).
 * @example
 * trLicensePlate().find('aracın plakası 34 ABC 123', out) // pii.tr-license-plate
 */
export function trLicensePlate(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.tr-license-plate',
    pattern: new RegExp(
      `(?<![A-Za-z0-9])(?:0[1-9]|[1-7]\\d|8[01])[ -]?(?:${L}[ -]?\\d{2,5}|${L}{2}[ -]?\\d{2,4}|${L}{3}[ -]?\\d{2,4})(?![A-Za-z0-9])`,
    ),
    // A serial of zeros is never issued.
    validate: (value) => !/(?:^|[^0-9])0+$/.test(value),
    score: 0.3,
    contextScore: 0.85,
    context: ['plaka', 'plakası', 'plakasi', 'plakasını', 'plakam', 'plakalı', 'plakayı', 'plaka no', 'plate', 'plates', 'license plate', 'licence plate', 'number plate', 'plate number', 'araç', 'aracın', 'aracım', 'araç plakası'],
    requireContext: true,
    gate: digitsAtLeast(2, 2),
    needsDigit: true,
    maxMatchLength: 12,
  });
}
