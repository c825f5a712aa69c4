import { allSame, luhn, weightedSum } from './checksums.js';
import { digitsAtLeast, digitWindows } from './gates.js';
import { patternRecognizer, type KnownContext, type Recognizer } from './recognizer.js';

/** ABA routing number: 3-7-1 weights mod 10 and a Federal Reserve prefix (00-12, 21-32, 61-72, 80). */
export function validAbaRouting(d: string): boolean {
  if (!/^\d{9}$/.test(d) || allSame(d)) return false;
  const prefix = Number(d.slice(0, 2));
  if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80)) return false;
  return weightedSum(d, [3, 7, 1, 3, 7, 1, 3, 7, 1]) % 10 === 0;
}

/**
 * US bank routing (ABA) numbers: nine digits with the 3-7-1 checksum; a banking word nearby is
 * needed for a finding.
 * @example
 * usBankRouting().find('routing number 0xxxxxxxx', out) // pii.us-bank-routing
 */
export function usBankRouting(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.us-bank-routing',
    pattern: /(?<![\d\-.])\d{4}-?\d{4}-?\d(?![\d]|[-.]\d)/,
    validate: (v) => validAbaRouting(v.replace(/-/g, '')),
    score: 0.4,
    contextScore: 0.9,
    context: ['routing', 'aba number', 'aba routing', 'transit number'],
    requireContext: true,
    gate: digitsAtLeast(9, 4),
    windows: digitWindows,
    maxMatchLength: 11,
  });
}

/**
 * US National Provider Identifiers (health care): ten digits starting 1 or 2, Luhn over the
 * digits prefixed with 80840 (CMS).
 * @example
 * usNpi().find('NPI 1xxxxxxxxx', out) // pii.us-npi
 */
export function usNpi(options: KnownContext = {}): Recognizer {
  return patternRecognizer({
    contextKnown: options.contextKnown,
    id: 'pii.us-npi',
    pattern: /(?<![\d\-.])[12]\d{3} ?\d{3} ?\d{3}(?![\d]|[-.]\d)/,
    validate: (v) => luhn(`80840${v.replace(/ /g, '')}`),
    score: 0.45,
    contextScore: 0.9,
    context: ['npi', 'national provider'],
    requireContext: true,
    gate: digitsAtLeast(10, 4),
    windows: digitWindows,
    maxMatchLength: 12,
  });
}
