import { SYMBOL_BURST } from '../../normalize/canonical-text.js';
import { fold, isInvisible } from '../../normalize/char-classes.js';
import { nearFilter, nearReset } from './near-gate.js';
import { addAnchorWord, anchorSlot, chunkMasks, CHUNK, sumFeatures, FEATURE_MASK, wordFeatureTables, type AnchorTable, type FeatureSink, type TextFeatures } from './features.js';

/**
 * The common case in one pass: a text of printable ASCII (after folding accented Latin letters,
 * no-break spaces and typographic quotes and dashes, one character for one) with nothing else to
 * fold but case and whitespace. The scan lower-cases as it goes and computes exactly what
 * `extractFeatures()` computes on the canonical text (words only depend on letters and separators,
 * so collapsing whitespace changes nothing), and gives up (null) at the first sign that the full
 * canonical pass is needed: other non-ASCII characters, control characters, HTML entities, URL or
 * `\x` escapes, a digit or `@`/`$` touching a letter (leetspeak), spaced single letters, a long
 * mixed-case or digit run (base64, hex), ROT13 words. It also measures the symbol burst that gates the adversarial-suffix statistics.
 */
export interface PlainScan extends TextFeatures {
  /**
   * The text the scan read: the input itself, or for a text with accented Latin letters, a
   * no-break space or typographic quotes and dashes, the input with each of them replaced by the
   * one ASCII character the canonical pass folds it to (same length, so offsets carry over).
   */
  text: string;
  /** Largest number of ASCII symbols within 80 characters, up to SYMBOL_BURST. */
  symbols: number;
  /** Whitespace is already canonical: the canonical text is the lower-cased text. */
  regularSpace: boolean;
}

// As a signed 32-bit value: every use goes through Math.imul, ^ or >>> 0, which give the same bits,
// and the hash then stays an int32 in optimised code (0x811c9dc5 itself would be a double).
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
// One table lookup per character: its class (low three bits) and what it can mean as a separator.
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const LEET = 4; // a digit that can stand for a letter: 0 1 3 4 5 7
const CLASS_MASK = 7;
/** Whitespace: space, tab, line feed, vertical tab, form feed, carriage return. */
const WS = 8;
/** May appear in a base64 or hex run besides letters and digits: `+ / _ -`. */
const RUN_EXTRA = 16;
/** May start something the full pass decodes or folds: controls, `& % \ @ $`. */
const SPECIAL = 32;
/** Counted for the symbol burst (brackets, backslash, asterisk, ...). */
const SYMBOL = 64;
const INFO = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 97 && c <= 122) INFO[c] = LOWER;
  else if (c >= 65 && c <= 90) INFO[c] = UPPER;
  else if (c === 48 || c === 49 || c === 51 || c === 52 || c === 53 || c === 55) INFO[c] = LEET;
  else if (c >= 48 && c <= 57) INFO[c] = DIGIT;
  else if (c === 32 || (c >= 9 && c <= 13)) INFO[c] = WS;
  else if (c < 32 || c === 127) INFO[c] = SPECIAL;
}
for (const ch of '+/_-') INFO[ch.charCodeAt(0)] = (INFO[ch.charCodeAt(0)] as number) | RUN_EXTRA;
for (const ch of '&%\\@$') INFO[ch.charCodeAt(0)] = (INFO[ch.charCodeAt(0)] as number) | SPECIAL;
for (const ch of '[]{}()<>\\*^~|`#=+@$%_') INFO[ch.charCodeAt(0)] = (INFO[ch.charCodeAt(0)] as number) | SYMBOL;
// Separators of spaced-out letters (`i g n o r e`, `i.g.n.o.r.e`), as in canonical-text.ts.
const SPACER = new Uint8Array(128);
for (const ch of ' .-_*|/+~') SPACER[ch.charCodeAt(0)] = 1;

const RING = new Int32Array(SYMBOL_BURST);

/** Whether `b[from..to)` is all spaces, tabs, vertical tabs and form feeds (and not empty). */
function blanks(b: Uint8Array, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = b[k] as number;
    if (c !== 32 && c !== 9 && c !== 11 && c !== 12) return false;
  }
  return true;
}

// The text's code units as bytes: one native call copies the text and tells whether it is ASCII
// (each other character takes two or more bytes), and the scan then reads a typed array, which
// costs fewer instructions per character than charCodeAt. Two spaces after the text end every
// word without bounds checks. A longer text gets a buffer of its own.
const ENCODER = new TextEncoder();
const BYTES = new Uint8Array(1 << 16);
const ASCII = new TextDecoder('latin1');

