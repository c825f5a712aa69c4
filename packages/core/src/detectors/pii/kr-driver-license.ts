import { allSame } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/** Region names printed before the number on licences issued before June 2014 (and 경기 North/South). */
const REGIONS = '서울|부산|경기남부|경기북부|경기|강원|충북|충남|전북|전남|경북|경남|제주|대구|인천|광주|대전|울산|세종';

const LICENCE_WORDS = [
  'driver license', "driver's license", 'drivers license', "driver's licence", 'driving licence', 'driving license', 'license no', 'licence no', 'license number', 'licence number',
  '운전면허', '운전면허번호', '운전면허 번호', '운전면허증', '면허번호', '면허 번호', '면허증',
];

/**
 * Korean driver's licence numbers (운전면허번호, Korea Road Traffic Authority): twelve digits printed
 * `RR-YY-NNNNNN-CC`: a region code (11-28), the year of issue, a six-digit serial and two digits
 * (check and reissue count). Older licences print the region's name in Hangul instead of the
 * code (`서울 12-345678-90`). No public check digit: the hyphenated form with a valid region is
 * reported alone at 0.5; the compact form needs a licence word (or `contextKnown`).
 * @example
 * krDriverLicense().find('운전면허번호 11-18-123456-01', out) // pii.kr-driver-license
 */
export function krDriverLicense(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.kr-driver-license',
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${REGIONS}) ?\\d{2}(-?)\\d{6}\\1\\d{2}(?![A-Za-z0-9]|[-.]\\d)` +
        `|(?<![A-Za-z0-9\\-.])\\d{2}(-?)\\d{2}\\2\\d{6}\\2\\d{2}(?![A-Za-z0-9]|[-.]\\d)`,
      'u',
    ),
    validate(value) {
      const digits = value.replace(/[^0-9]/g, '');
      const named = digits.length === 10;
      if (!named) {
        const region = Number(digits.slice(0, 2));
        if (region < 11 || region > 28) return false;
      }
      if (allSame(digits) || digits.slice(-8, -2) === '000000') return false;
      return value.includes('-') ? 0.5 : 0.3;
    },
    score: 0.5,
    contextScore: 0.85,
    context: LICENCE_WORDS,
    gate: digitsAtLeast(10, 6),
    windows: digitWindows,
    maxMatchLength: 20,
  });
}
