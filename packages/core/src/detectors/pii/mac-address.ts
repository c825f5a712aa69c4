import { patternRecognizer, type Recognizer } from './recognizer.js';

// Separator-first preconditions: ':' or '-' between hex pairs, or '.' around four hex digits.
// Prose has a few hyphens and dots and fewer colons: each is found by a native jump and the
// characters after it are checked by hand (past 64 of them, the regex scans the rest at once).
const SEPARATED_GATE = /[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-]/;
const DOTTED_GATE = /\.[0-9A-Fa-f]{4}\./;
const MANY = 64;

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

function isSeparator(c: number): boolean {
  return c === 58 || c === 45;
}

/** `SEPARATED_GATE.test(text) || DOTTED_GATE.test(text)`. */
function macGate(text: string): boolean {
  for (const separator of [':', '-']) {
    let seen = 0;
    for (let i = text.indexOf(separator); i !== -1; i = text.indexOf(separator, i + 1)) {
      if (++seen > MANY) return SEPARATED_GATE.test(text) || DOTTED_GATE.test(text);
      if (isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2)) && isSeparator(text.charCodeAt(i + 3)) && isHex(text.charCodeAt(i + 4)) && isHex(text.charCodeAt(i + 5)) && isSeparator(text.charCodeAt(i + 6))) return true;
    }
  }
  let seen = 0;
  for (let i = text.indexOf('.'); i !== -1 && i + 5 < text.length; i = text.indexOf('.', i + 1)) {
    if (++seen > MANY) return DOTTED_GATE.test(text);
    if (text.charCodeAt(i + 5) === 46 && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2)) && isHex(text.charCodeAt(i + 3)) && isHex(text.charCodeAt(i + 4))) return true;
  }
  return false;
}

/**
 * MAC-48 addresses in colon, hyphen (IEEE 802) or Cisco dotted notation, with one separator
 * kind. The broadcast and all-zero addresses identify nobody and are not reported.
 * @example
 * macAddress().find('MAC: 0A:1B:2C:3D:4E:5F', out) // pii.mac-address
 */
export function macAddress(): Recognizer {
  return patternRecognizer({
    gate: macGate,
    id: 'pii.mac-address',
    pattern: /(?<![0-9A-Fa-f:\-.])(?:[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![0-9A-Za-z]|[:-][0-9A-Fa-f])/,
    validate(value) {
      const hex = value.replace(/[^0-9A-Fa-f]/g, '').toLowerCase();
      if (hex === 'ffffffffffff' || hex === '000000000000') return false;
      // Dotted notation needs at least one letter or a separator-rich context to not be a version number.
      return true;
    },
    score: 0.8,
    contextScore: 0.95,
    context: ['mac', 'hardware', 'ethernet', 'wifi', 'wi-fi', 'bssid', 'device', 'adapter'],
    maxMatchLength: 17,
  });
}
