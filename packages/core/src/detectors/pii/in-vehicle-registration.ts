import { digitRuns, isAsciiAlnum } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

// State and union territory codes of the registration marks (Central Motor Vehicles Rules, rule
// 50; MoRTH), including retired ones still on older vehicles (OR, UA, DN, TS) and Telangana's TG.
const STATES = 'A[NPRS]|BR|C[HG]|D[DLN]|G[AJ]|H[RP]|J[KH]|K[AL]|L[AD]|M[PHNLZ]|NL|O[DR]|P[YB]|RJ|SK|T[NSRG]|U[PKA]|WB';
const SEP = '[ -]';

const CONTEXT = ['vehicle', 'vehicle number', 'vehicle registration', 'registration', 'registration number', 'reg no', 'regn no', 'rc', 'rc number', 'number plate', 'licence plate', 'license plate', 'gaadi', 'gaadi number', 'car number', 'bike number'];

const REGULAR = new RegExp(`^(?:${STATES})${SEP}?(\\d{1,2})(?:${SEP}?([A-Z]{1,3})(?:${SEP}([A-Z]{1,2}))?${SEP}?|${SEP})(\\d{1,4})$`);
const BHARAT = /^(\d{2})[ -]?BH[ -]?(\d{4})[ -]?([A-Z]{1,2})$/;

/** Score of a bare registration mark: full (series letters and a four-digit number) and upper-case. */
const FULL = 0.55;
/** Any other valid mark: a finding only next to a vehicle word. */
const PARTIAL = 0.3;

/**
 * Check a registration mark: the RTO number is not 0, at most three series letters, the
 * number is not 0000; BH series: year from 21 (2021), a four-digit number, series letters
 * without I and O. Full upper-case marks score FULL, others PARTIAL.
 */
export function inVehicleRegistrationScore(value: string): number | false {
  const v = value.toUpperCase();
  const upper = v === value;
  const bh = BHARAT.exec(v);
  if (bh !== null) {
    const year = Number(bh[1]);
    if (year < 21 || Number(bh[2]) === 0 || /[IO]/.test(bh[3] as string)) return false;
    return upper ? FULL : PARTIAL;
  }
  const m = REGULAR.exec(v);
  if (m === null) return false;
  if (Number(m[1]) === 0) return false;
  const series = (m[2] ?? '') + (m[3] ?? '');
  const number = m[4] as string;
  if (series.length > 3 || Number(number) === 0) return false;
  return upper && series.length > 0 && number.length === 4 ? FULL : PARTIAL;
}

// The state codes as numbers (lower-case char codes, first * 256 + second), for the gate.
const STATE_KEYS = new Set(
  STATES.split('|')
    .flatMap((a) => {
      const m = /^(\w)\[(\w+)\]$/.exec(a);
      return m === null ? [a] : [...(m[2] as string)].map((c) => (m[1] as string) + c);
    })
    .map((code) => (code.toLowerCase().charCodeAt(0) << 8) | code.toLowerCase().charCodeAt(1)),
);

/**
 * The shape every match has, read from the digit runs: a run of one or two digits (the RTO
 * number) right after a state code at a word start (a space or hyphen may stand between), or a
 * run of two digits (the year) before `BH`. Prose numbers ('in 2024', 'for 7 items') have none.
 */
function hasMarkShape(text: string): boolean {
  const runs = digitRuns(text);
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k] as number;
    const end = runs[k + 1] as number;
    if (end - start > 2) continue;
    if (end - start === 2) {
      let j = end;
      const c = text.charCodeAt(j);
      if (c === 32 || c === 45) j++;
      if ((text.charCodeAt(j) | 32) === 98 && (text.charCodeAt(j + 1) | 32) === 104) return true;
    }
    let i = start;
    const before = text.charCodeAt(i - 1);
    if (before === 32 || before === 45) i--;
    if (i < 2 || !STATE_KEYS.has(((text.charCodeAt(i - 2) | 32) << 8) | (text.charCodeAt(i - 1) | 32))) continue;
    const c = text.charCodeAt(i - 3);
    if (i === 2 || (!isAsciiAlnum(c) && c !== 45)) return true;
  }
  return false;
}

/**
 * Indian vehicle registration marks (Motor Vehicles Act / CMVR rule 50, MoRTH): the state or UT
 * code, the 1-2 digit RTO number, 0-3 series letters and a 1-4 digit number, printed with
 * spaces, hyphens or compact (`MH 12 AB 1234`, `DL-3C-AB-1234`, `KA01AB1234`), and the Bharat
 * series `YY BH NNNN XX` (from 2021). No check digit: an upper-case mark with series letters
 * and a four-digit number is reported alone (0.55); other marks only next to a vehicle word.
 * @example
 * inVehicleRegistration().find('my car is MH 12 AB 1234', out) // pii.in-vehicle-registration
 */
export function inVehicleRegistration(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.in-vehicle-registration',
    pattern: new RegExp(
      `(?<![A-Za-z0-9-])(?:(?:${STATES})${SEP}?\\d{1,2}(?:${SEP}?[A-Z]{1,3}(?:${SEP}[A-Z]{1,2})?${SEP}?|${SEP})\\d{1,4}|\\d{2}${SEP}?BH${SEP}?\\d{4}${SEP}?[A-Z]{1,2})(?![A-Za-z0-9]|-[A-Za-z0-9])`,
      'i',
    ),
    validate: inVehicleRegistrationScore,
    score: FULL,
    contextScore: 0.9,
    context: CONTEXT,
    gate: hasMarkShape,
    needsDigit: true,
    maxMatchLength: 16,
  });
}
