import { digitDense, digitRuns, isAsciiAlnum, isAsciiLetter } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/** The postcode areas of the UK, the Crown Dependencies (GY, JE, IM) and BFPO (BF). */
const AREAS = new Set(
  (
    'AB AL B BA BB BD BF BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY ' +
    'E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN ' +
    'LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP ' +
    'SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);

// The inward code: a digit and two letters at the end of a word (checked before the scan).
const INWARD = /\d[A-Za-z]{2}(?![A-Za-z0-9])/;

/** Whether some digit is followed by two letters ending a word (read from the digit runs). */
function hasInwardShape(text: string): boolean {
  if (digitDense(text)) return INWARD.test(text);
  const runs = digitRuns(text);
  for (let k = 1; k < runs.length; k += 2) {
    const end = runs[k] as number;
    if (isAsciiLetter(text.charCodeAt(end)) && isAsciiLetter(text.charCodeAt(end + 1)) && !isAsciiAlnum(text.charCodeAt(end + 2))) return true;
  }
  return false;
}

/**
 * Score a postcode candidate: its area must exist; a postcode in capitals with its single space
 * scores 0.6, any other spelling 0.3 (a finding only next to a postcode word).
 */
export function ukPostcodeScore(value: string): number | false {
  const upper = value.toUpperCase();
  if (!upper.startsWith('GIR')) {
    const area = /^[A-Z]+/.exec(upper)?.[0] ?? '';
    if (!AREAS.has(area)) return false;
  } else if (upper.replace(' ', '') !== 'GIR0AA') return false;
  return value === upper && value.length === upper.replace(' ', '').length + 1 ? 0.6 : 0.3;
}

/**
 * UK postcodes (Royal Mail Postcode Address File format): an outward code A9, A99, AA9, AA99,
 * A9A or AA9A and an inward code 9AA, with the per-position letters Royal Mail allows (first
 * not Q, V, X; second not I, J, Z; a third-position letter from ABCDEFGHJKPSTUW; a
 * fourth-position letter from ABEHMNPRVWXY; inward letters not C, I, K, M, O, V), an existing
 * postcode area, and the special GIR 0AA. Reported alone when written in capitals with the
 * space; lower-case or compact spellings need a postcode word nearby (or `contextKnown`).
 * @example
 * ukPostcode().find('Send it to 14 Acacia Road, LS6 2QT', out) // pii.uk-postcode
 */
export function ukPostcode(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.uk-postcode',
    pattern: /(?<![A-Za-z0-9])(?:[A-PR-UWYZ](?:\d[A-HJKPSTUW\d]?|[A-HK-Y]\d[ABEHMNPRVWXY\d]?)|GIR) ?\d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9])/i,
    validate: ukPostcodeScore,
    score: 0.6,
    contextScore: 0.95,
    context: ['postcode', 'post code', 'postal code', 'address', 'zip'],
    gate: hasInwardShape,
    needsDigit: true,
    maxMatchLength: 8,
  });
}
