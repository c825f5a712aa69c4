import { COMMON_WORDS, HTML_ENTITIES, LEET, STRONG_CONFUSABLES, WEAK_CONFUSABLES } from './fold-tables.js';

/** Options for `canonicalText`. Every fold can be switched off (PII and secrets keep digits). */
export interface CanonicalOptions {
  /** Lower-case everything (default true). */
  caseFold?: boolean;
  /** Fold Cyrillic/Greek look-alikes inside Latin words to Latin (default true). */
  confusables?: boolean;
  /** Fold leetspeak digits and symbols inside words (`1gn0r3` -> `ignore`; default true). */
  leet?: boolean;
  /** Join spaced or punctuated single letters (`i g n o r e`, `i.g.n.o.r.e`; default true). */
  joinSpaced?: boolean;
  /** Decode HTML entities and URL escapes inline, and base64, hex, escapes, ROT13 and tag characters as appended segments (default true). */
  decode?: boolean;
  /** How many encodings deep a payload is decoded (default 3). */
  maxDecodeDepth?: number;
  /** Total characters of decoded payloads appended, over all depths (default 65536). */
  maxDecodedChars?: number;
}

/** The encodings a payload can arrive in; each decoded payload is appended as its own segment. */
export type PayloadKind = 'base64' | 'hex' | 'escape' | 'rot13' | 'tag';

/** What the canonical pass removed or folded: each is evidence of obfuscation on its own. */
export interface CanonicalSignals {
  /** Zero-width, bidi, variation selector and control characters removed. */
  invisible: number;
  /** Unicode tag characters (U+E0000..U+E007F): invisible ASCII smuggling. */
  tagChars: number;
  /** Homoglyphs folded to Latin inside Latin words. */
  confusables: number;
  /** Leetspeak characters folded to letters. */
  leet: number;
  /** Runs of spaced or punctuated letters joined into words. */
  joined: number;
  /** HTML entities decoded inline. */
  htmlEntities: number;
  /** URL escapes (`%69`) decoded inline. */
  urlEscapes: number;
  /** Kinds of the payloads decoded and appended, one entry per payload, at every depth. */
  payloads: PayloadKind[];
  /**
   * The most ASCII symbols (brackets, backslash, asterisk, ...) found within any SYMBOL_SPAN
   * characters of the original text, counted up to SYMBOL_BURST: token salad has bursts of them.
   */
  symbols: number;
}

/** The canonical text with a map back to the original text's offsets. */
export interface CanonicalText {
  /** Canonical text: the folded original, then `\n` and each decoded payload's canonical text. */
  readonly text: string;
  /** Length of the part of `text` that folds the original; decoded payloads follow it. */
  readonly mainLength: number;
  readonly signals: CanonicalSignals;
  /**
   * The original span `[start, end)` that produced canonical `[start, end)`. Decoded payloads map
   * to the whole encoded span they came from.
   */
  toOriginal(start: number, end: number): { start: number; end: number };
}

// Character classes of canonical code units (word characters are 1..6).
const OTHER = 0;
const LATIN = 1;
const STRONG = 2;
const WEAK = 3;
const LETTER = 4; // a letter, mark or number of another script
const LEET_CANDIDATE = 5;
const DIGIT = 6;
const SPACE = 7;
const NEWLINE = 8;

const DEFAULTS = {
  caseFold: true,
  confusables: true,
  leet: true,
  joinSpaced: true,
  decode: true,
  maxDecodeDepth: 3,
  maxDecodedChars: 65536,
};
type Resolved = typeof DEFAULTS;

/**
 * The text every detector scans: NFKC, case folding, homoglyph and leetspeak folding, removal of
 * invisible characters, joining of spaced letters, inline HTML-entity and URL decoding, and bounded
 * decoding of base64, hex, escape sequences, ROT13 and Unicode tag characters (appended after the
 * main text so an encoded payload is scanned as text). Linear in the input: one pass for the
 * characters, one for joining, one regex pass per encoding, at most `maxDecodeDepth` levels and
 * `maxDecodedChars` characters of payloads.
 * @example
 * const c = canonicalText('1gn0r3 ａｌｌ p r e v i o u s');
 * c.text // 'ignore all previous'
 * c.toOriginal(0, 6) // { start: 0, end: 6 }
 */
export function canonicalText(text: string, options?: CanonicalOptions): CanonicalText {
  const o: Resolved = options === undefined ? DEFAULTS : { ...DEFAULTS, ...stripUndefined(options) };
  const budget = { chars: o.maxDecodedChars };
  return build(text, o, 0, budget);
}

function stripUndefined(options: CanonicalOptions): Partial<Resolved> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  return out as Partial<Resolved>;
}

const UTF16 = new TextDecoder('utf-16le');

