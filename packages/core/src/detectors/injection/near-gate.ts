/**
 * Proximity gate for signals with two anchor groups. Such a signal's pattern needs a word of each
 * group; for a signal that also declares `near` (its longest match on the canonical text), the
 * two words must start at most that many characters apart, so texts that merely hold "if" and
 * "assistant" in different sentences no longer run its pattern. Fed once per anchor word by the
 * feature scans (plain-scan.ts, features.ts); no allocation per text.
 */

/**
 * Anchor words remembered; more of them inside the widest window turns the gate off for the text
 * (so a text crowded with anchor words costs at most RING steps per word).
 */
const RING = 16;

/** The near signals and their distance classes, built once with the anchor table. */
export interface NearTable {
  /** Signals gated by proximity (low and high 32 bits). */
  lo: number;
  hi: number;
  /** Distinct `near` values, ascending. */
  bounds: Int32Array;
  /** For each bound: the signals whose `near` is at least that bound (lo, hi pairs). */
  masks: Uint32Array;
  /** The largest `near`. */
  widest: number;
}

/** Build the distance classes from each signal's `near` (undefined: not gated by proximity). */
export function buildNearTable(near: readonly (number | undefined)[]): NearTable {
  let lo = 0;
  let hi = 0;
  const values = [...new Set(near.filter((d): d is number => d !== undefined))].sort((a, b) => a - b);
  const masks = new Uint32Array(values.length * 2);
  near.forEach((d, i) => {
    if (d === undefined) return;
    if (i < 32) lo |= 1 << i;
    else hi |= 1 << (i - 32);
    values.forEach((bound, c) => {
      if (d < bound) return;
      if (i < 32) masks[c * 2] = (masks[c * 2] as number) | (1 << i);
      else masks[c * 2 + 1] = (masks[c * 2 + 1] as number) | (1 << (i - 32));
    });
  });
  return { lo: lo >>> 0, hi: hi >>> 0, bounds: Int32Array.from(values), masks, widest: values.length > 0 ? (values[values.length - 1] as number) : 0 };
}

// Scratch state of the text being scanned (scans are synchronous and not re-entrant).
const positions = new Int32Array(RING);
const groups = new Uint32Array(RING * 4);
let count = 0;
let foundLo = 0;
let foundHi = 0;
let overflow = false;

/** Start a text. */
export function nearReset(): void {
  count = 0;
  foundLo = 0;
  foundHi = 0;
  overflow = false;
}

/**
 * An anchor word starting at canonical offset `pos`, with its group-1 and group-2 signal bits
 * (already restricted to the near signals; all zero: nothing to do).
 */
export function nearAdd(table: NearTable, pos: number, g1Lo: number, g1Hi: number, g2Lo: number, g2Hi: number): void {
  if (overflow) return;
  // Signals already completed need nothing more: a word that only has those is not remembered
  // (repetitive text costs one step per word).
  g1Lo &= ~foundLo;
  g2Lo &= ~foundLo;
  g1Hi &= ~foundHi;
  g2Hi &= ~foundHi;
  if ((g1Lo | g2Lo | g1Hi | g2Hi) === 0) return;
  // A word in both groups of a signal completes it alone.
  let lo = g1Lo & g2Lo;
  let hi = g1Hi & g2Hi;
  const seen = count < RING ? count : RING;
  for (let k = 1; k <= seen; k++) {
    const slot = (count - k) & (RING - 1);
    const d = pos - (positions[slot] as number);
    if (d > table.widest) break;
    const m = slot * 4;
    const pairLo = (g1Lo & (groups[m + 2] as number)) | (g2Lo & (groups[m] as number));
    const pairHi = (g1Hi & (groups[m + 3] as number)) | (g2Hi & (groups[m + 1] as number));
    if ((pairLo | pairHi) === 0) continue;
    // The signals whose `near` allows this distance.
    const bounds = table.bounds;
    let c = 0;
    while ((bounds[c] as number) < d) c++;
    lo |= pairLo & (table.masks[c * 2] as number);
    hi |= pairHi & (table.masks[c * 2 + 1] as number);
  }
  const slot = count & (RING - 1);
  // Overwriting a word still inside the widest window: a later word might have needed it.
  if (count >= RING && pos - (positions[slot] as number) <= table.widest) overflow = true;
  positions[slot] = pos;
  const m = slot * 4;
  groups[m] = g1Lo;
  groups[m + 1] = g1Hi;
  groups[m + 2] = g2Lo;
  groups[m + 3] = g2Hi;
  count++;
  foundLo |= lo;
  foundHi |= hi;
}

/**
 * The final candidate bits: `lo`/`hi` are the signals whose groups both occur somewhere in the
 * text; near signals keep their bit only when their words occurred close enough.
 */
export function nearFilterLo(table: NearTable, lo: number): number {
  return overflow ? lo : ((lo & ~table.lo) | (lo & foundLo)) >>> 0;
}

export function nearFilterHi(table: NearTable, hi: number): number {
  return overflow ? hi : ((hi & ~table.hi) | (hi & foundHi)) >>> 0;
}
