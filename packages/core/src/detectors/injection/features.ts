/**
 * Feature extraction over the canonical text, shared by the runtime detector and the training
 * script (scripts/train-injection.mjs bundles this file, so both hash exactly the same way).
 *
 * One pass over the words gives (a) the word-prefix anchors that decide which technique patterns
 * run, (b) the scripts present, and (c) the model's hashed word unigram, bigram and stem features.
 * No allocation per word.
 */

import { buildNearTable, nearFilter, nearReset, recordWord, type NearTable } from './near-gate.js';

/** Hashed feature space of the learned model: 2^18 buckets shared by all feature kinds. */
export const FEATURE_BITS = 18;
export const FEATURE_MASK = (1 << FEATURE_BITS) - 1;

/** Buckets of the anchor table (word-prefix hash -> bitmask of the signals it unlocks). */
const ANCHOR_BITS = 13;
const ANCHOR_MASK = (1 << ANCHOR_BITS) - 1;

// As a signed 32-bit value: every use goes through Math.imul, ^ or >>> 0, which give the same bits,
// and the hash then stays an int32 in optimised code (0x811c9dc5 itself would be a double).
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

// Salts keep the feature kinds apart in the shared space.
const SALT_WORD = 0x9e3779b1;
const SALT_BIGRAM = 0x85ebca6b;
const SALT_STEM = 0x7feb352d;

// Presence bitset over the feature space (32 KiB, stays in cache) and the entries set for the current text.
// A feature index is listed at most once per text (its presence bit guards the list), so the list
// never holds more than 2^FEATURE_BITS entries: a fixed typed array, no growth or reallocation.
const seen = new Uint32Array((1 << FEATURE_BITS) >>> 5);
const touched = new Int32Array(1 << FEATURE_BITS);

/** The shared presence bitmap and its list of set entries (plain-scan.ts uses them too). */
const TABLES = Object.freeze({ seen, touched });
export function wordFeatureTables(): { readonly seen: Uint32Array; readonly touched: Int32Array } {
  return TABLES;
}

export const SCRIPT_CJK = 1;
export const SCRIPT_HANGUL = 2;
export const SCRIPT_ARABIC = 4;
export const SCRIPT_CYRILLIC = 8;

/**
 * Anchor table: each signal gets a bit; an open-addressing hash table from word-prefix hash to an
 * entry (exact keys, so common words do not unlock by collision), and per entry the 64-bit masks of
 * the signals it unlocks. The entries' arrays are dense (a few hundred words, a few KiB each), so a
 * text touches a few cache lines of the table rather than a line of each of seven sparse arrays.
 */
export interface AnchorTable {
  /**
   * The hash table: bucket b holds its prefix hash at `probe[2b]` and its entry at `probe[2b + 1]`
   * (one cache line for both).
   */
  probe: Int32Array;
  /**
   * Occupied buckets, one bit each (1 KiB: stays in the first-level cache; about 6% of the bits are
   * set, so most words are rejected by one bit test without touching `probe`).
   */
  used: Uint32Array;
  /** Per entry: the signals it unlocks (low and high 32 bits). */
  lo: Uint32Array;
  hi: Uint32Array;
  /** Second anchor group: a signal with one runs only when a word of each group occurs. */
  lo2: Uint32Array;
  hi2: Uint32Array;
  /** Signals without a second group (their group-2 bit is always set). */
  free2Lo: number;
  free2Hi: number;
  /** Signals unlocked by a script: [script bit, signal index]. */
  scripts: readonly (readonly [number, number])[];
  /** Signals that have no anchors: always candidates (after their `requires` check). */
  always: readonly number[];
  /** Signals whose two anchor words must occur near each other (near-gate.ts). */
  near: NearTable;
  /**
   * Per entry: the signals whose pattern can start with this word (start-words.ts), for the
   * signals in `startLo`/`startHi` below.
   */
  startsLo: Uint32Array;
  startsHi: Uint32Array;
  /** Signals whose every match on plain text starts at one of their start words. */
  startLo: number;
  startHi: number;
  /** Per entry: 1 when the scans record where the word occurs (near-gate.ts): an anchor of a gated signal, or a start word. */
  recorded: Uint8Array;
}

