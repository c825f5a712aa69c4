/**
 * Cheap whole-text preconditions shared by many recognizers, each computed once per text (the
 * detector hands the same string to every recognizer). A regex whose first character is common
 * (any letter) costs 5-25 µs per KB; one that starts at a digit ~1 µs; a native substring search
 * less. Number recognizers run only inside *windows* around runs of seven or more digits, so
 * thirty number formats cost about one scan.
 *
 * The text's digit runs are found once and the digit-shaped preconditions are read from them: a
 * few runs, a few tests. A long digit-dense text (`digitDense`) may hold hundreds of thousands
 * of runs, and there a precondition with a regex of its own runs that instead: one native scan
 * beats a JavaScript step per run. Both give the same answer.
 */
/** Texts longer than this may be tested by regex (see `digitDense`). */
export const LONG_TEXT = 4096;
// A long text is digit-dense when its first SAMPLE characters hold at least DENSE digits (1 in 16).
const SAMPLE = 2048;
const DENSE = 128;
let lastDenseText: string | undefined;
let lastDense = false;

/**
 * True for a long text whose start is dense with digits (tables, dumps, adversarial input): its
 * digit preconditions are tested by regex. Prose, however long, keeps the run-based tests.
 */
export function digitDense(text: string): boolean {
  if (text !== lastDenseText) {
    let dense = false;
    if (text.length > LONG_TEXT) {
      let digits = 0;
      for (let i = 0; i < SAMPLE && digits < DENSE; i++) if (isDigit(text.charCodeAt(i))) digits++;
      dense = digits >= DENSE;
    }
    lastDenseText = text;
    lastDense = dense;
  }
  return lastDense;
}

/** A region of the text around a digit run, widened to whitespace on both sides. */
export interface Window {
  start: number;
  end: number;
}

/** Digit runs as flat [start, end) pairs: a plain array for a message, a typed one for a long text. */
export type DigitRuns = ArrayLike<number>;

// Jumps to the next digit in native code (`test` with a global regex allocates no match).
const NEXT_DIGIT = /\d/g;
let lastRunsText: string | undefined;
let lastRuns: DigitRuns = [];

/** The text's runs of ASCII digits as flat [start, end) pairs, found once per text. */
export function digitRuns(text: string): DigitRuns {
  if (text !== lastRunsText) {
    lastRuns = digitDense(text) ? denseRuns(text) : sparseRuns(text);
    lastRunsText = text;
  }
  return lastRuns;
}

/** Few digits: each run found by a native jump. */
function sparseRuns(text: string): number[] {
  const runs: number[] = [];
  const n = text.length;
  NEXT_DIGIT.lastIndex = 0;
  while (NEXT_DIGIT.test(text)) {
    const start = NEXT_DIGIT.lastIndex - 1;
    let end = start + 1;
    while (end < n && isDigit(text.charCodeAt(end))) end++;
    runs.push(start, end);
    NEXT_DIGIT.lastIndex = end;
  }
  return runs;
}

/**
 * A digit-dense text: after a run the next few characters are looked at directly before a native
 * jump (no regex call per run), and the runs go to a typed buffer grown by doubling (a million
 * runs cost a fraction of array pushes).
 */
function denseRuns(text: string): Int32Array {
  let runs = new Int32Array(256);
  let count = 0;
  const n = text.length;
  let i = 0;
  for (;;) {
    // The next digit: within 16 characters by hand, else by a native jump.
    const near = Math.min(n, i + 16);
    while (i < near && !isDigit(text.charCodeAt(i))) i++;
    if (i === near) {
      if (i === n) break;
      NEXT_DIGIT.lastIndex = i;
      if (!NEXT_DIGIT.test(text)) break;
      i = NEXT_DIGIT.lastIndex - 1;
    }
    const start = i;
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (count + 2 > runs.length) {
      const bigger = new Int32Array(runs.length * 2);
      bigger.set(runs);
      runs = bigger;
    }
    runs[count++] = start;
    runs[count++] = i;
  }
  return runs.subarray(0, count);
}

