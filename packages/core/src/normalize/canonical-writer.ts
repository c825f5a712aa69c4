import { ASCII_CLASS, confusableTo, DIGIT, DROP, LATIN, LEET_CANDIDATE, LEET_TO, LETTER, NEWLINE, SPACE, STRONG, UTF16, WEAK, fold, isInvisible, isLetterSeparator } from './char-classes.js';
import type { CanonicalSignals, Resolved } from './canonical-text.js';

/**
 * The output of one pass: parallel arrays of code unit, class and original span, plus the counts
 * of the word being written (folds are decided per word, by its mix of scripts).
 */
export class Writer {
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
  readonly caseFold: boolean;
  readonly confusables: boolean;
  readonly leet: boolean;
  readonly signals: CanonicalSignals;

  /** The text being written, for context checks on the original (see `foldLeet`). */
  readonly src: string;

  constructor(capacity: number, o: Resolved, signals: CanonicalSignals, src = '') {
    this.src = src;
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
          const t = confusableTo(this.codes[k] as number);
          if (t === 0) continue;
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
      // A word that opens with `@` and has no other such character is a mention (`@copilot`, `@ai-bot`), not `a...`.
      const mention = this.codes[from] === 64 && this.leetCount === 1 && to - from >= 3;
      for (let k = from + 1; k < to; k++) if (this.cls[k] === LEET_CANDIDATE && this.cls[k - 1] === LATIN) this.foldLeet(k);
      for (let k = to - 2; k >= (mention ? from + 1 : from); k--) if (this.cls[k] === LEET_CANDIDATE && this.cls[k + 1] === LATIN) this.foldLeet(k);
    }
  }

  private foldLeet(k: number): void {
    const code = this.codes[k] as number;
    const t = LEET_TO[code] ?? 0;
    if (t === 0) return;
    // The `@` of an e-mail address is not an `a`: patterns look for addresses.
    if (code === 64 && emailAt(this.src, this.st[k] as number)) return;
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

/** Whether `src[i]` is the `@` of an e-mail address: a local-part character before it, a domain label and a dot and two letters after it. */
function emailAt(src: string, i: number): boolean {
  if (i <= 0 || src.charCodeAt(i) !== 64 || !isLocalChar(src.charCodeAt(i - 1))) return false;
  let j = i + 1;
  while (j < src.length && j - i <= 64 && isLabelChar(src.charCodeAt(j))) j++;
  if (j === i + 1 || src.charCodeAt(j) !== 46) return false;
  return isAsciiLetter(src.charCodeAt(j + 1)) && isAsciiLetter(src.charCodeAt(j + 2));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isLabelChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 45;
}

function isLocalChar(c: number): boolean {
  return isLabelChar(c) || c === 46 || c === 95 || c === 37 || c === 43;
}
