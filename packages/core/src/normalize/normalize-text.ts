/**
 * Characters removed before detection and forwarding:
 * - zero-width and joiners (U+200B..U+200D, U+2060..U+2064, U+FEFF), soft hyphen, Mongolian vowel separator,
 *   combining grapheme joiner, Hangul fillers: they hide words from pattern matching;
 * - bidi controls (U+200E/F, U+202A..U+202E, U+2066..U+2069, U+061C): "Trojan Source" reordering (CVE-2021-42574);
 * - Unicode tag characters (U+E0000..U+E007F): invisible ASCII smuggling of instructions to models;
 * - variation selectors (U+FE00..U+FE0F, U+E0100..U+E01EF): carriers for byte smuggling;
 * - C0 and C1 controls except tab, line feed and carriage return.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]|\uDB40[\uDC00-\uDDEF]/g;

/** Quick test: does the text contain anything `stripInvisible` would remove? */
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

/** Any UTF-16 surrogate, to skip the lone-surrogate scan on plain BMP text. */
const HAS_SURROGATE = /[\uD800-\uDFFF]/;

/** Options for `normalizeText`. */
export interface NormalizeOptions {
  nfkc: boolean;
  stripInvisible: boolean;
}

/**
 * NFKC and removal of invisible and control characters. Offsets in the result refer to the
 * normalised text, which is what the guard forwards, so findings and redactions agree.
 * @example
 * normalizeText('ig\u200Bnore ｔｈｉｓ', { nfkc: true, stripInvisible: true }) // 'ignore this'
 */
export function normalizeText(text: string, options: NormalizeOptions): string {
  let out = strip(text, options);
  // NFKC only changes non-ASCII text; skip the call for ASCII (the common case). A few
  // compatibility characters fold into invisible ones (U+FFA0 -> U+1160), so strip again.
  if (options.nfkc && !isAscii(out)) {
    const folded = out.normalize('NFKC');
    if (folded !== out) out = strip(folded, options);
  }
  return out;
}

function strip(text: string, options: NormalizeOptions): string {
  return options.stripInvisible && HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) return false;
  return true;
}

/**
 * True when the string holds a high surrogate without its low half or the reverse
 * (invalid UTF-16 that cannot be encoded as UTF-8 without loss).
 * @example
 * hasLoneSurrogate('\uD83D') // true
 */
export function hasLoneSurrogate(text: string): boolean {
  if (!HAS_SURROGATE.test(text)) return false;
  // String.prototype.isWellFormed is Node 20+.
  return !text.isWellFormed();
}