const DIGIT = /\d/;
let lastDigitText: string | undefined;
let lastDigit = false;

/** True when the text has an ASCII digit (the detector asks first: no runs are built for prose). */
export function hasDigit(text: string): boolean {
  if (text !== lastDigitText) {
    lastDigit = DIGIT.test(text);
    lastDigitText = text;
  }
  return lastDigit;
}

let lastTouchText: string | undefined;
let lastTouch = false;
const DIGIT_BY_LETTER = /[A-Za-z]\d|\d[A-Za-z]/;

/**
 * True when a digit touches an ASCII letter (`C01X`, `1EG4`, `ABC123`): the shape of every id that
 * mixes letters and digits in one word. Read from the digit runs (a few per message); a dense text
 * is tested by regex. Chat numbers stand apart from words ("3 pm", "order 48213"), so most texts
 * with digits skip those formats.
 */
export function digitTouchesLetter(text: string): boolean {
  if (text !== lastTouchText) {
    let touch = false;
    if (!hasDigit(text)) touch = false;
    else if (digitDense(text)) touch = DIGIT_BY_LETTER.test(text);
    else {
      const runs = digitRuns(text);
      for (let k = 0; k < runs.length && !touch; k += 2) {
        const start = runs[k] as number;
        const end = runs[k + 1] as number;
        touch = (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) || (end < text.length && isAsciiLetter(text.charCodeAt(end)));
      }
    }
    lastTouchText = text;
    lastTouch = touch;
  }
  return lastTouch;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

let lastText: string | undefined;
let lastWindows: Window[] = [];
// Digits and separators from a digit to a digit (see `digitWindows`).
const RUN = /\d[\d \-./:]{5,}\d/g;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** A separator of `[\d \-./:]` (the digit-run pattern below). */
function isRunSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47 || c === 58;
}

/**
 * Windows around runs of seven digits (single spaces, hyphens, dots or slashes allowed between
 * them), widened by up to 32 characters to the left (IBAN country and bank code, a NIE letter,
 * a '+' and country code) and 16 to the right, then out to whitespace, and merged.
 *
 * Candidates are the matches of /\d[\d \-./:]{5,}\d/g, checked for seven digits by hand (the exact
 * pattern, \d(?:[ -./:]?\d){6,}, keeps a backtrack point per digit: 30 ms on a 1 MB digit run).
 * That pattern matches, in each stretch of digits and separators, from its first digit to its
 * last when they are seven characters apart: read from the digit runs unless the text is dense.
 */
export function digitWindows(text: string): readonly Window[] {
  if (text === lastText) return lastWindows;
  const out: Window[] = [];
  if (digitDense(text)) {
    RUN.lastIndex = 0;
    for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) addWindow(text, m.index, RUN.lastIndex, out);
  } else {
    const runs = digitRuns(text);
    for (let k = 0; k < runs.length; ) {
      const first = runs[k] as number;
      let last = runs[k + 1] as number;
      k += 2;
      // Runs joined by separators only are one stretch.
      for (; k < runs.length; k += 2) {
        let g = last;
        const next = runs[k] as number;
        while (g < next && isRunSeparator(text.charCodeAt(g))) g++;
        if (g < next) break;
        last = runs[k + 1] as number;
      }
      if (last - first >= 7) addWindow(text, first, last, out);
    }
  }
  lastText = text;
  lastWindows = out;
  return out;
}

/** Add the window around the candidate `text.slice(first, last)` when it holds seven digits. */
function addWindow(text: string, first: number, last: number, out: Window[]): void {
  const m = text.slice(first, last);
  if (!sevenDigits(m)) return;
  // One unseparated run longer than any identifier (19 digits for cards) holds none: every
  // format needs a boundary that a longer run of digits does not give.
  if (m.length > 24 && /^\d+$/.test(m)) return;
  let start = Math.max(0, first - 32);
  let end = Math.min(text.length, last + 16);
  // Out to whitespace, so the recognizers' own boundaries see the same neighbours as in the text.
  for (let j = 0; start > 0 && !isSpace(text.charCodeAt(start - 1)) && j < 64; j++) start--;
  for (let j = 0; end < text.length && !isSpace(text.charCodeAt(end)) && j < 64; j++) end++;
  const previous = out[out.length - 1];
  if (previous !== undefined && start <= previous.end) previous.end = Math.max(previous.end, end);
  else out.push({ start, end });
}

