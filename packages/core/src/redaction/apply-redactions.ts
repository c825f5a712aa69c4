/** A span to replace in one text. */
export interface Redaction {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Apply redactions to a text. Overlapping spans are merged deterministically: spans are sorted
 * by start (longest first on ties) and a span that overlaps the previous one extends it, keeping
 * the first span's replacement.
 * @example
 * applyRedactions('call 555-0100 now', [{ start: 5, end: 13, replacement: '[PHONE]' }]) // 'call [PHONE] now'
 */
export function applyRedactions(text: string, redactions: readonly Redaction[]): string {
  if (redactions.length === 0) return text;
  // Spans are clamped to the text; empty or inverted spans (a detector bug) redact nothing.
  const sorted = redactions
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(text.length, r.end), replacement: r.replacement }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Redaction[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r.start < last.end) {
      if (r.end > last.end) last.end = r.end;
    } else {
      merged.push(r);
    }
  }
  let out = '';
  let at = 0;
  for (const r of merged) {
    out += text.slice(at, r.start) + r.replacement;
    at = r.end;
  }
  return out + text.slice(at);
}
