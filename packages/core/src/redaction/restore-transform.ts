import type { OutputTransform } from '../output/transform.js';
import { deanonymize } from './pseudonymize.js';

// A tail that could still grow into a placeholder: '<', then entity letters, '_' and digits.
const OPEN_TAIL = /<[A-Z0-9_]*$/;

/**
 * An output transform that puts allowed values back in place of their placeholders in the
 * model's answer, whole or streamed. Built per request from a plain map loaded before the
 * response starts (`restorable(await vault.load(id), policy)`), so it is synchronous. A
 * placeholder split across stream chunks is held back until it is complete: `safeCut` stops
 * before a trailing '<...' that could still become a placeholder.
 * @example
 * createOutputFilter(codec, [restoreTransform(restorable(await vault.load(id))), ...config.output])
 */
export function restoreTransform(map: ReadonlyMap<string, string>): OutputTransform {
  let longest = 2;
  for (const p of map.keys()) longest = Math.max(longest, p.length);
  return {
    id: 'output.restore-placeholders',
    maxMatchLength: longest,
    apply: (text) => deanonymize(text, map),
    safeCut(text) {
      const tail = text.length - Math.min(text.length, longest - 1);
      const open = text.lastIndexOf('<');
      if (open === -1 || open < tail) return text.length;
      return OPEN_TAIL.test(text.slice(open)) ? open : text.length;
    },
  };
}
