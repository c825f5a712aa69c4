/**
 * Where the anchor words of a text start, and the proximity gate that reads them.
 *
 * The feature scans (plain-scan.ts, features.ts) record each word that is an anchor of a signal
 * gated by proximity or a word a pattern can start with (start-words.ts): two stores per word.
 *
 * Proximity gate: a signal with two anchor groups needs a word of each; for a signal that also
 * declares `near` (its longest match on the canonical text), the two words must start at most
 * that many characters apart, so texts that merely hold "if" and "assistant" in different
 * sentences do not run its pattern. The distances are checked once at the end of the text, and
 * only for the gated signals that are still candidates (usually none or one), one walk over the
 * recorded words each. No allocation per text.
 */

/**
 * Words recorded per text (a megabyte of prose has a few tens of thousands); a text with more
 * turns the gate off (every candidate stays) and its patterns scan the whole text.
 */
const CAPACITY = 1 << 18;
/** The scratch arrays start at this size and double as texts need (a long text grows them once). */
const INITIAL = 4096;

/** The gated signals and their distances, built once with the anchor table. */
export interface NearTable {
  /** Signals gated by proximity (low and high 32 bits). */
  lo: number;
  hi: number;
  /** Per signal index (0..63): the largest distance allowed between its two words, or -1. */
  distance: Int32Array;
}

/** Build the gate from each signal's `near` (undefined: not gated by proximity). */
export function buildNearTable(near: readonly (number | undefined)[]): NearTable {
  let lo = 0;
  let hi = 0;
  const distance = new Int32Array(64).fill(-1);
  near.forEach((d, i) => {
    if (d === undefined) return;
    if (i < 32) lo |= 1 << i;
    else hi |= 1 << (i - 32);
    distance[i] = d;
  });
  return { lo: lo >>> 0, hi: hi >>> 0, distance };
}

// Scratch state of the text being scanned (scans are synchronous and not re-entrant).
let positions = new Int32Array(INITIAL);
let slots = new Int32Array(INITIAL);
let count = 0;

/** Start a text. */
export function nearReset(): void {
  count = 0;
}

/** A recorded word starts at canonical offset `pos` (ascending), with anchor-table entry `slot`. */
export function recordWord(pos: number, slot: number): void {
  if (count >= positions.length && count < CAPACITY) grow();
  if (count < CAPACITY) {
    positions[count] = pos;
    slots[count] = slot;
  }
  count++;
}

function grow(): void {
  const p = new Int32Array(positions.length * 2);
  const s = new Int32Array(slots.length * 2);
  p.set(positions);
  s.set(slots);
  positions = p;
  slots = s;
}

/**
 * The words recorded for the last text scanned (positions ascending), or null when there were
 * more than the capacity. Valid until the next scan.
 */
export function recordedWords(): { positions: Int32Array; slots: Int32Array; count: number } | null {
  return count > CAPACITY ? null : { positions, slots, count };
}

/**
 * The final candidates among 32 signals (`high`: signals 32..63): `candidates` are the signals
 * whose groups both occur somewhere in the text (`group1`/`group2`: the anchor table's masks per
 * slot for these 32 signals); a gated signal keeps its bit only when a word of each group starts
 * within its distance of the other (or one word is in both groups).
 */
export function nearFilter(table: NearTable, group1: Uint32Array, group2: Uint32Array, candidates: number, high: boolean): number {
  let gated = candidates & (high ? table.hi : table.lo);
  if (gated === 0 || count > CAPACITY) return candidates >>> 0;
  let keep = candidates & ~gated;
  while (gated !== 0) {
    const bit = gated & -gated;
    gated ^= bit;
    const d = table.distance[(high ? 32 : 0) + 31 - Math.clz32(bit)] as number;
    // Positions ascend: the nearest earlier word of the other group is the last one seen.
    let last1 = -Infinity;
    let last2 = -Infinity;
    for (let k = 0; k < count; k++) {
      const slot = slots[k] as number;
      const pos = positions[k] as number;
      const in1 = ((group1[slot] as number) & bit) !== 0;
      const in2 = ((group2[slot] as number) & bit) !== 0;
      if ((in1 && (in2 || pos - last2 <= d)) || (in2 && pos - last1 <= d)) {
        keep |= bit;
        break;
      }
      if (in1) last1 = pos;
      if (in2) last2 = pos;
    }
  }
  return keep >>> 0;
}
