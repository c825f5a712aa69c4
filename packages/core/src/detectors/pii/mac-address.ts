import { patternRecognizer, type Recognizer } from './recognizer.js';

/**
 * MAC-48 addresses in colon, hyphen (IEEE 802) or Cisco dotted notation, with one separator
 * kind. The broadcast and all-zero addresses identify nobody and are not reported.
 * @example
 * macAddress().find('MAC: 0A:1B:2C:3D:4E:5F', out) // pii.mac-address
 */
// Separator-first preconditions: cheap scans for ':' / '-' / '.' followed by hex pairs.
const MAC_GATE = /[:-][0-9A-Fa-f]{2}[:-][0-9A-Fa-f]{2}[:-]|\.[0-9A-Fa-f]{4}\./;

export function macAddress(): Recognizer {
  return patternRecognizer({
    gate: (t) => MAC_GATE.test(t),
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
