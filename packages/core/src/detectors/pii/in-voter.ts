import { allSame } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * Indian voter ids: the Election Commission of India's EPIC number (Electors Photo Identity
 * Card), three letters and seven digits, e.g. `ABC1234567`. There is no check digit, so only a
 * number next to a voter word is reported.
 * @example
 * inVoter().find('voter id XKR4829105', out) // pii.in-voter
 */
export function inVoter(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.in-voter',
    pattern: /(?<![A-Za-z0-9-])[A-Za-z]{3}\d{7}(?![A-Za-z0-9]|-\d)/,
    validate: (value) => !allSame(value.slice(3)),
    score: 0.3,
    contextScore: 0.85,
    context: ['voter', 'voter id', 'voter card', 'voters id', 'epic', 'epic no', 'epic number', 'elector', 'electors photo identity card', 'electoral', 'election commission', 'मतदाता'],
    requireContext: true,
    gate: digitsAtLeast(7, 7),
    windows: digitWindows,
    maxMatchLength: 10,
  });
}
