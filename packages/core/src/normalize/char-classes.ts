import { LEET, STRONG_CONFUSABLES, TYPOGRAPHIC, WEAK_CONFUSABLES } from './fold-tables.js';

// Character classes and per-code-point folds of the canonical pass.

// Character classes of canonical code units (word characters are 1..6).
export const OTHER = 0;
export const LATIN = 1;
export const STRONG = 2;
export const WEAK = 3;
export const LETTER = 4; // a letter, mark or number of another script
export const LEET_CANDIDATE = 5;
export const DIGIT = 6;
export const SPACE = 7;
export const NEWLINE = 8;

export const UTF16 = new TextDecoder('utf-16le');

export interface Folded {
  s: string;
  cls: Uint8Array;
}

// Per-code-point fold results, bounded so adversarial input cannot grow it without limit.
export const foldCache = new Map<number, Folded>();
export const foldCacheNoCase = new Map<number, Folded>();
export const MAX_CACHE = 8192;

export const LETTERLIKE = /[\p{L}\p{M}\p{N}]/u;
export const WHITESPACE = /\s/u;
export const COMBINING_LATIN = /[\u0300-\u036f]/g;

// Numeric forms of the fold tables, for the per-character loops (code unit -> code unit).
// Confusables are looked up for every look-alike of a word being folded: a direct table over the
// code units below U+2000 (Cyrillic, Greek, IPA and phonetic letters), a map for the few above.
const CONFUSABLE_DIRECT = 0x2000;
const CONFUSABLE_LOW = new Uint16Array(CONFUSABLE_DIRECT);
const CONFUSABLE_HIGH = new Map<number, number>();
for (const table of [STRONG_CONFUSABLES, WEAK_CONFUSABLES]) {
  for (const [k, v] of Object.entries(table)) {
    const from = k.charCodeAt(0);
    if (from < CONFUSABLE_DIRECT) CONFUSABLE_LOW[from] = v.charCodeAt(0);
    else CONFUSABLE_HIGH.set(from, v.charCodeAt(0));
  }
}

/** The Latin letter a confusable code unit folds to, or 0 when it is not a confusable. */
export function confusableTo(code: number): number {
  return code < CONFUSABLE_DIRECT ? (CONFUSABLE_LOW[code] as number) : (CONFUSABLE_HIGH.get(code) ?? 0);
}
export const LEET_TO = new Uint16Array(128);
for (const [k, v] of Object.entries(LEET)) LEET_TO[k.charCodeAt(0)] = v.charCodeAt(0);

// Invisible characters dropped by the pass (see normalize-text.ts for the reasons per range),
// as inclusive ranges; the BMP ones are looked up in a bitmap (8 KiB), as the check runs for every
// non-ASCII character and most of them (letters of other scripts) are not invisible.
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x7f, 0x9f], [0xad, 0xad], [0x34f, 0x34f], [0x61c, 0x61c], [0x115f, 0x1160], [0x17b4, 0x17b5], [0x180e, 0x180e],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x206f], [0x3164, 0x3164], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
  [0xffa0, 0xffa0], [0xfff9, 0xfffb],
];
const INVISIBLE_BMP = new Uint32Array(0x10000 >>> 5);
for (const [from, to] of INVISIBLE_RANGES) for (let cp = from; cp <= to; cp++) INVISIBLE_BMP[cp >>> 5] = (INVISIBLE_BMP[cp >>> 5] as number) | (1 << (cp & 31));

export function isInvisible(cp: number): boolean {
  // Above the BMP only the supplementary variation selectors (U+E0100..U+E01EF) are invisible here.
  if (cp > 0xffff) return cp >= 0xe0100 && cp <= 0xe01ef;
  return (((INVISIBLE_BMP[cp >>> 5] as number) >>> (cp & 31)) & 1) === 1;
}

export function classOf(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return asciiClass(c);
  if (STRONG_CONFUSABLES[ch] !== undefined) return STRONG;
  if (WEAK_CONFUSABLES[ch] !== undefined) return WEAK;
  if (c >= 0xd800 && c <= 0xdfff) return LETTER; // half of an astral letter or symbol
  if (LETTERLIKE.test(ch)) return isLatinLetter(c) ? LATIN : LETTER;
  if (WHITESPACE.test(ch)) return SPACE;
  return OTHER;
}

export function isLatinLetter(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

export function asciiClass(c: number): number {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return LATIN;
  if (c >= 48 && c <= 57) return c === 48 || c === 49 || c === 51 || c === 52 || c === 53 || c === 55 ? LEET_CANDIDATE : DIGIT;
  if (c === 64 || c === 36) return LEET_CANDIDATE;
  if (c === 32 || c === 9 || c === 11 || c === 12) return SPACE;
  if (c === 10 || c === 13) return NEWLINE;
  return OTHER;
}

// Direct-indexed cache for the BMP below U+3400 (Latin, Greek, Cyrillic, Arabic, kana, ...).
export const foldArray: (Folded | undefined)[] = new Array(0x3400);
export const foldArrayNoCase: (Folded | undefined)[] = new Array(0x3400);

export function fold(cp: number, caseFold: boolean): Folded {
  if (cp < 0x3400) {
    const arr = caseFold ? foldArray : foldArrayNoCase;
    const hit = arr[cp];
    if (hit !== undefined) return hit;
    const made = computeFold(cp, caseFold);
    arr[cp] = made;
    return made;
  }
  const cache = caseFold ? foldCache : foldCacheNoCase;
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  const made = computeFold(cp, caseFold);
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(cp, made);
  return made;
}

export function computeFold(cp: number, caseFold: boolean): Folded {
  const typographic = cp <= 0xffff ? TYPOGRAPHIC[String.fromCharCode(cp)] : undefined;
  if (typographic !== undefined) return { s: typographic, cls: Uint8Array.of(asciiClass(typographic.charCodeAt(0))) };
  let s = String.fromCodePoint(cp).normalize('NFKC');
  if (caseFold) s = s.toLowerCase();
  // Strip accents from Latin letters only (é -> e); other scripts keep their marks (й stays й).
  const d = s.normalize('NFD');
  if (d.length > 1 && d.charCodeAt(0) < 0x250 && COMBINING_LATIN.test(d)) s = d.replace(COMBINING_LATIN, '').normalize('NFC');
  COMBINING_LATIN.lastIndex = 0;
  const cls = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) cls[k] = classOf(s[k] as string);
  return { s, cls };
}


// Class of each ASCII code unit; DROP marks controls other than tab and line breaks.
export const DROP = 255;
export const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 ? DROP : c === 127 ? DROP : asciiClass(c);

// ASCII symbols counted for the adversarial-suffix statistics: brackets, backslash, asterisk, ...
export const SYMBOL = new Uint8Array(128);
for (const ch of '[]{}()<>\\*^~|`#=+@$%_') SYMBOL[ch.charCodeAt(0)] = 1;

export function isLetterSeparator(code: number): boolean {
  return code === 32 || code === 46 || code === 45 || code === 95 || code === 42 || code === 124 || code === 47 || code === 43 || code === 126;
}
