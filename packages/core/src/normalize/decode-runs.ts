import { HTML_ENTITIES } from './fold-tables.js';

// Pure decoders of the canonical pass: HTML entities, URL escapes, and base64, hex and escape
// runs; each returns decoded text or null, and never grows work beyond its input.
// Named entities by their name packed into a number, five bits per lower-case letter (at most
// eight letters: 40 bits, exact in a double), so a lookup needs no substring.
const NAMED = new Map<number, number>();
for (const [name, value] of Object.entries(HTML_ENTITIES)) {
  let key = 0;
  for (let k = 0; k < name.length; k++) key = key * 32 + (name.charCodeAt(k) - 96);
  NAMED.set(key, value.codePointAt(0) as number);
}

/** Bits of the code point in a packed `decodeEntity` result; the entity's length is above them. */
export const ENTITY_CP_BITS = 21;

/**
 * The HTML entity at `src[i]` (which is `&`): `&#DDD;` (1 to 7 digits), `&#xHHH;` (1 to 6 hex
 * digits) or `&name;` (2 to 8 letters, a name of HTML_ENTITIES, any case). Returns its code point
 * and length packed as `length << ENTITY_CP_BITS | cp`, or -1. A hand-written scanner with a
 * number for a result: entity-dense input calls it for every few characters, and it allocates
 * nothing.
 */
export function decodeEntity(src: string, i: number): number {
  const n = src.length;
  let k = i + 1;
  let cp: number;
  if (src.charCodeAt(k) === 35) {
    k++;
    if ((src.charCodeAt(k) | 32) === 120) {
      // `&#x`: 1 to 6 hex digits, then `;` (the decimal form cannot match: `x` is no digit).
      const from = ++k;
      let v = 0;
      for (let d = k < n ? hexValue(src.charCodeAt(k)) : -1; d >= 0 && k - from < 7; d = k < n ? hexValue(src.charCodeAt(k)) : -1) {
        v = v * 16 + d;
        k++;
      }
      if (k === from || k - from > 6 || src.charCodeAt(k) !== 59) return -1;
      cp = v;
    } else {
      const from = k;
      let v = 0;
      for (let c = src.charCodeAt(k); c >= 48 && c <= 57 && k - from < 8; c = src.charCodeAt(k)) {
        v = v * 10 + (c - 48);
        k++;
      }
      if (k === from || k - from > 7 || src.charCodeAt(k) !== 59) return -1;
      cp = v;
    }
  } else {
    const from = k;
    let key = 0;
    for (let c = src.charCodeAt(k) | 32; c >= 97 && c <= 122 && k - from < 9; c = src.charCodeAt(k) | 32) {
      key = key * 32 + (c - 96);
      k++;
    }
    if (k - from < 2 || k - from > 8 || src.charCodeAt(k) !== 59) return -1;
    cp = NAMED.get(key) ?? -1;
  }
  if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  return ((k + 1 - i) << ENTITY_CP_BITS) | cp;
}

const URL_ESCAPE = /%[0-9a-fA-F]{2}/g;

export function countUrlEscapes(src: string): number {
  URL_ESCAPE.lastIndex = 0;
  let count = 0;
  while (URL_ESCAPE.exec(src) !== null) if (++count >= 3) break;
  return count;
}

export function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const UTF8 = new TextDecoder('utf-8', { fatal: false });
// Reused: a call without `stream` starts from a fresh decoder state, also after an error.
const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });

/** Decode a run of consecutive `%XX` escapes as UTF-8 bytes. */
export function decodeUrlRun(src: string, i: number): { text: string; length: number } | null {
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


/** Decoded bytes count as text when they are valid UTF-8, mostly printable and mostly letters. */
export function asText(bytes: Uint8Array): string | null {
  if (bytes.length < 8) return null;
  let text: string;
  try {
    text = UTF8_FATAL.decode(bytes);
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
  // Pairs of hex digits into a preallocated byte array (a run can be a megabyte long).
  const bytes = new Uint8Array(run.length >>> 1);
  let count = 0;
  for (let k = 0; k + 1 < run.length; k += 2) {
    const hi = hexValue(run.charCodeAt(k));
    const lo = hexValue(run.charCodeAt(k + 1));
    if (lo < 0) break;
    bytes[count++] = hi * 16 + lo;
  }
  return asText(bytes.subarray(0, count));
}

/** Decode a run of `\xHH` and `\uHHHH` escapes (as matched by ESCAPE_RUN: well-formed). */
function decodeEscapes(run: string): string | null {
  const units = new Uint16Array(run.length >>> 2);
  let count = 0;
  let max = 0;
  for (let k = 0; k < run.length; ) {
    const digits = run.charCodeAt(k + 1) === 120 ? 2 : 4;
    let v = 0;
    for (let d = 0; d < digits; d++) v = v * 16 + hexValue(run.charCodeAt(k + 2 + d));
    units[count++] = v;
    if (v > max) max = v;
    k += 2 + digits;
  }
  // \x escapes usually spell UTF-8 bytes; \u escapes spell UTF-16 units.
  if (max <= 0xff) return asText(Uint8Array.from(units.subarray(0, count)));
  return count >= 4 ? unitsToString(units, count) : null;
}

function unitsToString(units: Uint16Array, count: number): string {
  let out = '';
  for (let k = 0; k < count; k += 4096) out += String.fromCharCode.apply(null, units.subarray(k, Math.min(count, k + 4096)) as unknown as number[]);
  return out;
}

export function rot13(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 97 + 13) % 26) + 97);
    else if (c >= 65 && c <= 90) out += String.fromCharCode(((c - 65 + 13) % 26) + 65);
    else out += s[k];
  }
  return out;
}

/**
 * Base64 and hex runs found with one scan of the text (a table lookup per character), and escape
 * runs when the text has any; at most 256 runs.
 */
export function findPayloadRuns(src: string): [number, number, 'base64' | 'hex' | 'escape'][] {
  const n = src.length;
  const found: [number, number, 'base64' | 'hex' | 'escape'][] = [];
  if (n < MIN_BASE64) return found;
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
  return found;
}

/** Decode one run as text, or null (a hex run is also a base64 run: it is decoded as hex only). */
export function decodeRun(run: string, kind: 'base64' | 'hex' | 'escape'): string | null {
  if (kind === 'base64' && /^[0-9a-fA-F]+$/.test(run) && run.length >= MIN_HEX) return null;
  return kind === 'base64' ? decodeBase64(run) : kind === 'hex' ? decodeHex(run) : decodeEscapes(run);
}
