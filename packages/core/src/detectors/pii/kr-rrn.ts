import { validDate, weightedSum } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * Korean resident registration numbers (`pii.kr-rrn`) and foreigner registration numbers
 * (`pii.kr-frn`, gender digit 5-8): YYMMDD-GNNNNNC
 * with the weighted mod-11 check digit (numbers issued before October 2020).
 * @example
 * krRrn().find('RRN 850312-1xxxxxx', out) // pii.kr-rrn
 */
export function krRrn(): Recognizer {
  const r = patternRecognizer({
    id: 'pii.kr-rrn',
    pattern: /(?<![\d\-.+])\d{6}-?[1-8]\d{6}(?![\d]|[-.]\d)/,
    validate(value) {
      const d = value.replace('-', '');
      const g = d.charCodeAt(6) - 48;
      const base = g === 9 || g === 0 ? 1800 : g <= 2 || g === 5 || g === 6 ? 1900 : 2000;
      if (!validDate(base + Number(d.slice(0, 2)), Number(d.slice(2, 4)), Number(d.slice(4, 6)))) return false;
      const check = (11 - (weightedSum(d, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10;
      const kind = g >= 5 && g <= 8 ? 'pii.kr-frn' : 'pii.kr-rrn';
      if (check === d.charCodeAt(12) - 48) return { kind, score: value.includes('-') ? 0.85 : 0.6 };
      // Numbers issued since October 2020 have no check digit; only the hyphenated form is kept.
      return value.includes('-') ? { kind, score: 0.5 } : false;
    },
    score: 0.85,
    contextScore: 1,
    context: ['rrn', 'resident registration', '주민등록번호', 'registration number', 'korean'],
    gate: digitsAtLeast(13, 7),
    windows: digitWindows,
    maxMatchLength: 14,
  });
  return { ...r, kinds: ['pii.kr-rrn', 'pii.kr-frn'] };
}
