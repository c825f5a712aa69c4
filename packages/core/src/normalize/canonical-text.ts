import { countUrlEscapes, decodeEntity, decodeRun, decodeUrlRun, ENTITY_CP_BITS, findPayloadRuns, rot13 } from './decode-runs.js';
import { COMMON_WORDS } from './fold-tables.js';
import { ASCII_CLASS, DIGIT, DROP, LATIN, LEET_CANDIDATE, LEET_TO, NEWLINE, SPACE, SYMBOL, isInvisible, isLetterSeparator } from './char-classes.js';
import { Writer } from './canonical-writer.js';

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


const DEFAULTS = {
  caseFold: true,
  confusables: true,
  leet: true,
  joinSpaced: true,
  decode: true,
  maxDecodeDepth: 3,
  maxDecodedChars: 65536,
};
export type Resolved = typeof DEFAULTS;

/**
 * The text every detector scans: NFKC, case folding, homoglyph and leetspeak folding, typographic
 * quotes and dashes as ASCII (`’` -> `'`, `“` -> `"`, `—` -> `-`), removal of
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
  return build(text, o, 0, newBudget(o.maxDecodedChars));
}

function stripUndefined(options: CanonicalOptions): Partial<Resolved> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) if (v !== undefined) out[k] = v;
  return out as Partial<Resolved>;
}

/**
 * Characters of payloads that may still be decoded, shared by every level of the recursion. A
 * typed-array slot rather than an object field: V8 treats a field that was never written since
 * its object was made as a constant, and the first payload after many texts without any would
 * then discard the optimised code that relied on it.
 */
type Budget = Float64Array;

function newBudget(chars: number): Budget {
  return Float64Array.of(chars);
}


interface State {
  b: Writer;
  o: Resolved;
  signals: CanonicalSignals;
  srcLength: number;
  /** Length of the main text, then of everything appended so far: where the next payload starts. */
  end: number;
  /**
   * Each payload's canonical [from, to) and the original [start, end) it came from, four numbers
   * per payload (small integers only, so the array never changes its elements kind).
   */
  spans: number[];
}

// Empty arrays made by slicing one that holds a string have the elements kind of an array of
// strings from the start: the first payload then changes no object's map, which would throw away
// the optimised code of every function that has seen these objects.
const NO_PAYLOADS: PayloadKind[] = ['tag'];

function newSignals(): CanonicalSignals {
  return { invisible: 0, tagChars: 0, confusables: 0, leet: 0, joined: 0, htmlEntities: 0, urlEscapes: 0, payloads: NO_PAYLOADS.slice(0, 0), symbols: 0 };
}

