import type { OutputTransform } from './transform.js';

/** Options of `patternTransform`. */
export interface PatternTransformOptions {
  id: string;
  /** Pattern to replace; must not look behind its match or further ahead than `maxMatchLength`. */
  pattern: RegExp;
  replacement: string | ((match: string) => string);
  /** Upper bound on a match's length, which is also the stream hold-back. */
  maxMatchLength: number;
}

/**
 * Replace every match of a bounded pattern in the model's text, whole or streamed.
 * @example
 * patternTransform({ id: 'output.ticket', pattern: /TICKET-\d{6}/, replacement: '[TICKET]', maxMatchLength: 13 })
 */
export function patternTransform(options: PatternTransformOptions): OutputTransform {
  const flags = options.pattern.flags.includes('g') ? options.pattern.flags : `${options.pattern.flags}g`;
  const re = new RegExp(options.pattern.source, flags);
  const replace = options.replacement;
  const max = options.maxMatchLength;
  return {
    id: options.id,
    maxMatchLength: max,
    apply: (text) => text.replace(re, (m) => (typeof replace === 'string' ? replace : replace(m))),
    safeCut(text) {
      // Text before `limit` cannot be part of a match that more input would change.
      let cut = Math.max(0, text.length - (max - 1));
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const end = m.index + m[0].length;
        if (m[0].length === 0) re.lastIndex++;
        if (m.index >= cut) break;
        if (end > cut) {
          cut = m.index;
          break;
        }
      }
      return cut;
    },
  };
}