/** Seven digits with at most one separator between neighbours. */
function sevenDigits(run: string): boolean {
  let digits = 0;
  let gap = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (gap > 1) digits = 0;
      gap = 0;
      if (++digits >= 7) return true;
    } else gap++;
  }
  return false;
}

/** True when the text has seven digits in a row (single separators allowed). */
export function hasDigitRun7(text: string): boolean {
  return digitWindows(text).length > 0;
}

let lastStretchText: string | undefined;
let lastStretch = 0;
let lastLongestRun = 0;

/** One separator that may stand between the digit groups of a printed number. */
function isGroupSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 46 || c === 47 || c === 58 || c === 43;
}

/** Computes `lastStretch` and `lastLongestRun` for the text. */
function measureDigits(text: string): void {
  if (text === lastStretchText) return;
  const runs = digitRuns(text);
  let best = 0;
  let longest = 0;
  let digits = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k] as number;
    const length = (runs[k + 1] as number) - start;
    if (k === 0 || start !== (runs[k - 1] as number) + 1 || !isGroupSeparator(text.charCodeAt(start - 1))) digits = 0;
    digits += length;
    if (digits > best) best = digits;
    if (length > longest) longest = length;
  }
  lastStretchText = text;
  lastStretch = best;
  lastLongestRun = longest;
}

/**
 * The most digits in one printed number: digit runs joined by single spaces, hyphens, dots,
 * slashes, colons or plus signs. Every number format (`\d{3}-?\d{2}-?\d{4}`, `\d{11}`, ...) matches
 * inside one such stretch, so a format needing more digits than this cannot match.
 */
export function longestDigitStretch(text: string): number {
  measureDigits(text);
  return lastStretch;
}

/** The most digits in a row. */
export function longestDigitRun(text: string): number {
  measureDigits(text);
  return lastLongestRun;
}

/**
 * A `gate` for number formats whose matches hold at least `total` digits of one printed number
 * and at least `run` digits in a row (the longest fixed group of the pattern, e.g. 4 in
 * `\d{3}-?\d{2}-?\d{4}`): phone numbers and dates skip most formats, as do long runs of single digits.
 */
export function digitsAtLeast(total: number, run: number): (text: string) => boolean {
  // From the digit runs at any length: one pass serves every format (a regex per format would scan
  // a long text some twenty times).
  return (text) => longestDigitStretch(text) >= total && longestDigitRun(text) >= run;
}

/**
 * The `gate` of an id that mixes letters and digits in one word (`C01X00T41`, `1EG4-TE5-MK73`): a
 * digit touches a letter (`digitTouchesLetter`) and the digits reach `total` and `run`, as in
 * `digitsAtLeast`.
 */
export function mixedIdAtLeast(total: number, run: number): (text: string) => boolean {
  const enough = digitsAtLeast(total, run);
  return (text) => digitTouchesLetter(text) && enough(text);
}

let lastMixedText: string | undefined;
let lastMixed = 0;
const MIXED = /(?<!\d)(?:(\d{6}[+\-A-FU-Ya-fu-y]\d{3})|(\d\d ?\d\d ?\d\d ?[A-Da-d](?![A-Za-z0-9]))|(\d\d[A-EHLMPR-Ta-ehlmpr-t]\d\d[A-Za-z])|(\d{4}[A-Za-z](?![A-Za-z0-9])))/g;

/**
 * Bit flags of the mixed letter/digit shapes present: 1 Finnish id, 2 NINO, 4 codice fiscale, 8 PAN.
 * The groups of MIXED matched in a text, scanned in text order. Unless the text is dense they are
 * read from the digit runs: each match starts a run, the first shape that fits is the match, and
 * the next one is looked for after it.
 */