// Most texts hold nothing the pass would change besides lower-casing and collapsing whitespace:
// printable ASCII, no entity or URL escape, no leetspeak digit or symbol inside a word, no spaced
// single letters (a run of blanks between them collapses to one space, so it separates them too), nothing that could be base64, hex, an escape sequence or ROT13. They take a fast
// path of native string operations, with the same result as the full pass (tested); the offset
// map is then built by the full pass only if `toOriginal` is called.
const NEEDS_FULL_PASS =
  /[^\x20-\x7e\t\n\v\f\r]|&(?:#\d|#x[0-9a-f]|[a-z]{2,8};)|%[0-9a-f]{2}|[a-z][@$013457]|[@$013457][a-z]|(?:^|[^a-z0-9])[a-z0-9](?:[.\-_*|/+~]|[ \t\v\f]+)[a-z0-9](?:[.\-_*|/+~]|[ \t\v\f]+)[a-z0-9](?:[.\-_*|/+~]|[ \t\v\f]+)[a-z0-9](?![a-z0-9])|\\[xu][0-9a-f]/i;
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
  const lower = src.toLowerCase();
  const text = regularSpace ? lower : collapseSpace(lower);
  const signals = newSignals();
  signals.symbols = symbols;
  let full: CanonicalText | undefined;
  return {
    text,
    mainLength: text.length,
    signals,
    toOriginal(start, end) {
      full ??= fullPass(src, o, depth, newBudget(o.maxDecodedChars));
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

// Whitespace that is not canonical: a run of two or more, or a tab, vertical tab, form feed or CR.
const IRREGULAR_SPACE = /[ \t\v\f\r\n]{2,}|[\t\v\f\r]/g;

/**
 * Canonical whitespace: no leading or trailing whitespace, and each run of whitespace becomes one
 * line feed when it holds a line break, else one space (a lone space or line feed stays as it is).
 * The regex finds just the runs to replace (irregexp scans for them far faster than a JS loop, or
 * than replace patterns that can start a match at every character).
 */
function collapseSpace(text: string): string {
  let from = 0;
  let to = text.length;
  while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
  while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
  const t = from === 0 && to === text.length ? text : text.slice(from, to);
  let out = '';
  let copied = 0;
  IRREGULAR_SPACE.lastIndex = 0;
  for (let m = IRREGULAR_SPACE.exec(t); m !== null; m = IRREGULAR_SPACE.exec(t)) {
    const run = m[0];
    out += t.slice(copied, m.index) + (run.includes('\n') || run.includes('\r') ? '\n' : ' ');
    copied = m.index + run.length;
  }
  return copied === 0 ? t : out + t.slice(copied);
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 11 || c === 12;
}

function build(src: string, o: Resolved, depth: number, budget: Budget): CanonicalText {
  return fastPath(src, o, depth) ?? fullPass(src, o, depth, budget);
}

function fullPass(src: string, o: Resolved, depth: number, budget: Budget): CanonicalText {
  const signals = newSignals();
  // Room for the folded text (payloads are kept as strings), so the arrays rarely grow.
  const st: State = { b: new Writer(src.length + 16, o, signals, src), o, signals, srcLength: src.length, end: 0, spans: [] };
  const tags = mainPass(src, st);
  const b = st.b;
  if (b.wordStart >= 0) b.endWord();
  if (o.joinSpaced && b.needJoin) joinSpaced(st);
  // Trailing whitespace carries nothing.
  while (b.len > 0 && (b.cls[b.len - 1] === SPACE || b.cls[b.len - 1] === NEWLINE)) b.len--;
  const mainLength = b.len;
  st.end = mainLength;
  signals.symbols = b.symbols >= SYMBOL_BURST ? symbolBurst(src) : b.symbols;
  const main = b.toString(0, mainLength);
  let tail = '';
  if (o.decode && depth < o.maxDecodeDepth) {
    // Decoded payloads, each `\n` + its canonical text, are strings appended to the main text
    // (copying them into the writer unit by unit cost more than decoding them).
    if (tags !== null) tail += appendPayload(st, tags.text, tags.start, tags.end, 'tag', depth, budget);
    // A base64 or hex run is one long word of the canonical text (or an escape sequence).
    if (b.maxWord >= 12 || src.includes('\\x') || src.includes('\\u')) tail += decodePayloads(src, st, depth, budget);
    tail += decodeRot13(st, main, depth, budget);
  }
  const text = tail === '' ? main : main + tail;
  const starts = b.st;
  const length = st.end;
  const spans = st.spans;
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
        for (let k = 0; k < spans.length; k += 4) {
          if ((spans[k + 1] as number) <= s0 || (spans[k] as number) >= e0) continue;
          if ((spans[k + 2] as number) < os) os = spans[k + 2] as number;
          if ((spans[k + 3] as number) > oe) oe = spans[k + 3] as number;
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
        // Hot path: an ASCII letter, and the rest of its run of letters written straight into the
        // writer's arrays while they have room (one unit per letter; `push` grows them).
        if (b.wordStart < 0) b.wordStart = b.len;
        b.latin++;
        b.push(caseFold && c <= 90 ? c + 32 : c, LATIN, i, i + 1);
        i++;
        let d = i < n ? src.charCodeAt(i) : 0;
        if (d < 0x80 && ASCII_CLASS[d] === LATIN) {
          const codes = b.codes;
          const classes = b.cls;
          const starts = b.st;
          const room = codes.length;
          const from = i;
          let k = b.len;
          for (; k < room && d < 0x80 && ASCII_CLASS[d] === LATIN; d = ++i < n ? src.charCodeAt(i) : 0) {
            codes[k] = caseFold && d <= 90 ? d + 32 : d;
            classes[k] = LATIN;
            starts[k++] = i;
          }
          b.latin += i - from;
          b.len = k;
        }
        continue;
      }
      if (c === 38 && decode) {
        const ent = decodeEntity(src, i);
        if (ent >= 0) {
          const length = ent >>> ENTITY_CP_BITS;
          st.signals.htmlEntities++;
          b.codePoint(ent & ((1 << ENTITY_CP_BITS) - 1), i, i + length);
          i += length;
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

/**
 * Join runs of at least four single letters separated by one separator character each, in place;
 * where the original gap between two of them was wider than the run's narrowest, the words stay apart.
 * Linear: every unit is read once and written at most once.
 */
function joinSpaced(st: State): void {
  const b = st.b;
  const n = b.len;
  // Locals rather than writer fields: the loop runs over every unit of the main text.
  const codes = b.codes;
  const cls = b.cls;
  const starts = b.st;
  const leet = st.o.leet;
  const single = (k: number): boolean =>
    k >= 0 && k < n && isWordClass(cls[k] as number) && (k === 0 || !isWordClass(cls[k - 1] as number)) && (k + 1 >= n || !isWordClass(cls[k + 1] as number));
  let w = 0;
  let r = 0;
  while (r < n) {
    if (!isWordClass(cls[r] as number) || !single(r)) {
      codes[w] = codes[r] as number;
      cls[w] = cls[r] as number;
      starts[w++] = starts[r] as number;
      r++;
      continue;
    }
    // Measure the run: r, r+2, r+4, ... while the separator qualifies and the next is single.
    const sep = codes[r + 1] as number;
    let count = 1;
    let letters = cls[r] === LEET_CANDIDATE || cls[r] === DIGIT ? 0 : 1;
    let k = r;
    while (k + 2 < n && isLetterSeparator(codes[k + 1] as number) && codes[k + 1] === sep && single(k + 2)) {
      k += 2;
      count++;
      if (cls[k] !== LEET_CANDIDATE && cls[k] !== DIGIT) letters++;
    }
    const join = count >= 4 && letters >= 3;
    if (join) st.signals.joined++;
    // The narrowest gap between two letters of the run, in original characters.
    let gap = Number.POSITIVE_INFINITY;
    if (join) for (let j = r + 2; j <= k; j += 2) gap = Math.min(gap, (starts[j] as number) - (starts[j - 1] as number));
    for (let j = r; j <= k; j += join ? 2 : 1) {
      // A gap wider than the run's narrowest (`i g n o r e   a l l`: whitespace collapsed from more
      // characters) separates two words: it stays, as one space.
      if (join && j > r && cls[j - 1] === SPACE && (starts[j] as number) - (starts[j - 1] as number) > gap) {
        codes[w] = codes[j - 1] as number;
        cls[w] = SPACE;
        starts[w++] = starts[j - 1] as number;
      }
      let code = codes[j] as number;
      if (join && leet && cls[j] === LEET_CANDIDATE) {
        // Leet candidates are ASCII digits, `@` and `$`.
        const t = LEET_TO[code] ?? 0;
        if (t !== 0) code = t;
      }
      codes[w] = code;
      cls[w] = cls[j] as number;
      starts[w++] = starts[j] as number;
    }
    r = k + 1;
  }
  b.len = w;
}

/**
 * Decode the base64, hex and escape runs of the original text that turn out to be text, within
 * the budget; returns what to append.
 */
function decodePayloads(src: string, st: State, depth: number, budget: Budget): string {
  let out = '';
  for (const [start, end, kind] of findPayloadRuns(src)) {
    if ((budget[0] as number) <= 0) break;
    const decoded = decodeRun(src.slice(start, end), kind);
    if (decoded !== null) out += appendPayload(st, decoded, start, end, kind, depth, budget);
  }
  return out;
}

/** Canonicalise one decoded payload (within the budget) and record it; returns `\n` + its text. */
function appendPayload(st: State, payload: string, start: number, end: number, kind: PayloadKind, depth: number, budget: Budget): string {
  const left = budget[0] as number;
  if (left <= 0) return '';
  const text = payload.length > left ? payload.slice(0, left) : payload;
  budget[0] = left - text.length;
  const inner = build(text, st.o, depth + 1, budget);
  st.signals.payloads.push(kind);
  mergeSignals(st.signals, inner.signals);
  const from = st.end;
  st.end += 1 + inner.text.length;
  st.spans.push(from, st.end, start, end);
  return `\n${inner.text}`;
}

function mergeSignals(into: CanonicalSignals, from: CanonicalSignals): void {
  // Only counts that are not zero are added: a store, even of the same value, to a field no text
  // has changed yet makes V8 discard the optimised code that assumed it constant.
  if (from.invisible !== 0) into.invisible += from.invisible;
  if (from.tagChars !== 0) into.tagChars += from.tagChars;
  if (from.confusables !== 0) into.confusables += from.confusables;
  if (from.leet !== 0) into.leet += from.leet;
  if (from.joined !== 0) into.joined += from.joined;
  if (from.htmlEntities !== 0) into.htmlEntities += from.htmlEntities;
  if (from.urlEscapes !== 0) into.urlEscapes += from.urlEscapes;
  for (const p of from.payloads) into.payloads.push(p);
}

const COMMON = new Set(COMMON_WORDS);
const COMMON_ROT13 = new Set(COMMON_WORDS.map(rot13));
// Cheap filters before a set lookup (which needs the word as a string): the length range of the
// common words and the first two letters of each, plain or in ROT13.
const COMMON_ANY = [...COMMON, ...COMMON_ROT13];
const MIN_COMMON = Math.min(...COMMON_ANY.map((w) => w.length));
const MAX_COMMON = Math.max(...COMMON_ANY.map((w) => w.length));
const WORD_PAIRS = new Uint8Array(26 * 26);
for (const w of COMMON_ANY) if (w.length >= 2) WORD_PAIRS[(w.charCodeAt(0) - 97) * 26 + (w.charCodeAt(1) - 97)] = 1;

function isLowerAscii(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * A line whose words are common English after ROT13, and less so before, is decoded too; returns
 * what to append.
 */
function decodeRot13(st: State, main: string, depth: number, budget: Budget): string {
  const b = st.b;
  // ROT13 of "the", "you", "and", "all", "is": without one of them there is nothing to decode.
  if (!ROT13_MARKERS.test(main)) return '';
  let out = '';
  let lineStart = 0;
  while (lineStart < main.length && (budget[0] as number) > 0) {
    let lineEnd = main.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = main.length;
    let plain = 0;
    let rotated = 0;
    // The words of the line: runs of a-z.
    for (let k = lineStart; k < lineEnd; ) {
      if (!isLowerAscii(main.charCodeAt(k))) {
        k++;
        continue;
      }
      let e = k + 1;
      while (e < lineEnd && isLowerAscii(main.charCodeAt(e))) e++;
      const len = e - k;
      if (len >= MIN_COMMON && len <= MAX_COMMON && (len === 1 || WORD_PAIRS[(main.charCodeAt(k) - 97) * 26 + (main.charCodeAt(k + 1) - 97)] === 1)) {
        const word = main.slice(k, e);
        if (COMMON.has(word)) plain++;
        else if (COMMON_ROT13.has(word)) rotated++;
      }
      k = e;
    }
    if (rotated >= 3 && rotated > plain) {
      // Only what fits in the budget is appended: decode just that much of a long line.
      const line = main.slice(lineStart, Math.min(lineEnd, lineStart + (budget[0] as number)));
      out += appendPayload(st, rot13(line), b.st[lineStart] as number, lineEnd < main.length ? (b.st[lineEnd] as number) : st.srcLength, 'rot13', depth, budget);
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