// Non-ASCII characters that the canonical pass folds to one ASCII letter, space, quote or hyphen
// (é -> e, Ü -> u, no-break space -> space, ’ -> ', “ -> ", — -> -), read off the pass's own fold
// so the two cannot disagree: a text of ASCII and these is scanned as the folded ASCII text.
// Everything else non-ASCII (other scripts, emoji, invisible characters, ligatures) takes the full pass.
const FOLD_TO_ASCII = new Uint8Array(0x2213);
for (let cp = 0x80; cp < FOLD_TO_ASCII.length; cp++) {
  if (isInvisible(cp)) continue;
  const f = fold(cp, true).s;
  const c = f.length === 1 ? f.charCodeAt(0) : 0;
  if ((c >= 97 && c <= 122) || c === 32 || c === 39 || c === 34 || c === 45) FOLD_TO_ASCII[cp] = c;
}

/** Copy `src` into `b` folded to ASCII (see FOLD_TO_ASCII); false at the first character that does not fold. */
function foldInto(src: string, b: Uint8Array): boolean {
  const n = src.length;
  for (let k = 0; k < n; k++) {
    const c = src.charCodeAt(k);
    if (c < 128) b[k] = c;
    else {
      const f = c < FOLD_TO_ASCII.length ? (FOLD_TO_ASCII[c] as number) : 0;
      if (f === 0) return false;
      b[k] = f;
    }
  }
  return true;
}

function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
  return h >>> 0;
}
// ROT13 of "the", "you", "and", "all", "is": their presence sends the text to the full pass.
// Compared as five constants: a Set lookup of a uint32 (a heap number) costs more than the word.
const [ROT_GUR, ROT_LBH, ROT_NAQ, ROT_NYY, ROT_VF] = ['gur', 'lbh', 'naq', 'nyy', 'vf'].map(hashWord) as [number, number, number, number, number];
function isRot13Marker(h: number): boolean {
  return h === ROT_GUR || h === ROT_LBH || h === ROT_NAQ || h === ROT_NYY || h === ROT_VF;
}

/** Give up: clear what was set in the presence bitmap. */
function bail(seen: Uint32Array, touched: Int32Array, count: number): null {
  for (let k = 0; k < count; k++) seen[(touched[k] as number) >>> 5] = 0;
  return null;
}

function isLetter(c: number): boolean {
  if (!(c < 128)) return false;
  const cls = (INFO[c] as number) & CLASS_MASK;
  return cls === LOWER || cls === UPPER;
}

/**
 * Does the SPECIAL character `c` at `b[i]` (of a text of `n` units) start something the full pass
 * would change: a control character, an HTML entity, a URL or `\x`/`\u` escape, or `@`/`$`
 * touching a letter (leetspeak)?
 */
function startsFold(b: Uint8Array, n: number, i: number, c: number): boolean {
  if (c < 32 || c === 127) return true;
  if (c === 38) {
    // &#..; &#x..; &name; entities.
    const d = i + 1 < n ? (b[i + 1] as number) : 0;
    if (d === 35) return true;
    if ((d | 32) >= 97 && (d | 32) <= 122) {
      let k = i + 1;
      while (k < n && k - i <= 9 && ((b[k] as number) | 32) >= 97 && ((b[k] as number) | 32) <= 122) k++;
      if (k < n && b[k] === 59) return true;
    }
    return false;
  }
  if (c === 37) return i + 2 < n && isHex(b[i + 1] as number) && isHex(b[i + 2] as number);
  if (c === 92) {
    const d = i + 1 < n ? (b[i + 1] as number) | 32 : 0;
    return (d === 120 || d === 117) && i + 2 < n && isHex(b[i + 2] as number);
  }
  // @ and $ fold to letters inside words: `@dmin`, `pa$$word`.
  if ((i > 0 && isLetter(b[i - 1] as number)) || (i + 1 < n && isLetter(b[i + 1] as number))) return true;
  // The feature pass reads an `@` between letters or digits as part of the word (`8@3`, as in an address).
  return c === 64 && i > 0 && i + 1 < n && isDigit(b[i - 1] as number) && isDigit(b[i + 1] as number);
}

