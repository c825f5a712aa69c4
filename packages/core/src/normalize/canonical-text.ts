import { countUrlEscapes, decodeEntity, decodeRun, decodeUrlRun, findPayloadRuns, rot13 } from './decode-runs.js';
import { COMMON_WORDS, LEET } from './fold-tables.js';
import { ASCII_CLASS, DIGIT, DROP, LATIN, LEET_CANDIDATE, NEWLINE, OTHER, SPACE, SYMBOL, isInvisible, isLetterSeparator } from './char-classes.js';
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

interface Budget {
  chars: number;
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

/** Decode the base64, hex and escape runs of the original text that turn out to be text, within the budget. */
function decodePayloads(src: string, st: State, depth: number, budget: Budget): void {
  for (const [start, end, kind] of findPayloadRuns(src)) {
    if (budget.chars <= 0) return;
    const decoded = decodeRun(src.slice(start, end), kind);
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

const COMMON = new Set(COMMON_WORDS);
const COMMON_ROT13 = new Set(COMMON_WORDS.map(rot13));
const ASCII_WORD = /[a-z]+/g;


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
