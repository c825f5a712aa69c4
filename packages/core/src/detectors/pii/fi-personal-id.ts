import { validDate } from './checksums.js';
import { mixedShapes } from './gates.js';
import { patternRecognizer, type Recognizer } from './recognizer.js';

const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = { '+': 1800, '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900, A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000 };

/**
 * Finnish personal identity codes (henkilötunnus): DDMMYY, century sign, individual number
 * and the mod-31 check character (Population Information Act; the 2023 century letters included).
 * @example
 * fiPersonalId().find('hetu 131052-308T', out) // pii.fi-personal-id
 */
export function fiPersonalId(): Recognizer {
  return patternRecognizer({
    id: 'pii.fi-personal-id',
    pattern: /(?<![0-9])\d{6}[+\-A-FU-Ya-fu-y]\d{3}[0-9A-Ya-y](?![A-Za-z0-9])/,
    validate(value) {
      const v = value.toUpperCase();
      const century = CENTURY[v[6] as string];
      if (century === undefined) return false;
      if (!validDate(century + Number(v.slice(4, 6)), Number(v.slice(2, 4)), Number(v.slice(0, 2)))) return false;
      return CHECK[Number(v.slice(0, 6) + v.slice(7, 10)) % 31] === v[10];
    },
    score: 0.85,
    contextScore: 1,
    context: ['henkilötunnus', 'hetu', 'personal identity code'],
    gate: (t) => (mixedShapes(t) & 1) !== 0,
    needsDigit: true,
    maxMatchLength: 11,
  });
}