/** First bucket to probe for a prefix hash. */
export function anchorBucket(p: number): number {
  return Math.imul(p, 0x9e3779b1) >>> (32 - ANCHOR_BITS);
}

/** The entry of prefix hash `p`, or -1 when no anchor has it. */
export function anchorSlot(table: AnchorTable, p: number): number {
  const probe = table.probe;
  const used = table.used;
  let b = anchorBucket(p);
  while ((((used[b >>> 5] as number) >>> (b & 31)) & 1) === 1) {
    if (probe[2 * b] === (p | 0)) return probe[2 * b + 1] as number;
    b = (b + 1) & ANCHOR_MASK;
  }
  return -1;
}

/** Hash of a word prefix as the tokenizer computes it: FNV-1a over at most 5 code units. */
export function prefixHash(word: string): number {
  let h = FNV_OFFSET;
  for (let k = 0; k < word.length && k < 5; k++) h = Math.imul(h ^ word.charCodeAt(k), FNV_PRIME);
  return h >>> 0;
}

const SCRIPT_ANCHORS: Readonly<Record<string, number>> = { 'script:cjk': SCRIPT_CJK, 'script:hangul': SCRIPT_HANGUL, 'script:arabic': SCRIPT_ARABIC, 'script:cyrillic': SCRIPT_CYRILLIC };

/**
 * Build the anchor table for up to 64 signals given their anchor lists (and optional second
 * groups, proximity bounds, and the words their patterns can start with: null when unknown).
 */
export function buildAnchorTable(
  anchors: readonly (readonly string[])[],
  anchors2: readonly (readonly string[] | undefined)[] = [],
  near: readonly (number | undefined)[] = [],
  starts: readonly (readonly string[] | null)[] = [],
): AnchorTable {
  if (anchors.length > 64) throw new Error('at most 64 signals');
  const probe = new Int32Array(2 << ANCHOR_BITS);
  const used = new Uint32Array((1 << ANCHOR_BITS) >>> 5);
  // Per entry while building (at most one per bucket); trimmed to the entries used at the end.
  const size = 1 << ANCHOR_BITS;
  const lo = new Uint32Array(size);
  const hi = new Uint32Array(size);
  const lo2 = new Uint32Array(size);
  const hi2 = new Uint32Array(size);
  const startsLo = new Uint32Array(size);
  const startsHi = new Uint32Array(size);
  let entries = 0;
  const slotOf = (word: string): number => {
    const p = prefixHash(word) | 0;
    let b = anchorBucket(p);
    while ((((used[b >>> 5] as number) >>> (b & 31)) & 1) === 1) {
      if (probe[2 * b] === p) return probe[2 * b + 1] as number;
      b = (b + 1) & ANCHOR_MASK;
    }
    used[b >>> 5] = (used[b >>> 5] as number) | (1 << (b & 31));
    probe[2 * b] = p;
    probe[2 * b + 1] = entries;
    return entries++;
  };
  let free2Lo = 0;
  let free2Hi = 0;
  anchors.forEach((_, i) => {
    const group = anchors2[i];
    if (group === undefined || group.length === 0) {
      if (i < 32) free2Lo |= 1 << i;
      else free2Hi |= 1 << (i - 32);
      return;
    }
    for (const a of group) {
      const e = slotOf(a);
      if (i < 32) lo2[e] = (lo2[e] as number) | (1 << i);
      else hi2[e] = (hi2[e] as number) | (1 << (i - 32));
    }
  });
  const scripts: [number, number][] = [];
  const always: number[] = [];
  anchors.forEach((list, i) => {
    if (list.length === 0) always.push(i);
    for (const a of list) {
      const script = SCRIPT_ANCHORS[a];
      if (script !== undefined) {
        scripts.push([script, i]);
        continue;
      }
      const e = slotOf(a);
      if (i < 32) lo[e] = (lo[e] as number) | (1 << i);
      else hi[e] = (hi[e] as number) | (1 << (i - 32));
    }
  });
  // Word starts are counted on the canonical text within a character or two: a little slack.
  const nearTable = buildNearTable(anchors.map((_, i) => (near[i] === undefined || anchors2[i] === undefined ? undefined : (near[i] as number) + NEAR_SLACK)));
  let startLo = 0;
  let startHi = 0;
  starts.forEach((words, i) => {
    if (words === null || i >= anchors.length) return;
    if (i < 32) startLo |= 1 << i;
    else startHi |= 1 << (i - 32);
    for (const w of words) {
      const e = slotOf(w);
      if (i < 32) startsLo[e] = (startsLo[e] as number) | (1 << i);
      else startsHi[e] = (startsHi[e] as number) | (1 << (i - 32));
    }
  });
  const recorded = new Uint8Array(entries);
  for (let e = 0; e < entries; e++) {
    const gated = (((lo[e] as number) | (lo2[e] as number)) & nearTable.lo) | (((hi[e] as number) | (hi2[e] as number)) & nearTable.hi);
    if (gated !== 0 || ((startsLo[e] as number) | (startsHi[e] as number)) !== 0) recorded[e] = 1;
  }
  return {
    probe,
    used,
    lo: lo.slice(0, entries),
    hi: hi.slice(0, entries),
    lo2: lo2.slice(0, entries),
    hi2: hi2.slice(0, entries),
    free2Lo,
    free2Hi,
    scripts,
    always,
    near: nearTable,
    startsLo: startsLo.slice(0, entries),
    startsHi: startsHi.slice(0, entries),
    startLo: startLo >>> 0,
    startHi: startHi >>> 0,
    recorded,
  };
}

