import { allSame } from './checksums.js';
import { mixedIdAtLeast } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/**
 * Italian identity card numbers (carta d'identità, Ministero dell'Interno): the paper card,
 * two letters + seven digits (`AX4829105`), and the electronic CIE, two letters + five digits +
 * two letters (`CA48291KB`). No check digit: only a number next to an identity-card word is
 * reported.
 * @example
 * itIdentityCard().find("carta d'identità CA48291KB", out) // pii.it-identity-card
 */
export function itIdentityCard(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.it-identity-card',
    pattern: /(?<![A-Za-z0-9-])[A-Za-z]{2}\d{5}(?:\d\d|[A-Za-z]{2})(?![A-Za-z0-9]|-[A-Za-z0-9])/,
    validate: (value) => !allSame(value.slice(2).replace(/[A-Za-z]+$/, '')),
    score: 0.3,
    contextScore: 0.85,
    context: [
      "carta d'identità", 'carta d’identità', "carta d'identita", 'carta di identità', 'carta di identita', 'carta identità', 'carta identita',
      'cie', "documento d'identità", 'documento di identità', 'documento di identita', 'identity card', 'id card', 'identity document',
    ],
    requireContext: true,
    gate: mixedIdAtLeast(5, 5),
    needsDigit: true,
    maxMatchLength: 9,
  });
}
