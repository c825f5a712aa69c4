import type { OutputTransform } from './transform.js';

/** Streaming form of a transform chain: `push()` returns what is final, `flush()` the rest. */
export interface TextStream {
  push(text: string): string;
  flush(): string;
}

function stage(t: OutputTransform): TextStream {
  if (t.maxMatchLength <= 1 && t.safeCut === undefined) {
    return { push: (text) => (text === '' ? '' : t.apply(text)), flush: () => '' };
  }
  let held = '';
  return {
    push(text) {
      held += text;
      const cut = t.safeCut ? t.safeCut(held) : Math.max(0, held.length - (t.maxMatchLength - 1));
      if (cut <= 0) return '';
      const ready = held.slice(0, cut);
      held = held.slice(cut);
      return t.apply(ready);
    },
    flush() {
      const rest = held;
      held = '';
      return rest === '' ? '' : t.apply(rest);
    },
  };
}

/**
 * Chain transforms for a stream of text deltas. For every way of splitting a text `x` into
 * deltas, the concatenated output equals the composed whole-text result on `x`.
 * @example
 * const s = streamText([escapeHtml()]); s.push('<b'); s.push('>'); s.flush(); // '&lt;b' + '&gt;' + ''
 */
export function streamText(transforms: readonly OutputTransform[]): TextStream {
  const stages = transforms.map(stage);
  return {
    push(text) {
      let out = text;
      for (const s of stages) out = s.push(out);
      return out;
    },
    flush() {
      let out = '';
      for (const s of stages) out = s.push(out) + s.flush();
      return out;
    },
  };
}