/** What one pass over the canonical text found. */
export interface TextFeatures {
  /** Bitmask (low, high 32 bits) of signals whose anchors occur (both groups where there are two). */
  anchorLo: number;
  anchorHi: number;
  /** SCRIPT_* bits of the scripts present. */
  scripts: number;
  /** Model logit contribution: sum of weights of all features, and their count. */
  sum: number;
  count: number;
  /** Features with a non-zero weight (the model has seen them). */
  known: number;
  /**
   * For long texts, candidate signals per chunk of CHUNK characters (group-1 anchors of the chunk
   * and group-2 anchors of it or a neighbour), so patterns run on the chunks that can match only.
   * Null for texts of at most LONG_TEXT characters.
   */
  chunkLo: Uint32Array | null;
  chunkHi: Uint32Array | null;
  /**
   * A word joins ASCII letters or digits to other word characters (`ıgnore`, `пpint`). The regular
   * expressions' `\b` sees an ASCII word start inside such a word, so the recorded word starts
   * are not all the places a pattern can begin.
   */
  mixedWords: boolean;
}

/** Chunk size for long texts, and the overlap a pattern may need across a chunk border. */
export const CHUNK = 256;
export const CHUNK_OVERLAP = 320;
const LONG_TEXT = 1024;
const NEAR_SLACK = 4;
const NO_CHUNKS = Object.freeze({ chunkLo: null, chunkHi: null });

/** Where features go: a weight table to sum (runtime), or a list to fill (training). */
export interface FeatureSink {
  weights: Int8Array | Float32Array | null;
  /** When set, every feature index is appended here (training). */
  indices: number[] | null;
}

const WORD_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD_ASCII[c] = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0;

function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c >= 0x2000 && c <= 0x206f) return false; // general punctuation
  if (c >= 0x3000 && c <= 0x303f) return false; // CJK punctuation
  if (c >= 0xd800 && c <= 0xdfff) return false; // emoji and other astral symbols
  if (c >= 0xff00 && c <= 0xff0f) return false;
  if (c === 0xa0 || (c >= 0xa1 && c <= 0xbf) || c === 0xd7 || c === 0xf7) return false;
  return true;
}

function scriptOf(c: number): number {
  if (c < 0x400) return 0;
  if (c <= 0x4ff) return SCRIPT_CYRILLIC;
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f)) return SCRIPT_ARABIC;
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) return SCRIPT_CJK;
  if ((c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f)) return SCRIPT_HANGUL;
  return 0;
}