interface Folded {
  s: string;
  cls: Uint8Array;
}

// Per-code-point fold results, bounded so adversarial input cannot grow it without limit.
const foldCache = new Map<number, Folded>();
const foldCacheNoCase = new Map<number, Folded>();
const MAX_CACHE = 8192;

const LETTERLIKE = /[\p{L}\p{M}\p{N}]/u;
const WHITESPACE = /\s/u;
const COMBINING_LATIN = /[\u0300-\u036f]/g;

// Numeric forms of the fold tables, for the per-character loops (code unit -> code unit).
const CONFUSABLE_TO = new Map<number, number>();
for (const [k, v] of Object.entries(STRONG_CONFUSABLES)) CONFUSABLE_TO.set(k.charCodeAt(0), v.charCodeAt(0));
for (const [k, v] of Object.entries(WEAK_CONFUSABLES)) CONFUSABLE_TO.set(k.charCodeAt(0), v.charCodeAt(0));
const LEET_TO = new Uint16Array(128);
for (const [k, v] of Object.entries(LEET)) LEET_TO[k.charCodeAt(0)] = v.charCodeAt(0);

// Invisible characters dropped by the pass (see normalize-text.ts for the reasons per range).
function isInvisible(cp: number): boolean {
  return (
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

function classOf(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return asciiClass(c);
  if (STRONG_CONFUSABLES[ch] !== undefined) return STRONG;
  if (WEAK_CONFUSABLES[ch] !== undefined) return WEAK;
  if (c >= 0xd800 && c <= 0xdfff) return LETTER; // half of an astral letter or symbol
  if (LETTERLIKE.test(ch)) return isLatinLetter(c) ? LATIN : LETTER;
  if (WHITESPACE.test(ch)) return SPACE;
  return OTHER;
}

function isLatinLetter(c: number): boolean {
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

function asciiClass(c: number): number {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return LATIN;
  if (c >= 48 && c <= 57) return c === 48 || c === 49 || c === 51 || c === 52 || c === 53 || c === 55 ? LEET_CANDIDATE : DIGIT;
  if (c === 64 || c === 36) return LEET_CANDIDATE;
  if (c === 32 || c === 9 || c === 11 || c === 12) return SPACE;
  if (c === 10 || c === 13) return NEWLINE;
  return OTHER;
}

// Direct-indexed cache for the BMP below U+3400 (Latin, Greek, Cyrillic, Arabic, kana, ...).
const foldArray: (Folded | undefined)[] = new Array(0x3400);
const foldArrayNoCase: (Folded | undefined)[] = new Array(0x3400);

function fold(cp: number, caseFold: boolean): Folded {
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

function computeFold(cp: number, caseFold: boolean): Folded {
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

interface Budget {
  chars: number;
}

// Class of each ASCII code unit; DROP marks controls other than tab and line breaks.
const DROP = 255;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = c < 32 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13 ? DROP : c === 127 ? DROP : asciiClass(c);

// ASCII symbols counted for the adversarial-suffix statistics: brackets, backslash, asterisk, ...
const SYMBOL = new Uint8Array(128);
for (const ch of '[]{}()<>\\*^~|`#=+@$%_') SYMBOL[ch.charCodeAt(0)] = 1;

/**
 * The output of one pass: parallel arrays of code unit, class and original span, plus the counts
 * of the word being written (folds are decided per word, by its mix of scripts).
 */
class Writer {
  codes: Uint16Array;
  cls: Uint8Array;
  st: Int32Array;
  len = 0;
  wordStart = -1;
  latin = 0;
  strong = 0;
  weak = 0;
  other = 0;
  leetCount = 0;
  /** Consecutive single-letter words one separator apart, and where the last one ended. */
  singleChain = 0;
  singleEnd = -2;
  /** Set once a run of four spaced single letters was seen: the join pass has work to do. */
  needJoin = false;
  /** Longest word, to skip the payload search when no run is long enough to be base64 or hex. */
  maxWord = 0;
  /** ASCII symbols other than sentence punctuation (brackets, backslash, asterisk, ...). */
  symbols = 0;
  /** Decoded payloads appended after the main text: canonical [from, to) <- original [start, end). */
  readonly payloads: { from: number; to: number; start: number; end: number }[] = [];
  readonly caseFold: boolean;
  readonly confusables: boolean;
  readonly leet: boolean;
  readonly signals: CanonicalSignals;

  constructor(capacity: number, o: Resolved, signals: CanonicalSignals) {
    const c = Math.max(16, capacity);
    this.codes = new Uint16Array(c);
    this.cls = new Uint8Array(c);
    this.st = new Int32Array(c);
    this.caseFold = o.caseFold;
    this.confusables = o.confusables;
    this.leet = o.leet;
    this.signals = signals;
  }

  /** Append a unit; its original span ends where the next unit's begins (see `toOriginal`). */
  push(code: number, cls: number, start: number, _end: number): void {
    if (this.len === this.codes.length) this.grow();
    const i = this.len++;
    this.codes[i] = code;
    this.cls[i] = cls;
    this.st[i] = start;
  }

  /** Append one canonical code unit, collapsing whitespace and tracking the current word. */
  unit(code: number, cls: number, start: number, end: number): void {
    if (cls >= LATIN && cls <= DIGIT) {
      if (this.wordStart < 0) this.wordStart = this.len;
      if (cls === LATIN) this.latin++;
      else if (cls === LEET_CANDIDATE) this.leetCount++;
      else if (cls === STRONG) this.strong++;
      else if (cls === WEAK) this.weak++;
      else if (cls === LETTER) this.other++;
      this.push(code, cls, start, end);
      return;
    }
    if (this.wordStart >= 0) this.endWord();
    if (cls === SPACE || cls === NEWLINE) {
      const last = this.len - 1;
      const lastCls = last >= 0 ? this.cls[last] : NEWLINE;
      if (lastCls === NEWLINE) {
        return;
      }
      if (lastCls === SPACE) {
        if (cls === NEWLINE) {
          this.codes[last] = 10;
          this.cls[last] = NEWLINE;
        }
        return;
      }
      this.push(cls === NEWLINE ? 10 : 32, cls, start, end);
      return;
    }
    this.push(code, cls, start, end);
  }

  codePoint(cp: number, start: number, end: number): void {
    if (cp < 0x80) {
      const cls = ASCII_CLASS[cp] as number;
      if (cls !== DROP) this.unit(this.caseFold && cp >= 65 && cp <= 90 ? cp + 32 : cp, cls, start, end);
      return;
    }
    if (isInvisible(cp) || (cp >= 0xe0000 && cp <= 0xe007f)) {
      this.signals.invisible++;
      return;
    }
    const f = fold(cp, this.caseFold);
    for (let k = 0; k < f.s.length; k++) this.unit(f.s.charCodeAt(k), f.cls[k] as number, start, end);
  }

  /** Fold confusables and leetspeak inside the word that just ended, by its mix of scripts. */
  endWord(): void {
    const from = this.wordStart;
    this.wordStart = -1;
    if (this.len - from > this.maxWord) this.maxWord = this.len - from;
    if (this.len - from === 1) {
      this.singleChain = from === this.singleEnd + 1 && isLetterSeparator(this.codes[from - 1] as number) ? this.singleChain + 1 : 1;
      this.singleEnd = from + 1;
      if (this.singleChain >= 4) this.needJoin = true;
    }
    if (this.strong + this.weak > 0 || this.leetCount > 0) this.foldWord(from);
    this.latin = 0;
    this.strong = 0;
    this.weak = 0;
    this.other = 0;
    this.leetCount = 0;
  }

  private foldWord(from: number): void {
    const to = this.len;
    let latin = this.latin;
    if (this.confusables && this.strong + this.weak > 0) {
      // A look-alike inside a Latin word is a disguise; a whole word of strong look-alikes with no
      // other letter of its script is one too. Words of real Cyrillic or Greek text are left alone.
      if (latin > 0 || (this.other === 0 && this.weak === 0 && this.strong >= 4)) {
        for (let k = from; k < to; k++) {
          const c = this.cls[k];
          if (c !== STRONG && c !== WEAK) continue;
          const t = CONFUSABLE_TO.get(this.codes[k] as number);
          if (t === undefined) continue;
          this.codes[k] = t;
          this.cls[k] = LATIN;
          this.signals.confusables++;
          latin++;
        }
      }
    }
    if (this.leet && this.leetCount > 0 && latin >= 2 && this.leetCount <= latin * 2) {
      // Only digits and symbols connected to a letter stand for letters (`1gn0r3`, `4$aa`), not
      // `18th`: one sweep each way folds every leet run that touches a letter (a fixpoint, so a
      // second canonical pass changes nothing).
      for (let k = from + 1; k < to; k++) if (this.cls[k] === LEET_CANDIDATE && this.cls[k - 1] === LATIN) this.foldLeet(k);
      for (let k = to - 2; k >= from; k--) if (this.cls[k] === LEET_CANDIDATE && this.cls[k + 1] === LATIN) this.foldLeet(k);
    }
  }

  private foldLeet(k: number): void {
    const t = LEET_TO[this.codes[k] as number] ?? 0;
    if (t === 0) return;
    this.codes[k] = t;
    this.cls[k] = LATIN;
    this.signals.leet++;
  }

  private grow(): void {
    const c = this.codes.length * 2;
    const codes = new Uint16Array(c);
    codes.set(this.codes);
    const cls = new Uint8Array(c);
    cls.set(this.cls);
    const st = new Int32Array(c);
    st.set(this.st);
    this.codes = codes;
    this.cls = cls;
    this.st = st;
  }

  toString(from = 0, to = this.len): string {
    // fromCharCode over a typed array is fastest for short texts; TextDecoder for long ones.
    if (to - from <= 4096) return String.fromCharCode.apply(null, this.codes.subarray(from, to) as unknown as number[]);
    return UTF16.decode(this.codes.subarray(from, to));
  }
}

interface State {
  b: Writer;
  o: Resolved;
  signals: CanonicalSignals;
  srcLength: number;
}

function newSignals(): CanonicalSignals {
  return { invisible: 0, tagChars: 0, confusables: 0, leet: 0, joined: 0, htmlEntities: 0, urlEscapes: 0, payloads: [], symbols: 0 };
}

// Most texts hold nothing the pass would change besides lower-casing and collapsing whitespace:
// printable ASCII, no entity or URL escape, no leetspeak digit or symbol inside a word, no spaced
// single letters, nothing that could be base64, hex, an escape sequence or ROT13. They take a fast
// path of native string operations, with the same result as the full pass (tested); the offset
// map is then built by the full pass only if `toOriginal` is called.
const NEEDS_FULL_PASS =
  /[^\x20-\x7e\t\n\v\f\r]|&(?:#\d|#x[0-9a-f]|[a-z]{2,8};)|%[0-9a-f]{2}|[a-z][@$013457]|[@$013457][a-z]|(?:^|[^a-z0-9])[a-z0-9][ .\-_*|/+~][a-z0-9][ .\-_*|/+~][a-z0-9][ .\-_*|/+~][a-z0-9](?![a-z0-9])|\\[xu][0-9a-f]/i;
// Starts only at a capital, digit, '+' or '/', so plain lower-case prose is skipped quickly.
const LONG_RUN = /[A-Z0-9+/][A-Za-z0-9+/_-]{15}/g;
const ROT13_MARKERS = /\b(?:gur|lbh|naq|nyy|vf)\b/;
const SYMBOL_CHAR = /[[\]{}()<>\\*^~|`#=+@$%_]/g;
/** A burst: SYMBOL_BURST symbols within SYMBOL_SPAN characters. */
export const SYMBOL_BURST = 6;
const SYMBOL_SPAN = 80;

/** The largest count of symbols in a window of SYMBOL_SPAN characters, up to SYMBOL_BURST. */
function symbolBurst(src: string): number {
  SYMBOL_CHAR.lastIndex = 0;
  const ring = [0, 0, 0, 0, 0, 0];
  let n = 0;
  let best = 0;
  // A long text can only stop early on a burst; cap the work at a few thousand symbols.
  for (let m = SYMBOL_CHAR.exec(src); m !== null && n < 4096; m = SYMBOL_CHAR.exec(src)) {
    ring[n % SYMBOL_BURST] = m.index;
    n++;
    const inWindow = n >= SYMBOL_BURST ? (m.index - (ring[n % SYMBOL_BURST] as number) <= SYMBOL_SPAN ? SYMBOL_BURST : 1) : n;
    if (inWindow > best) best = inWindow;
    if (best >= SYMBOL_BURST) break;
  }
  return best;
}
const NEWLINE_RUN = /[ \t\v\f]*[\r\n][ \t\v\f\r\n]*/g;
const SPACE_RUN = /[ \t\v\f]{2,}|[\t\v\f]/g;

/** A run that could be base64 or hex: a capital after its first letter, or digits, '+' or '/'. */
function mayHoldPayload(src: string): boolean {
  LONG_RUN.lastIndex = 0;
  for (let m = LONG_RUN.exec(src); m !== null; m = LONG_RUN.exec(src)) {
    const run = m[0];
    const first = run.charCodeAt(0);
    if (first < 65 || first > 90) return true;
    for (let k = 1; k < run.length; k++) {
      const c = run.charCodeAt(k);
      if ((c >= 65 && c <= 90 && k > 0) || (c >= 48 && c <= 57) || c === 43 || c === 47) return true;
    }
  }
  return false;
}

function fastPath(src: string, o: Resolved, depth: number): CanonicalText | null {
  if (!o.caseFold || !o.confusables || NEEDS_FULL_PASS.test(src) || (o.decode && mayHoldPayload(src))) return null;
  if (o.decode && ROT13_MARKERS.test(src.toLowerCase())) return null;
  return plainCanonical(src, symbolBurst(src), o, depth);
}

function plainCanonical(src: string, symbols: number, o: Resolved, depth: number, regularSpace = false): CanonicalText {
  let text = src.toLowerCase();
  if (!regularSpace) {
    let lead = 0;
    while (lead < text.length && isSpaceCode(text.charCodeAt(lead))) lead++;
    let to = text.length;
    while (to > lead && isSpaceCode(text.charCodeAt(to - 1))) to--;
    if (lead > 0 || to < text.length) text = text.slice(lead, to);
    text = text.replace(NEWLINE_RUN, '\n').replace(SPACE_RUN, ' ');
  }
  const signals = newSignals();
  signals.symbols = symbols;
  let full: CanonicalText | undefined;
  return {
    text,
    mainLength: text.length,
    signals,
    toOriginal(start, end) {
      full ??= fullPass(src, o, depth, { chars: o.maxDecodedChars });
      return full.toOriginal(start, end);
    },
  };
}

/**
 * The canonical text of a text the caller has already checked to be plain: printable ASCII with
 * nothing to fold but case and whitespace (see `NEEDS_FULL_PASS`). Detectors that scan the
 * original text themselves use it to skip the checks; the result equals `canonicalText(src)`.
 * `regularSpace` says the whitespace is already canonical (single spaces and line breaks, none
 * leading or trailing), so lower-casing is all there is to do.
 * @example
 * plainAsciiCanonical('Hello  World', 0).text // 'hello world'
 */
export function plainAsciiCanonical(src: string, symbols: number, regularSpace = false): CanonicalText {
  return plainCanonical(src, symbols, DEFAULTS, 0, regularSpace);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 11 || c === 12;
}

function build(src: string, o: Resolved, depth: number, budget: Budget): CanonicalText {
  return fastPath(src, o, depth) ?? fullPass(src, o, depth, budget);
}

function fullPass(src: string, o: Resolved, depth: number, budget: Budget): CanonicalText {
  const signals = newSignals();
  // Room for the folded text and, when decoding, the payloads (so the arrays rarely grow).
  const capacity = src.length + 16 + (o.decode && depth < o.maxDecodeDepth ? Math.min(budget.chars, src.length) + 64 : 0);
  const st: State = { b: new Writer(capacity, o, signals), o, signals, srcLength: src.length };
  const tags = mainPass(src, st);
  const b = st.b;
  if (b.wordStart >= 0) b.endWord();
  if (o.joinSpaced && b.needJoin) joinSpaced(st);
  // Trailing whitespace carries nothing.
  while (b.len > 0 && (b.cls[b.len - 1] === SPACE || b.cls[b.len - 1] === NEWLINE)) b.len--;
  const mainLength = b.len;
  signals.symbols = b.symbols >= SYMBOL_BURST ? symbolBurst(src) : b.symbols;
  const main = b.toString(0, mainLength);
  if (o.decode && depth < o.maxDecodeDepth) {
    if (tags !== null) appendPayload(st, tags.text, tags.start, tags.end, 'tag', depth, budget);
    // A base64 or hex run is one long word of the canonical text (or an escape sequence).
    if (b.maxWord >= 12 || src.includes('\\x') || src.includes('\\u')) decodePayloads(src, st, depth, budget);
    decodeRot13(st, main, depth, budget);
  }
  const text = b.len === mainLength ? main : main + b.toString(mainLength, b.len);
  const starts = b.st;
  const length = b.len;
  const payloads = b.payloads;
  const srcLength = src.length;
  // Where the original span of canonical unit k ends: where the next unit's begins (dropped
  // characters and collapsed whitespace belong to the unit before them).
  const endOf = (k: number): number => {
    const s0 = starts[k] as number;
    const next = k + 1 < mainLength ? (starts[k + 1] as number) : srcLength;
    return next > s0 ? next : Math.min(srcLength, s0 + 1);
  };
  return {
    text,
    mainLength,
    signals,
    toOriginal(start, end) {
      if (length === 0) return { start: 0, end: 0 };
      const s0 = Math.min(Math.max(0, start), length - 1);
      const e0 = Math.min(Math.max(s0 + 1, end), length);
      let os = Number.POSITIVE_INFINITY;
      let oe = 0;
      if (s0 < mainLength) {
        os = starts[s0] as number;
        oe = endOf(Math.min(e0, mainLength) - 1);
      }
      if (e0 > mainLength) {
        // Decoded payloads map to the whole encoded span they came from.
        for (const p of payloads) {
          if (p.to <= s0 || p.from >= e0) continue;
          if (p.start < os) os = p.start;
          if (p.end > oe) oe = p.end;
        }
      }
      if (os === Number.POSITIVE_INFINITY) return { start: 0, end: 0 };
      return { start: os, end: Math.max(oe, os) };
    },
  };
}

interface Tags {
  text: string;
  start: number;
  end: number;
}

function mainPass(src: string, st: State): Tags | null {
  const b = st.b;
  const decode = st.o.decode;
  const caseFold = b.caseFold;
  const n = src.length;
  const urlMode = decode && src.includes('%') && countUrlEscapes(src) >= 3;
  let tagText = '';
  let tagStart = -1;
  let tagEnd = -1;
  for (let i = 0; i < n; ) {
    const c = src.charCodeAt(i);
    if (c < 0x80) {
      const cls = ASCII_CLASS[c] as number;
      if (cls === LATIN) {
        // Hot path: an ASCII letter.
        if (b.wordStart < 0) b.wordStart = b.len;
        b.latin++;
        b.push(caseFold && c <= 90 ? c + 32 : c, LATIN, i, i + 1);
        i++;
        continue;
      }
      if (c === 38 && decode) {
        const ent = decodeEntity(src, i);
        if (ent !== null) {
          st.signals.htmlEntities++;
          b.codePoint(ent.cp, i, i + ent.length);
          i += ent.length;
          continue;
        }
      } else if (c === 37 && urlMode) {
        const run = decodeUrlRun(src, i);
        if (run !== null) {
          st.signals.urlEscapes++;
          for (const ch of run.text) b.codePoint(ch.codePointAt(0) as number, i, i + run.length);
          i += run.length;
          continue;
        }
      } else if (c === 13) {
        const w = src.charCodeAt(i + 1) === 10 ? 2 : 1;
        b.unit(10, NEWLINE, i, i + w);
        i += w;
        continue;
      }
      if (cls === DROP) st.signals.invisible++;
      else {
        if (SYMBOL[c] === 1) b.symbols++;
        b.unit(c, cls, i, i + 1);
      }
      i++;
      continue;
    }
    const cp = src.codePointAt(i) as number;
    const w = cp > 0xffff ? 2 : 1;
    if (cp >= 0xe0000 && cp <= 0xe007f) {
      st.signals.tagChars++;
      if (cp >= 0xe0020 && cp <= 0xe007e) {
        if (tagStart < 0) tagStart = i;
        tagEnd = i + w;
        if (tagText.length < 65536) tagText += String.fromCharCode(cp - 0xe0000);
      }
    } else if (isInvisible(cp)) {
      st.signals.invisible++;
    } else {
      b.codePoint(cp, i, i + w);
    }
    i += w;
  }
  return tagText.length > 0 ? { text: tagText, start: tagStart, end: tagEnd } : null;
}

function isWordClass(c: number): boolean {
  return c >= LATIN && c <= DIGIT;
}

// Separators between spaced-out letters: `i g n o r e`, `i.g.n.o.r.e`, `i-g-n-o-r-e`, `i_g_n...`.
function isLetterSeparator(code: number): boolean {
  return code === 32 || code === 46 || code === 45 || code === 95 || code === 42 || code === 124 || code === 47 || code === 43 || code === 126;
}

/**
 * Join runs of at least four single letters separated by one separator character each, in place.
 * Linear: every unit is read once and written at most once.
 */
function joinSpaced(st: State): void {
  const b = st.b;
  const n = b.len;
  const single = (k: number): boolean =>
    k >= 0 && k < n && isWordClass(b.cls[k] as number) && (k === 0 || !isWordClass(b.cls[k - 1] as number)) && (k + 1 >= n || !isWordClass(b.cls[k + 1] as number));
  let w = 0;
  let r = 0;
  while (r < n) {
    if (single(r)) {
      // Measure the run: r, r+2, r+4, ... while the separator qualifies and the next is single.
      let count = 1;
      let letters = b.cls[r] === LEET_CANDIDATE || b.cls[r] === DIGIT ? 0 : 1;
      let k = r;
      while (k + 2 < n && isLetterSeparator(b.codes[k + 1] as number) && b.codes[k + 1] === b.codes[r + 1] && single(k + 2)) {
        k += 2;
        count++;
        if (b.cls[k] !== LEET_CANDIDATE && b.cls[k] !== DIGIT) letters++;
      }
      if (count >= 4 && letters >= 3) {
        st.signals.joined++;
        for (let j = r; j <= k; j += 2) {
          let code = b.codes[j] as number;
          if (st.o.leet && b.cls[j] === LEET_CANDIDATE) {
            const t = LEET[String.fromCharCode(code)];
            if (t !== undefined) code = t.charCodeAt(0);
          }
          copy(b, j, w++, code);
        }
        r = k + 1;
        continue;
      }
      for (let j = r; j <= k; j++) copy(b, j, w++, b.codes[j] as number);
      r = k + 1;
      continue;
    }
    copy(b, r, w++, b.codes[r] as number);
    r++;
  }
  b.len = w;
}

function copy(b: Writer, from: number, to: number, code: number): void {
  b.codes[to] = code;
  b.cls[to] = b.cls[from] as number;
  b.st[to] = b.st[from] as number;
}

const ENTITY = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/;

function decodeEntity(src: string, i: number): { cp: number; length: number } | null {
  const m = ENTITY.exec(src.slice(i, i + 12));
  if (m === null) return null;
  let cp: number | undefined;
  if (m[1] !== undefined) cp = Number(m[1]);
  else if (m[2] !== undefined) cp = parseInt(m[2], 16);
  else {
    const named = HTML_ENTITIES[(m[3] as string).toLowerCase()];
    if (named !== undefined) cp = named.codePointAt(0);
  }
  if (cp === undefined || !(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return { cp, length: m[0].length };
}

const URL_ESCAPE = /%[0-9a-fA-F]{2}/g;

function countUrlEscapes(src: string): number {
  URL_ESCAPE.lastIndex = 0;
  let count = 0;
  while (URL_ESCAPE.exec(src) !== null) if (++count >= 3) break;
  return count;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const UTF8 = new TextDecoder('utf-8', { fatal: false });

/** Decode a run of consecutive `%XX` escapes as UTF-8 bytes. */
function decodeUrlRun(src: string, i: number): { text: string; length: number } | null {
  const bytes: number[] = [];
  let k = i;
  while (k + 2 < src.length + 0 && src.charCodeAt(k) === 37 && bytes.length < 4096) {
    const hi = hexValue(src.charCodeAt(k + 1));
    const lo = hexValue(src.charCodeAt(k + 2));
    if (hi < 0 || lo < 0) break;
    bytes.push(hi * 16 + lo);
    k += 3;
  }
  if (bytes.length === 0) return null;
  return { text: UTF8.decode(new Uint8Array(bytes)), length: k - i };
}

// Alphabets of the encodings searched in the original text (base64 and hex are case sensitive).
const B64 = 1;
const HEX = 2;
const ALPHABET = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  ALPHABET[c] = (/[A-Za-z0-9+/_-]/.test(ch) ? B64 : 0) | (/[0-9a-fA-F]/.test(ch) ? HEX : 0);
}
const MIN_BASE64 = 16;
const MIN_HEX = 20;
// `\x69` and `\u0069` escapes; a fixed-width group under one quantifier, so linear.
const ESCAPE_RUN = /(?:\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}){4,}/g;

/**
 * Find base64 and hex runs with one scan of the original text (a table lookup per character),
 * then decode those that turn out to be text, and escape runs when the text has any.
 */
function decodePayloads(src: string, st: State, depth: number, budget: Budget): void {
  const n = src.length;
  if (n < MIN_BASE64) return;
  const found: [number, number, PayloadKind][] = [];
  let b64Start = -1;
  let upper = false;
  let lowerOrDigit = false;
  let hexStart = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? src.charCodeAt(i) : 32;
    const a = c < 128 ? (ALPHABET[c] as number) : 0;
    if (a & B64) {
      if (b64Start < 0) {
        b64Start = i;
        upper = false;
        lowerOrDigit = false;
      }
      if (c >= 65 && c <= 90) upper = true;
      else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) lowerOrDigit = true;
    } else if (b64Start >= 0) {
      let end = i;
      while (end < n && end - i < 2 && src.charCodeAt(end) === 61) end++;
      // Mixed case: long lower-case words are not base64 worth decoding.
      if (i - b64Start >= MIN_BASE64 && upper && lowerOrDigit && found.length < 256) found.push([b64Start, end, 'base64']);
      b64Start = -1;
    }
    if (a & HEX) {
      if (hexStart < 0) hexStart = i;
    } else if (hexStart >= 0) {
      if (i - hexStart >= MIN_HEX && found.length < 256) found.push([hexStart, i, 'hex']);
      hexStart = -1;
    }
  }
  if (src.includes('\\x') || src.includes('\\u')) {
    ESCAPE_RUN.lastIndex = 0;
    for (let m = ESCAPE_RUN.exec(src); m !== null && found.length < 256; m = ESCAPE_RUN.exec(src)) found.push([m.index, m.index + m[0].length, 'escape']);
  }
  for (const [start, end, kind] of found) {
    if (budget.chars <= 0) return;
    const run = src.slice(start, end);
    // A hex run is also a base64 run; decode it as hex only.
    if (kind === 'base64' && /^[0-9a-fA-F]+$/.test(run) && run.length >= MIN_HEX) continue;
    const decoded = kind === 'base64' ? decodeBase64(run) : kind === 'hex' ? decodeHex(run) : decodeEscapes(run);
    if (decoded !== null) appendPayload(st, decoded, start, end, kind, depth, budget);
  }
}

function appendPayload(st: State, payload: string, start: number, end: number, kind: PayloadKind, depth: number, budget: Budget): void {
  if (budget.chars <= 0) return;
  const text = payload.length > budget.chars ? payload.slice(0, budget.chars) : payload;
  budget.chars -= text.length;
  const inner = build(text, st.o, depth + 1, budget);
  st.signals.payloads.push(kind);
  mergeSignals(st.signals, inner.signals);
  const b = st.b;
  const from = b.len;
  b.push(10, NEWLINE, start, end);
  for (let k = 0; k < inner.text.length; k++) b.push(inner.text.charCodeAt(k), OTHER, start, end);
  b.payloads.push({ from, to: b.len, start, end });
}

function mergeSignals(into: CanonicalSignals, from: CanonicalSignals): void {
  into.invisible += from.invisible;
  into.tagChars += from.tagChars;
  into.confusables += from.confusables;
  into.leet += from.leet;
  into.joined += from.joined;
  into.htmlEntities += from.htmlEntities;
  into.urlEscapes += from.urlEscapes;
  for (const p of from.payloads) into.payloads.push(p);
}

/** Decoded bytes count as text when they are valid UTF-8, mostly printable and mostly letters. */
function asText(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  let bad = 0;
  let letters = 0;
  let spaces = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127 || c === 0xfffd) bad++;
    else if (c === 32) spaces++;
    else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 0x7f) letters++;
  }
  if (bad > text.length * 0.05) return null;
  if (letters < (text.length - spaces) * 0.5) return null;
  return text;
}

function decodeBase64(run: string): string | null {
  let t = run.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (t.length % 4 === 1) t = t.slice(0, -1);
  while (t.length % 4 !== 0) t += '=';
  let bin: string;
  try {
    bin = atob(t);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(bin.length);
  for (let k = 0; k < bin.length; k++) bytes[k] = bin.charCodeAt(k);
  return asText(bytes);
}

function decodeHex(run: string): string | null {
  const bytes: number[] = [];
  for (let k = 0; k + 1 < run.length; ) {
    const hi = hexValue(run.charCodeAt(k));
    const lo = hexValue(run.charCodeAt(k + 1));
    if (lo < 0) break;
    bytes.push(hi * 16 + lo);
    k += 2;
  }
  return asText(Uint8Array.from(bytes));
}

function decodeEscapes(run: string): string | null {
  let out = '';
  for (let k = 0; k < run.length; ) {
    if (run[k + 1] === 'x') {
      out += String.fromCharCode(parseInt(run.slice(k + 2, k + 4), 16));
      k += 4;
    } else {
      out += String.fromCharCode(parseInt(run.slice(k + 2, k + 6), 16));
      k += 6;
    }
  }
  // \x escapes usually spell UTF-8 bytes; \u escapes spell UTF-16 units.
  if (/^[\0-\xff]*$/.test(out)) return asText(Uint8Array.from(out, (ch) => ch.charCodeAt(0)));
  return out.length >= 4 ? out : null;
}

const COMMON = new Set(COMMON_WORDS);
const COMMON_ROT13 = new Set(COMMON_WORDS.map(rot13));
const ASCII_WORD = /[a-z]+/g;

function rot13(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 97 + 13) % 26) + 97);
    else if (c >= 65 && c <= 90) out += String.fromCharCode(((c - 65 + 13) % 26) + 65);
    else out += s[k];
  }
  return out;
}

/** A line whose words are common English after ROT13, and less so before, is decoded too. */
function decodeRot13(st: State, main: string, depth: number, budget: Budget): void {
  const b = st.b;
  // ROT13 of "the", "you", "and", "all", "is": without one of them there is nothing to decode.
  if (!ROT13_MARKERS.test(main)) return;
  let lineStart = 0;
  while (lineStart < main.length && budget.chars > 0) {
    let lineEnd = main.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = main.length;
    let plain = 0;
    let rotated = 0;
    ASCII_WORD.lastIndex = lineStart;
    for (let m = ASCII_WORD.exec(main); m !== null && m.index < lineEnd; m = ASCII_WORD.exec(main)) {
      if (COMMON.has(m[0])) plain++;
      else if (COMMON_ROT13.has(m[0])) rotated++;
    }
    if (rotated >= 3 && rotated > plain) {
      const line = main.slice(lineStart, lineEnd);
      const resume = ASCII_WORD.lastIndex;
      appendPayload(st, rot13(line), b.st[lineStart] as number, lineEnd < main.length ? (b.st[lineEnd] as number) : st.srcLength, 'rot13', depth, budget);
      ASCII_WORD.lastIndex = resume;
    }
    lineStart = lineEnd + 1;
  }
}
