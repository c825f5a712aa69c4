/**
 * Cheap whole-text preconditions shared by many recognizers. A regex whose first character is
 * common (any letter) costs 5-25 µs per KB; one that starts at a digit costs ~1 µs. Number
 * recognizers run only inside *windows* around runs of seven or more digits, computed once per
 * text (the detector hands the same string to every recognizer), so thirty number formats cost
 * about one scan.
 */
// Digits and single separators; a candidate run is checked for seven digits by hand. (The exact
// pattern, \d(?:[ -./:]?\d){6,}, keeps a backtrack point per digit: 30 ms on a 1 MB digit run.)
const RUN = /\d[\d \-./:]{5,}\d/g;
// Shapes with letters inside that still start at a digit: Finnish ids, NINO digits + suffix,
// codice fiscale birth date, PAN digits + check letter.
const MIXED = /(?<!\d)(?:(\d{6}[+\-A-FU-Ya-fu-y]\d{3})|(\d\d ?\d\d ?\d\d ?[A-Da-d](?![A-Za-z0-9]))|(\d\d[A-EHLMPR-Ta-ehlmpr-t]\d\d[A-Za-z])|(\d{4}[A-Za-z](?![A-Za-z0-9])))/g;

/** A region of the text around a digit run, widened to whitespace on both sides. */
export interface Window {
  start: number;
  end: number;
}

let lastText: string | undefined;
let lastWindows: Window[] = [];
let lastMixedText: string | undefined;
let lastMixed = 0;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Windows around runs of seven digits (single spaces, hyphens, dots or slashes allowed between
 * them), widened by up to 32 characters to the left (IBAN country and bank code, a NIE letter,
 * a '+' and country code) and 16 to the right, then out to whitespace, and merged.
 */
export function digitWindows(text: string): readonly Window[] {
  if (text === lastText) return lastWindows;
  const out: Window[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    if (!sevenDigits(m[0])) continue;
    // One unseparated run longer than any identifier (19 digits for cards) holds none: every
    // format needs a boundary that a longer run of digits does not give.
    if (m[0].length > 24 && /^\d+$/.test(m[0])) continue;
    let start = Math.max(0, m.index - 32);
    let end = Math.min(text.length, RUN.lastIndex + 16);
    // Out to whitespace, so the recognizers' own boundaries see the same neighbours as in the text.
    for (let k = 0; start > 0 && !isSpace(text.charCodeAt(start - 1)) && k < 64; k++) start--;
    for (let k = 0; end < text.length && !isSpace(text.charCodeAt(end)) && k < 64; k++) end++;
    const last = out[out.length - 1];
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  lastText = text;
  lastWindows = out;
  return out;
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

/** Bit flags of the mixed letter/digit shapes present: 1 Finnish id, 2 NINO, 4 codice fiscale, 8 PAN. */
export function mixedShapes(text: string): number {
  if (text === lastMixedText) return lastMixed;
  let flags = 0;
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