/** A word of the table at canonical offset `pos` with entry `entry`: record where it occurs if the gate or a pattern start needs it. */
export function addAnchorWord(table: AnchorTable, pos: number, entry: number): void {
  if (table.recorded[entry] === 1) recordWord(pos, entry);
}

/**
 * End of a scan: clear the presence bits of the `count` features listed in `touched`, sum the
 * model's weights over them (each distinct feature once) and hand the indices to training.
 */
export function sumFeatures(count: number, sink: FeatureSink): { sum: number; known: number } {
  const w = sink.weights;
  let sum = 0;
  let known = 0;
  for (let k = 0; k < count; k++) {
    const x = touched[k] as number;
    seen[x >>> 5] = 0;
    if (w !== null) {
      const v = w[x] as number;
      sum += v;
      if (v !== 0) known++;
    }
  }
  if (sink.indices !== null) for (let k = 0; k < count; k++) sink.indices.push(touched[k] as number);
  return { sum, known };
}

/** Whether the `@` at `i` is inside a word (an e-mail address): between two ASCII letters or digits. */
function atInWord(text: string, i: number, from: number, to: number): boolean {
  return i > from && i + 1 < to && isAsciiAlnum(text.charCodeAt(i - 1)) && isAsciiAlnum(text.charCodeAt(i + 1));
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/**
 * Candidate signals per chunk from the per-chunk anchor masks `per` (group-1 low/high, group-2
 * low/high): a chunk's group-1 anchors with group-2 anchors of it or a neighbour.
 */
export function chunkMasks(per: Uint32Array, chunks: number, table: AnchorTable): { chunkLo: Uint32Array; chunkHi: Uint32Array } {
  const chunkLo = new Uint32Array(chunks);
  const chunkHi = new Uint32Array(chunks);
  for (let c = 0; c < chunks; c++) {
    let g2Lo = table.free2Lo | (per[c * 4 + 2] as number);
    let g2Hi = table.free2Hi | (per[c * 4 + 3] as number);
    if (c > 0) {
      g2Lo |= per[c * 4 - 2] as number;
      g2Hi |= per[c * 4 - 1] as number;
    }
    if (c + 1 < chunks) {
      g2Lo |= per[c * 4 + 6] as number;
      g2Hi |= per[c * 4 + 7] as number;
    }
    chunkLo[c] = ((per[c * 4] as number) & g2Lo) >>> 0;
    chunkHi[c] = ((per[c * 4 + 1] as number) & g2Hi) >>> 0;
  }
  return { chunkLo, chunkHi };
}

/**
 * One pass over the words: anchors, scripts, and the model's hashed word unigrams, bigrams and
 * five-unit stems. `from`/`to` restrict the pass to a slice of the text.
 *
 * Character n-grams were measured too (3- to 5-grams over the canonical text): on the validation
 * split they were no better than words and stems, at three times the cost per character.
 */
export function extractFeatures(text: string, table: AnchorTable, sink: FeatureSink, from = 0, to = text.length): TextFeatures {
  let anchorLo = 0;
  let anchorHi = 0;
  let scripts = 0;
  const lo = table.lo;
  const hi = table.hi;
  const lo2 = table.lo2;
  const hi2 = table.hi2;
  let anchor2Lo = table.free2Lo;
  let anchor2Hi = table.free2Hi;
  nearReset();
  const chunks = to - from > LONG_TEXT ? Math.ceil((to - from) / CHUNK) : 0;
  // Per chunk: group-1 low/high, group-2 low/high.
  const per = chunks > 0 ? new Uint32Array(chunks * 4) : null;

  let h = FNV_OFFSET;
  let prefix = 0;
  let len = 0;
  let prev = 0;
  let nt = 0;
  let mixedWords = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 32;
    if (c < 128) {
      if (WORD_ASCII[c] === 1) {
        h = Math.imul(h ^ c, FNV_PRIME);
        if (++len === 5) prefix = h;
        // The rest of an ASCII word in a tight loop of its own (few live values).
        for (let d = i + 1 < to ? text.charCodeAt(i + 1) : 32; d < 128 && WORD_ASCII[d] === 1; d = i + 1 < to ? text.charCodeAt(i + 1) : 32) {
          h = Math.imul(h ^ d, FNV_PRIME);
          if (++len === 5) prefix = h;
          i++;
        }
        continue;
      }
      if (c === 64 && atInWord(text, i, from, to)) {
        // The `@` of an address is part of its word for the model, read as the `a` it stands for in
        // leetspeak (how the canonical pass wrote it before it kept addresses). A mention's `@`
        // separates, so its name is a word of its own ("@copilot").
        h = Math.imul(h ^ 97, FNV_PRIME);
        if (++len === 5) prefix = h;
        continue;
      }
    } else if (isWordUnit(c)) {
      if ((len > 0 && isAsciiAlnum(text.charCodeAt(i - 1))) || (i + 1 < to && isAsciiAlnum(text.charCodeAt(i + 1)))) mixedWords = true;
      h = Math.imul(h ^ c, FNV_PRIME);
      if (++len === 5) prefix = h;
      if (c >= 0x400) scripts |= scriptOf(c);
      continue;
    }
    if (len === 0) continue;
    const p = (len < 5 ? h : prefix) >>> 0;
    const entry = anchorSlot(table, p);
    if (entry >= 0) {
      anchorLo |= lo[entry] as number;
      anchorHi |= hi[entry] as number;
      anchor2Lo |= lo2[entry] as number;
      anchor2Hi |= hi2[entry] as number;
      addAnchorWord(table, i - len, entry);
    }
    if (per !== null && entry >= 0) {
      const ci = (((i - len - from) / CHUNK) | 0) * 4;
      per[ci] = (per[ci] as number) | (lo[entry] as number);
      per[ci + 1] = (per[ci + 1] as number) | (hi[entry] as number);
      per[ci + 2] = (per[ci + 2] as number) | (lo2[entry] as number);
      per[ci + 3] = (per[ci + 3] as number) | (hi2[entry] as number);
    }
    if (len <= 40) {
      // Each feature counts once per text (binary presence): repeating a phrase adds nothing.
      const wx = ((h ^ SALT_WORD) >>> 0) & FEATURE_MASK;
      if ((((seen[wx >>> 5] as number) >>> (wx & 31)) & 1) === 0) {
        seen[wx >>> 5] = (seen[wx >>> 5] as number) | (1 << (wx & 31));
        touched[nt++] = wx;
      }
      const bx = ((Math.imul(prev ^ SALT_BIGRAM, FNV_PRIME) ^ h) >>> 0) & FEATURE_MASK;
      if ((((seen[bx >>> 5] as number) >>> (bx & 31)) & 1) === 0) {
        seen[bx >>> 5] = (seen[bx >>> 5] as number) | (1 << (bx & 31));
        touched[nt++] = bx;
      }
      if (len > 5) {
        // The first five units as a stem: ignore, ignored and ignoring share a feature.
        const sx = ((p ^ SALT_STEM) >>> 0) & FEATURE_MASK;
        if ((((seen[sx >>> 5] as number) >>> (sx & 31)) & 1) === 0) {
          seen[sx >>> 5] = (seen[sx >>> 5] as number) | (1 << (sx & 31));
          touched[nt++] = sx;
        }
      }
      prev = h;
    }
    h = FNV_OFFSET;
    len = 0;
  }
  const count = nt;
  const { sum, known } = sumFeatures(count, sink);
  const { chunkLo, chunkHi } = per !== null ? chunkMasks(per, chunks, table) : NO_CHUNKS;
  // Both anchor groups present, and close enough where the signal is gated by proximity.
  return {
    anchorLo: nearFilter(table.near, table.lo, table.lo2, anchorLo & anchor2Lo, false),
    anchorHi: nearFilter(table.near, table.hi, table.hi2, anchorHi & anchor2Hi, true),
    scripts,
    sum,
    count,
    known,
    chunkLo,
    chunkHi,
    mixedWords,
  };
}