export function mixedShapes(text: string): number {
  if (text === lastMixedText) return lastMixed;
  let flags = 0;
  if (digitDense(text)) {
    MIXED.lastIndex = 0;
    for (let m = MIXED.exec(text); m !== null && flags !== 15; m = MIXED.exec(text)) {
      if (m[1] !== undefined) flags |= 1;
      if (m[2] !== undefined) flags |= 2;
      if (m[3] !== undefined) flags |= 4;
      if (m[4] !== undefined) flags |= 8;
    }
    lastMixedText = text;
    lastMixed = flags;
    return flags;
  }
  const runs = digitRuns(text);
  let after = 0;
  for (let k = 0; k < runs.length && flags !== 15; k += 2) {
    const p = runs[k] as number;
    if (p < after) continue;
    const shape = mixedShapeAt(text, p);
    if (shape === 0) continue;
    flags |= shape & 15;
    after = p + (shape >> 4);
  }
  lastMixedText = text;
  lastMixed = flags;
  return flags;
}

/** The first mixed shape matching at digit `p`: its flag + 16 * its length, or 0. */
function mixedShapeAt(text: string, p: number): number {
  // Every shape starts with two digits; a run of one digit (most runs in digit-dense text) fits none.
  if (!digitAt(text, p + 1)) return 0;
  // \d{6}[+\-A-FU-Ya-fu-y]\d{3}
  if (digitAt(text, p + 2) && digitAt(text, p + 3) && digitAt(text, p + 4) && digitAt(text, p + 5) && isCenturySign(text.charCodeAt(p + 6)) && digitAt(text, p + 7) && digitAt(text, p + 8) && digitAt(text, p + 9)) {
    return 1 + 16 * 10;
  }
  // \d\d ?\d\d ?\d\d ?[A-Da-d](?![A-Za-z0-9])
  let i = p + 2;
  if (text.charCodeAt(i) === 32) i++;
  if (digitAt(text, i) && digitAt(text, i + 1)) {
    i += 2;
    if (text.charCodeAt(i) === 32) i++;
    if (digitAt(text, i) && digitAt(text, i + 1)) {
      i += 2;
      if (text.charCodeAt(i) === 32) i++;
      const c = text.charCodeAt(i) | 32;
      if (c >= 97 && c <= 100 && !isAsciiAlnum(text.charCodeAt(i + 1))) return 2 + 16 * (i + 1 - p);
    }
  }
  // \d\d[A-EHLMPR-Ta-ehlmpr-t]\d\d[A-Za-z]
  if (isMonthLetter(text.charCodeAt(p + 2)) && digitAt(text, p + 3) && digitAt(text, p + 4) && isAsciiLetter(text.charCodeAt(p + 5))) return 4 + 16 * 6;
  // \d{4}[A-Za-z](?![A-Za-z0-9])
  if (digitAt(text, p + 2) && digitAt(text, p + 3) && isAsciiLetter(text.charCodeAt(p + 4)) && !isAsciiAlnum(text.charCodeAt(p + 5))) return 8 + 16 * 5;
  return 0;
}

function digitAt(text: string, i: number): boolean {
  return isDigit(text.charCodeAt(i));
}

/** `[+\-A-FU-Ya-fu-y]` (NaN past the end is none). */
function isCenturySign(c: number): boolean {
  if (c === 43 || c === 45) return true;
  const l = c | 32;
  return (l >= 97 && l <= 102) || (l >= 117 && l <= 121);
}

/** `[A-EHLMPR-Ta-ehlmpr-t]`: the month letters of a codice fiscale. */
function isMonthLetter(c: number): boolean {
  const l = c | 32;
  return (l >= 97 && l <= 101) || l === 104 || l === 108 || l === 109 || l === 112 || (l >= 114 && l <= 116);
}

/** An ASCII letter (either case). */
export function isAsciiLetter(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 122;
}

/** An ASCII letter or digit. */
export function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

let lastLowerSource: string | undefined;
let lastLower = '';

/** The lower-cased text, computed once per text. */
export function lowerOf(text: string): string {
  if (text !== lastLowerSource) {
    lastLowerSource = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}