function isDigit(c: number): boolean {
  if (!(c < 128)) return false;
  const cls = (INFO[c] as number) & CLASS_MASK;
  return cls === DIGIT || cls === LEET;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/**
 * Scan a plain text in one pass, or return null when it needs the full canonical pass.
 * @example
 * plainScan('Summarise this article in three bullet points.', table, { weights: null, indices: null }) !== null // true
 */
export function plainScan(src: string, table: AnchorTable, sink: FeatureSink): PlainScan | null {
  const n = src.length;
  const b = n + 2 <= BYTES.length ? BYTES : new Uint8Array(n + 2);
  const copied = ENCODER.encodeInto(src, b);
  const folded = copied.read !== n || copied.written !== n;
  if (folded && !foldInto(src, b)) return null;
  b[n] = 32;
  b[n + 1] = 32;
  const { seen, touched } = wordFeatureTables();
  const lo = table.lo;
  const hi = table.hi;
  const lo2 = table.lo2;
  const hi2 = table.hi2;
  let anchorLo = 0;
  let anchorHi = 0;
  let anchor2Lo = table.free2Lo;
  let anchor2Hi = table.free2Hi;
  nearReset();
  const chunks = n > 1024 ? Math.ceil(n / CHUNK) : 0;
  const per = chunks > 0 ? new Uint32Array(chunks * 4) : null;

  let h = FNV_OFFSET;
  let prefix = 0;
  let len = 0;
  let prev = 0;
  // Entries of `touched` set for this text.
  let nt = 0;
  // Position in the canonical text (whitespace runs collapse to one character, leading ones vanish).
  let cpos = 0;
  let inSpace = true;
  // Whether whitespace is already canonical (single spaces and line breaks, none leading or trailing).
  let regularSpace = true;
  // Base64/hex run: length, and whether it holds a capital after its start or a digit, + or /.
  let run = 0;
  let runMixed = false;
  // Spaced single letters: consecutive one-character words one separator apart.
  let singles = 0;
  let lastSingleEnd = -2;
  // Symbol burst: positions of the last SYMBOL_BURST symbols.
  const ring = RING;
  let symbolCount = 0;
  let burst = 0;


  for (let i = 0; i <= n; i++) {
    const c = b[i] as number;
    const info = INFO[c] as number;
    if (info === LOWER) {
      // The hot path: a run of lower-case letters, in a tight loop of its own (few live values,
      // so the optimising compiler keeps them in registers).
      h = Math.imul(h ^ c, FNV_PRIME);
      if (++len === 5) prefix = h;
      for (let d = b[i + 1] as number; d >= 97 && d <= 122; d = b[i + 1] as number) {
        h = Math.imul(h ^ d, FNV_PRIME);
        if (++len === 5) prefix = h;
        i++;
      }
      continue;
    }
    const cls = info & CLASS_MASK;
    if (cls !== 0) {
      // Leetspeak: a digit standing for a letter next to a letter goes to the full pass.
      if (cls === LEET && ((i > 0 && isLetter(b[i - 1] as number)) || isLetter(b[i + 1] as number))) return bail(seen, touched, nt);
      // Base64 and hex runs mix capitals (after the first character) and digits with letters.
      if (run + len > 0) runMixed = true;
      h = Math.imul(h ^ (cls === UPPER ? c | 32 : c), FNV_PRIME);
      if (++len === 5) prefix = h;
      // Such a run only grows until its end, where the check below gives up: give up now (a
      // megabyte of digits is one word).
      if (runMixed && run + len >= 16) return bail(seen, touched, nt);
      continue;
    }
    // A word (or nothing) just ended at i: account for it in the canonical position and the run.
    if (len > 0) {
      cpos += len;
      inSpace = false;
    }
    if ((info & WS) !== 0) {
      if (!inSpace) cpos++;
      // A run of two, a leading or trailing one (the end sentinel is a space), or a tab or CR:
      // the canonical text then differs from the lower-cased text by more than case.
      else if (i < n || n === 0 || ((INFO[b[n - 1] as number] as number) & WS) !== 0) regularSpace = false;
      if (c !== 32 && c !== 10) regularSpace = false;
      inSpace = true;
    } else {
      cpos++;
      inSpace = false;
    }
    if ((info & RUN_EXTRA) !== 0) {
      if (run + len > 0 && (c === 43 || c === 47)) runMixed = true;
      run += len + 1;
    } else {
      if (run + len >= 16 && runMixed) return bail(seen, touched, nt);
      run = 0;
      runMixed = false;
    }
    if ((info & SPECIAL) !== 0 && startsFold(b, n, i, c)) return bail(seen, touched, nt);
    if ((info & SYMBOL) !== 0 && burst < SYMBOL_BURST) {
      ring[symbolCount % SYMBOL_BURST] = i;
      symbolCount++;
      const within = symbolCount >= SYMBOL_BURST ? (i - (ring[symbolCount % SYMBOL_BURST] as number) <= 80 ? SYMBOL_BURST : 1) : symbolCount;
      if (within > burst) burst = within;
    }
    if (len === 0) continue;
    // End of a word: the same features as extractFeatures() on the canonical text.
    if (len === 1) {
      // One separator after the last single letter, or a run of blanks (the canonical text collapses it to one space).
      singles = (i - 1 === lastSingleEnd + 1 && SPACER[b[i - 2] as number] === 1) || (lastSingleEnd >= 0 && blanks(b, lastSingleEnd, i - 1)) ? singles + 1 : 1;
      lastSingleEnd = i;
      if (singles >= 3) return bail(seen, touched, nt);
    }
    const full = h >>> 0;
    if (len <= 3 && isRot13Marker(full)) return bail(seen, touched, nt);
    const p = (len < 5 ? h : prefix) >>> 0;
    const entry = anchorSlot(table, p);
    if (entry >= 0) {
      anchorLo |= lo[entry] as number;
      anchorHi |= hi[entry] as number;
      anchor2Lo |= lo2[entry] as number;
      anchor2Hi |= hi2[entry] as number;
      // The word began len letters before the separator just counted.
      addAnchorWord(table, cpos - len - 1, entry);
    }
    if (per !== null && entry >= 0) {
      // The word began len letters before the separator just counted (if it was one).
      const start = cpos - len - 1;
      const ci = Math.min(chunks - 1, ((start / CHUNK) | 0)) * 4;
      per[ci] = (per[ci] as number) | (lo[entry] as number);
      per[ci + 1] = (per[ci + 1] as number) | (hi[entry] as number);
      per[ci + 2] = (per[ci + 2] as number) | (lo2[entry] as number);
      per[ci + 3] = (per[ci + 3] as number) | (hi2[entry] as number);
    }
    if (len <= 40) {
      const wx = ((h ^ 0x9e3779b1) >>> 0) & FEATURE_MASK;
      if ((((seen[wx >>> 5] as number) >>> (wx & 31)) & 1) === 0) {
        seen[wx >>> 5] = (seen[wx >>> 5] as number) | (1 << (wx & 31));
        touched[nt++] = wx;
      }
      const bx = ((Math.imul(prev ^ 0x85ebca6b, FNV_PRIME) ^ h) >>> 0) & FEATURE_MASK;
      if ((((seen[bx >>> 5] as number) >>> (bx & 31)) & 1) === 0) {
        seen[bx >>> 5] = (seen[bx >>> 5] as number) | (1 << (bx & 31));
        touched[nt++] = bx;
      }
      if (len > 5) {
        const sx = ((p ^ 0x7feb352d) >>> 0) & FEATURE_MASK;
        if ((((seen[sx >>> 5] as number) >>> (sx & 31)) & 1) === 0) {
          seen[sx >>> 5] = (seen[sx >>> 5] as number) | (1 << (sx & 31));
          touched[nt++] = sx;
        }
      }
      prev = h;
    }
    h = FNV_OFFSET;
    len = 0;
  }
  const count = nt;
  const { sum, known } = sumFeatures(count, sink);
  // Chunks are counted on the canonical text (trailing whitespace dropped), as extractFeatures does.
  const canonicalLength = inSpace && cpos > 0 ? cpos - 1 : cpos;
  const used = canonicalLength > 1024 ? Math.ceil(canonicalLength / CHUNK) : 0;
  const { chunkLo, chunkHi } = per !== null && used > 0 ? chunkMasks(per, used, table) : { chunkLo: null, chunkHi: null };
  // Both anchor groups present, and close enough where the signal is gated by proximity.
  return {
    text: folded ? ASCII.decode(b.subarray(0, n)) : src,
    anchorLo: nearFilter(table.near, lo, lo2, anchorLo & anchor2Lo, false),
    anchorHi: nearFilter(table.near, hi, hi2, anchorHi & anchor2Hi, true),
    scripts: 0,
    sum,
    count,
    known,
    chunkLo,
    chunkHi,
    mixedWords: false,
    symbols: burst,
    regularSpace,
  };
}
