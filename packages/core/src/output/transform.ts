/**
 * A transform of the model's text. Streams stay equal to whole bodies because every transform
 * declares how much text a single replacement can span: a stream holds back at most
 * `maxMatchLength - 1` characters (plus an unfinished match), and `safeCut` says where text can
 * be cut without splitting a match.
 */
export interface OutputTransform {
  id: string;
  /** The longest span one replacement covers; 1 for per-character transforms (no hold-back). */
  maxMatchLength: number;
  /** Transform a whole text. */
  apply(text: string): string;
  /**
   * The largest index `i` such that `apply(text.slice(0, i))` is final whatever text follows.
   * Omit for per-character transforms (`maxMatchLength: 1`).
   */
  safeCut?(text: string): number;
}

/** Compose transforms into one whole-text function, in order. */
export function composeTransforms(transforms: readonly OutputTransform[]): (text: string) => string {
  if (transforms.length === 0) return (text) => text;
  if (transforms.length === 1) {
    const only = transforms[0] as OutputTransform;
    return (text) => only.apply(text);
  }
  return (text) => {
    let out = text;
    for (const t of transforms) out = t.apply(out);
    return out;
  };
}
