import type { DetectorMatch } from '../../types.js';

/** The default rule threshold: matches at or above it are findings. */
const FINDING_SCORE = 0.5;
/** Two readings of one span within this score distance are both kept. */
const AMBIGUOUS = 0.3;

/**
 * Merge the matches of several recognizers deterministically: a match lying inside (or on) a
 * kept match of at least its score is dropped (a phone-shaped run inside a card number, an IPv4
 * inside an IPv6, a weak passport reading of a number that is an SSN), except that the same span
 * read as two entities at finding level (both >= 0.5, scores within 0.3) keeps both kinds: a ten-digit number can
 * be a phone number and an NHS number, and rules decide per kind.
 * Partial overlaps are kept; redaction merges them. Sorting makes the cost O(n log n).
 */
export function resolveOverlaps(matches: DetectorMatch[]): DetectorMatch[] {
  if (matches.length < 2) return matches;
  const compare = (i: number, j: number) => {
    const a = matches[i] as DetectorMatch;
    const b = matches[j] as DetectorMatch;
    return a.start - b.start || b.end - a.end || b.score - a.score || i - j;
  };
  // Positions sorted, not wrapper objects: a huge input has tens of thousands of matches. Often
  // they already are in order (one recognizer found them all): then nothing is sorted.
  let sorted = true;
  for (let i = 1; i < matches.length && sorted; i++) sorted = compare(i - 1, i) < 0;
  const order = Array.from(matches.keys());
  if (!sorted) order.sort(compare);
  const kept: DetectorMatch[] = [];
  let cover: DetectorMatch | undefined; // the kept match reaching furthest right so far
  for (const i of order) {
    const m = matches[i] as DetectorMatch;
    if (cover !== undefined && m.start >= cover.start && m.end <= cover.end && cover.score >= m.score) {
      const same = m.start === cover.start && m.end === cover.end;
      if (!(same && m.kind !== cover.kind && m.score >= FINDING_SCORE && cover.score - m.score < AMBIGUOUS)) continue;
    }
    kept.push(m);
    if (cover === undefined || m.end > cover.end) cover = m;
  }
  return kept;
}
